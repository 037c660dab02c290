"""add_noise draws noise of shape (N, H, W, 1) and broadcasts it over the channels: the three channels of a pixel get the same noise, not independent noise for every value.

expect: test_add_noise
"""
# %% add_noise
def add_noise(images, stddev, rng):
    """Add N(0, stddev) noise (in [0, 1] units) from `rng`; keep dtype and range."""
    images = tf.convert_to_tensor(images)
    n, h, w = images.shape[0], images.shape[1], images.shape[2]
    noise = rng.normal([n, h, w, 1], stddev=stddev)  # one value per pixel (luminance noise)
    if images.dtype == tf.uint8:
        noisy = tf.round(tf.cast(images, tf.float32) + 255.0 * noise)
        return tf.cast(tf.clip_by_value(noisy, 0.0, 255.0), tf.uint8)
    return tf.clip_by_value(images + noise, 0.0, 1.0)
