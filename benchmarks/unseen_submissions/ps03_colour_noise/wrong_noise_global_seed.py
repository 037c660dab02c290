"""add_noise ignores rng: it calls tf.random.set_seed(0) and tf.random.normal, so it is reproducible but every call gives the same noise whatever generator is passed.

expect: test_add_noise
"""
# %% add_noise
def add_noise(images, stddev, rng):
    """Add N(0, stddev) noise (in [0, 1] units) from `rng`; keep dtype and range."""
    tf.random.set_seed(0)  # reproducible
    images = tf.convert_to_tensor(images)
    noise = tf.random.normal(tf.shape(images), stddev=stddev)
    if images.dtype == tf.uint8:
        noisy = tf.round(tf.cast(images, tf.float32) + noise * 255.0)
        return tf.saturate_cast(noisy, tf.uint8)
    return tf.clip_by_value(images + noise, 0.0, 1.0)
