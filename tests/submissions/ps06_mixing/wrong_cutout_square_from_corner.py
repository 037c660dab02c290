"""Cutout that draws a pixel anywhere in the image and starts the square there (its upper-left
corner) instead of centring it: every border is still reached, but the squares lean to the
lower right.

expect: test_cutout
"""
# %% cutout
def cutout(images, size):
    images = tf.convert_to_tensor(images, tf.float32)
    shape = tf.shape(images)
    n = shape[0]
    top = rng.uniform([n], 0, shape[1], dtype=tf.int32)
    left = rng.uniform([n], 0, shape[2], dtype=tf.int32)
    rows = tf.range(shape[1])[None, :, None]
    cols = tf.range(shape[2])[None, None, :]
    mask = ((rows >= top[:, None, None]) & (rows < (top + size)[:, None, None])
            & (cols >= left[:, None, None]) & (cols < (left + size)[:, None, None]))
    return tf.where(mask[..., None], tf.zeros_like(images), images)
