"""Cutout that draws the centre row over the width and the centre column over the height (x/y swapped): right on square images, but on a wide or tall image some rows/columns can never hold the centre and others get centres outside the image.

expect: test_cutout
"""
# %% cutout
def cutout(images, size):
    """Each image with one size x size square set to 0: centre drawn over the whole image,
    square clipped at the border, every channel erased."""
    images = tf.convert_to_tensor(images)
    shape = tf.shape(images)
    n, height, width = shape[0], shape[1], shape[2]
    x = rng.uniform([n], minval=0, maxval=height, dtype=tf.int32)
    y = rng.uniform([n], minval=0, maxval=width, dtype=tf.int32)
    half = size // 2
    top, bottom = tf.clip_by_value(y - half, 0, height), tf.clip_by_value(y + half, 0, height)
    left, right = tf.clip_by_value(x - half, 0, width), tf.clip_by_value(x + half, 0, width)
    rows = tf.range(height)
    cols = tf.range(width)
    in_rows = (rows[None, :] >= top[:, None]) & (rows[None, :] < bottom[:, None])
    in_cols = (cols[None, :] >= left[:, None]) & (cols[None, :] < right[:, None])
    mask = in_rows[:, :, None] & in_cols[:, None, :]
    return tf.where(mask[..., None], 0.0, images)
