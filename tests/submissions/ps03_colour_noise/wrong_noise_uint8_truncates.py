"""uint8 noise scaled and clipped, then a cast that cuts off the fraction instead of rounding.

expect: test_add_noise
"""
# %% add_noise
def add_noise(images, stddev, rng):
    images = tf.convert_to_tensor(images)
    noise = rng.normal(tf.shape(images), stddev=stddev)
    if images.dtype == tf.uint8:
        noisy = tf.cast(images, tf.float32) + noise * 255.0
        return tf.cast(tf.clip_by_value(noisy, 0.0, 255.0), tf.uint8)
    return tf.clip_by_value(tf.cast(images, tf.float32) + noise, 0.0, 1.0)
