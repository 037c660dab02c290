"""tf.image throughout: adjust_brightness (which saturates uint8 itself), adjust_contrast per image.

expect: full
"""
# %% brighten
def brighten(images, delta):
    return tf.clip_by_value(tf.image.adjust_brightness(tf.cast(images, tf.float32), delta), 0, 1)

# %% brighten_uint8
def brighten_uint8(images, delta):
    return tf.image.adjust_brightness(tf.constant(images, tf.uint8), delta / 255.0)

# %% random_contrast
def random_contrast(images, labels, lower, upper, rng):
    images = tf.cast(images, tf.float32)
    factors = rng.uniform([images.shape[0]], lower, upper)
    changed = tf.map_fn(lambda pair: tf.image.adjust_contrast(pair[0], pair[1]),
                        (images, factors), fn_output_signature=tf.float32)
    return tf.clip_by_value(changed, 0.0, 1.0), labels

# %% add_noise
def add_noise(images, stddev, rng):
    images = tf.convert_to_tensor(images)
    as_float = tf.image.convert_image_dtype(images, tf.float32)
    noisy = tf.clip_by_value(as_float + rng.normal(tf.shape(images), stddev=stddev), 0.0, 1.0)
    if images.dtype == tf.uint8:
        return tf.cast(tf.round(noisy * 255.0), tf.uint8)
    return noisy
