"""random_contrast draws its per-image factors with tf.random.stateless_uniform and a fixed seed of its own instead of from rng: every call and every generator gives the same factors.

expect: test_random_contrast
"""
# %% random_contrast
def random_contrast(images, labels, lower, upper, rng):
    """Scale each image's contrast by its own factor from U[lower, upper); keep the labels."""
    images = tf.convert_to_tensor(images, tf.float32)
    n = images.shape[0]
    # stateless, so the same seed gives the same result every time
    factors = tf.random.stateless_uniform([n, 1, 1, 1], seed=[0, 42], minval=lower, maxval=upper)
    mean = tf.reduce_mean(images, axis=[1, 2], keepdims=True)
    out = tf.clip_by_value((images - mean) * factors + mean, 0.0, 1.0)
    return out, labels
