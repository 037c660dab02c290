"""Cutout drawing the centre with maxval=height - 1 and width - 1 (reading maxval as inclusive), so the last row and last column are never a centre: not uniform over all pixels.

expect: test_cutout
"""
# %% cutout
def cutout(images, size):
    """Each image with one size x size square set to 0: centre drawn over the whole image,
    square clipped at the border, every channel erased."""
    images = tf.convert_to_tensor(images)
    shape = tf.shape(images)
    n, height, width = shape[0], shape[1], shape[2]
    # centre coordinates between 0 and the last pixel index
    cy = rng.uniform([n], minval=0, maxval=height - 1, dtype=tf.int32)
    cx = rng.uniform([n], minval=0, maxval=width - 1, dtype=tf.int32)
    top = tf.maximum(cy - size // 2, 0)
    bottom = tf.minimum(cy + size // 2, height)
    left = tf.maximum(cx - size // 2, 0)
    right = tf.minimum(cx + size // 2, width)
    rows = tf.range(height)[None, :, None]
    cols = tf.range(width)[None, None, :]
    mask = ((rows >= top[:, None, None]) & (rows < bottom[:, None, None])
            & (cols >= left[:, None, None]) & (cols < right[:, None, None]))
    return tf.where(mask[..., None], tf.zeros_like(images), images)
