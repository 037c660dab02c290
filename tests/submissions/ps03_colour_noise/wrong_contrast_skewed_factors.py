"""Factors between lower and upper, both ends reached, but not uniform: u squared crowds them low.

expect: test_random_contrast
"""
# %% random_contrast
def random_contrast(images, labels, lower, upper, rng):
    images = tf.cast(images, tf.float32)
    u = rng.uniform([tf.shape(images)[0], 1, 1, 1])
    factors = lower + (upper - lower) * u ** 2
    means = tf.reduce_mean(images, axis=[1, 2], keepdims=True)
    return tf.clip_by_value((images - means) * factors + means, 0.0, 1.0), labels
