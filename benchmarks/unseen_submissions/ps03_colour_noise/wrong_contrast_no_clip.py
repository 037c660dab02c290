"""random_contrast draws one factor per image from rng and keeps per-channel means, but forgets to clip to [0, 1]: factors above 1 push values out of range.

expect: test_random_contrast
"""
# %% random_contrast
def random_contrast(images, labels, lower, upper, rng):
    """Scale each image's contrast by its own factor from U[lower, upper); keep the labels."""
    images = tf.convert_to_tensor(images, tf.float32)
    n = tf.shape(images)[0]
    factors = rng.uniform(tf.stack([n, 1, 1, 1]), minval=lower, maxval=upper)
    mean = tf.reduce_mean(images, axis=[1, 2], keepdims=True)
    return (images - mean) * factors + mean, labels
