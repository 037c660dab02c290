"""All five functions with keras.ops (backend-agnostic ops), vectorised: broadcast_to for gray, concatenate rows for the grid.

expect: full
"""
# %% to_float01
import keras


def to_float01(images):
    """Return uint8 `images` (values 0..255, any shape) as float32 values in [0, 1]."""
    return keras.ops.divide(keras.ops.cast(images, "float32"), 255.0)


# %% to_uint8
import keras


def to_uint8(images):
    """Return float `images` (about 0..1, any shape) as uint8 0..255, clipped and rounded."""
    scaled = keras.ops.multiply(keras.ops.cast(images, "float32"), 255.0)
    scaled = keras.ops.clip(keras.ops.round(scaled), 0.0, 255.0)
    return keras.ops.cast(scaled, "uint8")


# %% to_rgb_batch
import keras


def to_rgb_batch(images):
    """Stack same-sized uint8 images ((H, W), (H, W, 1) or (H, W, 3)) into (N, H, W, 3) uint8."""
    rgb = []
    for image in images:
        image = keras.ops.convert_to_tensor(image)
        if len(image.shape) == 2:
            image = keras.ops.expand_dims(image, axis=-1)
        height, width = image.shape[0], image.shape[1]
        rgb.append(keras.ops.broadcast_to(image, (height, width, 3)))
    return keras.ops.cast(keras.ops.stack(rgb, axis=0), "uint8")


# %% channel_means
import keras


def channel_means(batch):
    """Return the float32 mean of each channel of `batch` (N, H, W, C), shape (C,)."""
    batch = keras.ops.cast(batch, "float32")
    channels = batch.shape[-1]
    flat = keras.ops.reshape(batch, (-1, channels))
    return keras.ops.mean(flat, axis=0)


# %% make_grid
import keras


def make_grid(batch, ncols):
    """Tile `batch` (N, H, W, C) row by row into one (rows * H, ncols * W, C) image."""
    batch = keras.ops.convert_to_tensor(batch)
    n, h, w, c = batch.shape
    rows = -(-n // ncols)
    blank = keras.ops.zeros((h, w, c), dtype=batch.dtype)
    tiles = [batch[i] for i in range(n)] + [blank] * (rows * ncols - n)
    lines = [keras.ops.concatenate(tiles[r * ncols:(r + 1) * ncols], axis=1) for r in range(rows)]
    return keras.ops.concatenate(lines, axis=0)
