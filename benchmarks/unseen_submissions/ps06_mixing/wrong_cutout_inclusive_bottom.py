"""Cutout with the square from centre - size//2 to centre + size//2 INCLUSIVE (<= on the far side), so size=12 erases 13 x 13 squares and size=4 erases 5 x 5: not a size x size square.

expect: test_cutout
"""
# %% cutout
def cutout(images, size):
    """Each image with one size x size square set to 0: centre drawn over the whole image,
    square clipped at the border, every channel erased."""
    images = tf.convert_to_tensor(images)
    shape = tf.shape(images)
    n, height, width = shape[0], shape[1], shape[2]
    cy = rng.uniform([n, 1, 1], minval=0, maxval=height, dtype=tf.int32)
    cx = rng.uniform([n, 1, 1], minval=0, maxval=width, dtype=tf.int32)
    rows = tf.range(height)[None, :, None]
    cols = tf.range(width)[None, None, :]
    # pixels out of the image are simply never in the range, so the square is clipped
    mask = ((rows >= cy - size // 2) & (rows <= cy + size // 2)
            & (cols >= cx - size // 2) & (cols <= cx + size // 2))
    return images * tf.cast(~mask, images.dtype)[..., None]
