"""add_noise scales the noise by 255 for uint8 and clips, but casts to uint8 without rounding: values are truncated, so the result is biased about half a level down.

expect: test_add_noise
"""
# %% add_noise
def add_noise(images, stddev, rng):
    """Add N(0, stddev) noise (in [0, 1] units) from `rng`; keep dtype and range."""
    images = tf.convert_to_tensor(images)
    noise = rng.normal(tf.shape(images), stddev=stddev)
    if images.dtype == tf.uint8:
        noisy = tf.cast(images, tf.float32) + noise * 255.0
        return tf.cast(tf.clip_by_value(noisy, 0.0, 255.0), tf.uint8)
    return tf.clip_by_value(images + noise, 0.0, 1.0)
