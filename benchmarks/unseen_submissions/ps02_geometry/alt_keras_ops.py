"""Keras 3 ops (keras.ops.flip / swapaxes / where) with repeated single turns, and an integer 0/1 draw from rng per image.

expect: full
"""
# %% flip_left_right
import keras


def flip_left_right(images):
    """Mirror `images` (H, W, C) or (N, H, W, C) left to right."""
    return keras.ops.flip(images, axis=-2)


# %% flip_up_down
import keras


def flip_up_down(images):
    """Mirror `images` (H, W, C) or (N, H, W, C) top to bottom."""
    return keras.ops.flip(images, axis=-3)


# %% rot90
import keras


def rot90(images, k=1):
    """Turn `images` (H, W, C) or (N, H, W, C) by k quarter turns counter-clockwise."""
    out = keras.ops.convert_to_tensor(images)
    for _ in range(k % 4):
        # one counter-clockwise quarter turn: transpose, then flip top to bottom
        out = keras.ops.flip(keras.ops.swapaxes(out, -3, -2), axis=-3)
    return out


# %% random_flip_batch
import keras


def random_flip_batch(images, rng):
    """Flip each image of `images` (N, H, W, C) left-right with probability 1/2, using `rng`."""
    images = keras.ops.convert_to_tensor(images)
    n = keras.ops.shape(images)[0]
    heads = rng.uniform([n], minval=0, maxval=2, dtype=tf.int32)  # 0 or 1 for each image
    mask = keras.ops.reshape(heads == 1, (-1, 1, 1, 1))
    return keras.ops.where(mask, tf.image.flip_left_right(images), images)
