"""keras.ops throughout (clip, cast, mean, round, add); contrast written as mean + factor * (x - mean) with factors of shape (N, 1, 1, 1); noise scaled by a per-dtype unit.

expect: full
"""
# %% brighten
import keras
from keras import ops


def brighten(images, delta):
    """Add `delta` to float32 `images` in [0, 1] and clip the result to [0, 1]."""
    x = ops.cast(images, "float32")
    return ops.cast(ops.clip(ops.add(x, delta), 0.0, 1.0), "float32")


# %% brighten_uint8
import keras
from keras import ops


def brighten_uint8(images, delta):
    """Add the integer `delta` to uint8 `images`, saturating at 0 and 255; return uint8."""
    wide = ops.add(ops.cast(images, "int32"), int(delta))
    return ops.cast(ops.clip(wide, 0, 255), "uint8")


# %% random_contrast
import keras
from keras import ops


def random_contrast(images, labels, lower, upper, rng):
    """Scale each image's contrast by its own factor from U[lower, upper); keep the labels."""
    x = ops.cast(images, "float32")
    n = ops.shape(x)[0]
    factor = ops.reshape(rng.uniform([n], minval=lower, maxval=upper), (-1, 1, 1, 1))
    mean = ops.mean(x, axis=(1, 2), keepdims=True)
    out = mean + factor * (x - mean)
    return ops.clip(out, 0.0, 1.0), labels


# %% add_noise
import keras
from keras import ops


def add_noise(images, stddev, rng):
    """Add N(0, stddev) noise (in [0, 1] units) from `rng`; keep dtype and range."""
    dtype = keras.backend.standardize_dtype(images.dtype)
    is_uint8 = dtype == "uint8"
    top = 255.0 if is_uint8 else 1.0
    x = ops.cast(images, "float32")
    noisy = x + rng.normal(tuple(ops.shape(x)), stddev=stddev * top)
    noisy = ops.clip(noisy, 0.0, top)
    if is_uint8:
        return ops.cast(ops.round(noisy), "uint8")
    return noisy
