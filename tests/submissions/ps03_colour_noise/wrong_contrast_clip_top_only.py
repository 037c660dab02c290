"""Clips only at 1 (tf.minimum): a factor above 1 pushes dark values below 0 and they stay there.

expect: test_random_contrast
"""
# %% random_contrast
def random_contrast(images, labels, lower, upper, rng):
    images = tf.cast(images, tf.float32)
    factors = rng.uniform([tf.shape(images)[0], 1, 1, 1], lower, upper)
    means = tf.reduce_mean(images, axis=[1, 2], keepdims=True)
    return tf.minimum((images - means) * factors + means, 1.0), labels
