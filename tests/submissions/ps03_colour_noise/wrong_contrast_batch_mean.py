"""Draws per image but takes the mean over the whole batch, shifting each image's colour.

expect: test_random_contrast
"""
# %% random_contrast
def random_contrast(images, labels, lower, upper, rng):
    images = tf.cast(images, tf.float32)
    factors = rng.uniform([tf.shape(images)[0], 1, 1, 1], lower, upper)
    mean = tf.reduce_mean(images)
    return tf.clip_by_value((images - mean) * factors + mean, 0.0, 1.0), labels
