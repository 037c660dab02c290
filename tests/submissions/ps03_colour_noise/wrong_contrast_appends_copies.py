"""Treats augmentation as "more data": returns the originals plus the changed copies.

expect: test_random_contrast
"""
# %% random_contrast
def random_contrast(images, labels, lower, upper, rng):
    images = tf.cast(images, tf.float32)
    factors = rng.uniform([tf.shape(images)[0], 1, 1, 1], lower, upper)
    means = tf.reduce_mean(images, axis=[1, 2], keepdims=True)
    changed = tf.clip_by_value((images - means) * factors + means, 0.0, 1.0)
    return tf.concat([images, changed], axis=0), labels
