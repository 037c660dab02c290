"""tf.image throughout: adjust_brightness + clip, adjust_brightness(delta/255) on uint8 (saturating conversion), a Python loop over images with tf.image.adjust_contrast and one rng.uniform([]) per image, and noise in TF with tf.saturate_cast.

expect: full
"""
# %% brighten
def brighten(images, delta):
    """Add `delta` to float32 `images` in [0, 1] and clip the result to [0, 1]."""
    images = tf.convert_to_tensor(images, tf.float32)
    shifted = tf.image.adjust_brightness(images, tf.cast(delta, tf.float32))
    return tf.clip_by_value(shifted, 0.0, 1.0)


# %% brighten_uint8
def brighten_uint8(images, delta):
    """Add the integer `delta` to uint8 `images`, saturating at 0 and 255; return uint8."""
    images = tf.convert_to_tensor(images, tf.uint8)
    # on uint8, adjust_brightness works in float and converts back with saturation
    return tf.image.adjust_brightness(images, float(delta) / 255.0)


# %% random_contrast
def random_contrast(images, labels, lower, upper, rng):
    """Scale each image's contrast by its own factor from U[lower, upper); keep the labels."""
    images = tf.convert_to_tensor(images, tf.float32)
    out = []
    for image in tf.unstack(images):
        factor = rng.uniform([], minval=lower, maxval=upper)
        out.append(tf.clip_by_value(tf.image.adjust_contrast(image, factor), 0.0, 1.0))
    return tf.stack(out), labels


# %% add_noise
def add_noise(images, stddev, rng):
    """Add N(0, stddev) noise (in [0, 1] units) from `rng`; keep dtype and range."""
    images = tf.convert_to_tensor(images)
    noise = rng.normal(tf.shape(images), stddev=stddev)
    if images.dtype == tf.uint8:
        levels = tf.round(tf.cast(images, tf.float32) + 255.0 * noise)
        return tf.saturate_cast(levels, tf.uint8)  # clips to 0..255, then casts
    return tf.clip_by_value(tf.cast(images, tf.float32) + noise, 0.0, 1.0)
