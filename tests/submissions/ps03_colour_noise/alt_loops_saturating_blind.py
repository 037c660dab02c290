"""Unusual but valid: brighten clips with tf.nn.relu and tf.minimum; brighten_uint8 saturates in
uint8 itself (adds at most the headroom, subtracts at most the value) without any wider type;
random_contrast loops over the images drawing one factor per image from rng; add_noise loops over
the images drawing each image's noise separately and converts with tf.saturate_cast after rounding.

expect: full
"""
# %% brighten
def brighten(images, delta):
    """Add `delta` to float32 `images` in [0, 1] and clip the result to [0, 1]."""
    x = tf.cast(images, tf.float32)
    return tf.minimum(tf.nn.relu(x + tf.cast(delta, tf.float32)), 1.0)


# %% brighten_uint8
def brighten_uint8(images, delta):
    """Add the integer `delta` to uint8 `images`, saturating at 0 and 255; return uint8."""
    x = np.array(images, dtype=np.uint8)  # a copy
    d = int(delta)
    if d >= 0:
        headroom = np.uint8(255) - x  # never below 0
        return x + np.minimum(headroom, np.uint8(min(d, 255)))
    return x - np.minimum(x, np.uint8(min(-d, 255)))


# %% random_contrast
def random_contrast(images, labels, lower, upper, rng):
    """Scale each image's contrast by its own factor from U[lower, upper); keep the labels."""
    x = tf.convert_to_tensor(images, dtype=tf.float32)
    changed = []
    for i in range(x.shape[0]):
        factor = rng.uniform([], minval=lower, maxval=upper)  # a new draw for each image
        image = x[i]
        mean = tf.reduce_mean(image, axis=[0, 1], keepdims=True)
        changed.append(tf.clip_by_value((image - mean) * factor + mean, 0.0, 1.0))
    return tf.stack(changed), labels


# %% add_noise
def add_noise(images, stddev, rng):
    """Add N(0, stddev) noise (in [0, 1] units) from `rng`; keep dtype and range."""
    x = tf.convert_to_tensor(images)
    single = len(x.shape) == 3
    batch = x[tf.newaxis] if single else x
    is_uint8 = batch.dtype == tf.uint8
    scale = 255.0 if is_uint8 else 1.0
    out = []
    for i in range(batch.shape[0]):
        noisy = tf.cast(batch[i], tf.float32) + rng.normal(batch.shape[1:], stddev=scale * stddev)
        if is_uint8:
            out.append(tf.saturate_cast(tf.round(noisy), tf.uint8))  # clamps to 0..255, then casts
        else:
            out.append(tf.clip_by_value(noisy, 0.0, 1.0))
    result = tf.stack(out)
    return result[0] if single else result
