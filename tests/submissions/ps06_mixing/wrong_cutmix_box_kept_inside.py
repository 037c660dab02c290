"""CutMix that keeps every box inside the image instead of drawing the centre anywhere and clipping.

expect: test_cutmix_boxes
"""
# %% cutmix
def cutmix(images, labels, alpha):
    images = tf.convert_to_tensor(images, tf.float32)
    labels = tf.cast(labels, tf.float32)
    shape = tf.shape(images)
    n, height, width = shape[0], shape[1], shape[2]
    side = tf.sqrt(1.0 - sample_beta(n, alpha))
    box_height = tf.cast(side * tf.cast(height, tf.float32), tf.int32)
    box_width = tf.cast(side * tf.cast(width, tf.float32), tf.int32)
    top = rng.uniform([n], 0, 1) * tf.cast(height - box_height + 1, tf.float32)
    left = rng.uniform([n], 0, 1) * tf.cast(width - box_width + 1, tf.float32)
    top, left = tf.cast(top, tf.int32), tf.cast(left, tf.int32)
    rows = tf.range(height)[None, :, None]
    cols = tf.range(width)[None, None, :]
    mask = ((rows >= top[:, None, None]) & (rows < (top + box_height)[:, None, None])
            & (cols >= left[:, None, None]) & (cols < (left + box_width)[:, None, None]))
    other = partners(n)
    mixed = tf.where(mask[..., None], tf.gather(images, other), images)
    pasted = tf.reduce_mean(tf.cast(mask, tf.float32), axis=[1, 2])[:, None]  # after clipping
    return mixed, (1 - pasted) * labels + pasted * tf.gather(labels, other)
