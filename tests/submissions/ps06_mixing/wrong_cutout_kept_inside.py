"""Cutout that keeps the square inside the image, so no square is ever cut by the border.

expect: test_cutout
"""
# %% cutout
rng = tf.random.Generator.from_seed(6)  # one random stream for all three functions


def box_mask(height, width, box_height, box_width):
    """A boolean (n, height, width) mask: per image a box of about box_height x box_width
    centred on a pixel drawn uniformly over the whole image, clipped at the border."""
    n = tf.shape(box_height)[0]
    centre_y = rng.uniform([n], 0, height, dtype=tf.int32)
    centre_x = rng.uniform([n], 0, width, dtype=tf.int32)
    top = tf.clip_by_value(centre_y - box_height // 2, 0, height)
    bottom = tf.clip_by_value(centre_y + box_height // 2, 0, height)
    left = tf.clip_by_value(centre_x - box_width // 2, 0, width)
    right = tf.clip_by_value(centre_x + box_width // 2, 0, width)
    rows = tf.range(height)[None, :, None]
    cols = tf.range(width)[None, None, :]
    return ((rows >= top[:, None, None]) & (rows < bottom[:, None, None])
            & (cols >= left[:, None, None]) & (cols < right[:, None, None]))


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
