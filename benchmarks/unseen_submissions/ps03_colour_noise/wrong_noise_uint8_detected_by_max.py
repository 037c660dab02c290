"""add_noise decides "0..255 image" by max value > 1 instead of by dtype: an all-black (or 0/1-only) uint8 image takes the float path and comes back float32, with unscaled noise.

expect: test_add_noise
"""
# %% add_noise
def add_noise(images, stddev, rng):
    """Add N(0, stddev) noise (in [0, 1] units) from `rng`; keep dtype and range."""
    x = tf.cast(images, tf.float32)
    noise = rng.normal(tf.shape(x), stddev=stddev)
    if float(tf.reduce_max(x)) > 1.0:  # values in 0..255: a uint8 image
        noisy = tf.round(x + noise * 255.0)
        return tf.cast(tf.clip_by_value(noisy, 0.0, 255.0), tf.uint8)
    return tf.clip_by_value(x + noise, 0.0, 1.0)
