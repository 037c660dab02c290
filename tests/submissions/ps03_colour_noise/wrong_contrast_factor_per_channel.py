"""Draws a factor per image AND per channel (shape (N, 1, 1, C)) instead of one per image.

expect: test_random_contrast
"""
# %% random_contrast
def random_contrast(images, labels, lower, upper, rng):
    images = tf.cast(images, tf.float32)
    shape = tf.shape(images)
    factors = rng.uniform([shape[0], 1, 1, shape[3]], lower, upper)
    means = tf.reduce_mean(images, axis=[1, 2], keepdims=True)
    return tf.clip_by_value((images - means) * factors + means, 0.0, 1.0), labels
