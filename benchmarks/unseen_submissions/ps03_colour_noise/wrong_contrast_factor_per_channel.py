"""random_contrast draws a factor of shape (N, 1, 1, C), one per image AND per channel, where the text asks for one factor per image (the colour balance changes).

expect: test_random_contrast
"""
# %% random_contrast
def random_contrast(images, labels, lower, upper, rng):
    """Scale each image's contrast by its own factor from U[lower, upper); keep the labels."""
    images = tf.convert_to_tensor(images, tf.float32)
    shape = tf.shape(images)
    factors = rng.uniform([shape[0], 1, 1, shape[3]], minval=lower, maxval=upper)
    mean = tf.reduce_mean(images, axis=[1, 2], keepdims=True)
    out = (images - mean) * factors + mean
    return tf.clip_by_value(out, 0.0, 1.0), labels
