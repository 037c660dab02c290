"""add_noise (float32 path) clips only at 1 with tf.minimum, thinking of bright pixels: dark pixels plus negative noise go below 0.

expect: test_add_noise
"""
# %% add_noise
def add_noise(images, stddev, rng):
    """Add N(0, stddev) noise (in [0, 1] units) from `rng`; keep dtype and range."""
    images = tf.convert_to_tensor(images)
    if images.dtype == tf.uint8:
        noise = rng.normal(tf.shape(images), stddev=stddev * 255.0)
        noisy = tf.round(tf.cast(images, tf.float32) + noise)
        return tf.cast(tf.clip_by_value(noisy, 0.0, 255.0), tf.uint8)
    noise = rng.normal(tf.shape(images), stddev=stddev)
    return tf.minimum(images + noise, 1.0)
