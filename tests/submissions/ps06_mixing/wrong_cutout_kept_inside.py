"""Cutout that keeps the square inside the image, so no square is ever cut by the border.

expect: test_cutout
"""
# %% cutout
def cutout(images, size):
    images = tf.convert_to_tensor(images, tf.float32)
    shape = tf.shape(images)
    top = rng.uniform([shape[0]], 0, shape[1] - size + 1, dtype=tf.int32)
    left = rng.uniform([shape[0]], 0, shape[2] - size + 1, dtype=tf.int32)
    rows = tf.range(shape[1])[None, :, None]
    cols = tf.range(shape[2])[None, None, :]
    mask = ((rows >= top[:, None, None]) & (rows < (top + size)[:, None, None])
            & (cols >= left[:, None, None]) & (cols < (left + size)[:, None, None]))
    return tf.where(mask[..., None], tf.zeros_like(images), images)
