"""keras.ops and per-image loops: contrast drawn one image at a time, noise per image, a list back.

expect: full
"""
# %% brighten
import keras


def brighten(images, delta):
    return keras.ops.clip(keras.ops.cast(images, "float32") + delta, 0.0, 1.0)

# %% brighten_uint8
def brighten_uint8(images, delta):
    wide = tf.cast(images, tf.int32) + delta
    return tf.saturate_cast(wide, tf.uint8)

# %% random_contrast
def random_contrast(images, labels, lower, upper, rng):
    changed = []
    for image in tf.unstack(tf.cast(images, tf.float32)):
        factor = rng.uniform([], minval=lower, maxval=upper)
        changed.append(tf.image.adjust_contrast(image, factor))
    return [tf.clip_by_value(tf.stack(changed), 0.0, 1.0), labels]

# %% add_noise
def add_noise(images, stddev, rng):
    images = tf.convert_to_tensor(images)
    single = images.shape.rank == 3
    batch = images[tf.newaxis] if single else images
    scale = 255.0 if batch.dtype == tf.uint8 else 1.0
    out = []
    for image in tf.unstack(batch):
        noisy = tf.cast(image, tf.float32) + rng.normal(tf.shape(image)) * stddev * scale
        if batch.dtype == tf.uint8:
            out.append(tf.saturate_cast(tf.round(noisy), tf.uint8))
        else:
            out.append(tf.clip_by_value(noisy, 0.0, 1.0))
    out = tf.stack(out)
    return out[0] if single else out
