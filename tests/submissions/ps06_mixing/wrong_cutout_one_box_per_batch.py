"""Cutout with one square position for the whole batch.

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
    sizes = tf.fill([1], size)
    mask = box_mask(shape[1], shape[2], sizes, sizes)
    return tf.where(mask[..., None], tf.zeros_like(images), images)
