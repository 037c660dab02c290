"""One noise value per pixel, shared by its channels (shape (..., 1)): gray noise, not per channel.

expect: test_add_noise
"""
# %% add_noise
def add_noise(images, stddev, rng):
    images = tf.convert_to_tensor(images)
    shape = tf.concat([tf.shape(images)[:-1], [1]], axis=0)
    noise = rng.normal(shape, stddev=stddev)
    if images.dtype == tf.uint8:
        noisy = tf.round(tf.cast(images, tf.float32) + noise * 255.0)
        return tf.cast(tf.clip_by_value(noisy, 0.0, 255.0), tf.uint8)
    return tf.clip_by_value(tf.cast(images, tf.float32) + noise, 0.0, 1.0)
