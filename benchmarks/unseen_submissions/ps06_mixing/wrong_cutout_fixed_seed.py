"""Cutout with per-image centres drawn over the whole image and clipped, but from tf.random.stateless_uniform with the student's own fixed seed (not from rng): every call erases the same 64 squares.

expect: test_cutout
"""
# %% cutout
def cutout(images, size):
    """Each image with one size x size square set to 0: centre drawn over the whole image,
    square clipped at the border, every channel erased."""
    images = tf.convert_to_tensor(images)
    shape = tf.shape(images)
    n, height, width = shape[0], shape[1], shape[2]
    cy = tf.random.stateless_uniform([n], seed=[6, 0], minval=0, maxval=height, dtype=tf.int32)
    cx = tf.random.stateless_uniform([n], seed=[6, 1], minval=0, maxval=width, dtype=tf.int32)
    top = tf.maximum(cy - size // 2, 0)
    bottom = tf.minimum(cy + size // 2, height)
    left = tf.maximum(cx - size // 2, 0)
    right = tf.minimum(cx + size // 2, width)
    rows = tf.range(height)[None, :, None]
    cols = tf.range(width)[None, None, :]
    mask = ((rows >= top[:, None, None]) & (rows < bottom[:, None, None])
            & (cols >= left[:, None, None]) & (cols < right[:, None, None]))
    return tf.where(mask[..., None], tf.zeros_like(images), images)
