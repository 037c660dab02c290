"""CutMix that draws each image's partner independently (with replacement), not as a permutation.

expect: test_cutmix
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
    mask = box_mask(height, width, box_height, box_width)
    other = rng.uniform([n], 0, n, dtype=tf.int32)
    mixed = tf.where(mask[..., None], tf.gather(images, other), images)
    pasted = tf.reduce_mean(tf.cast(mask, tf.float32), axis=[1, 2])[:, None]
    return mixed, (1 - pasted) * labels + pasted * tf.gather(labels, other)
