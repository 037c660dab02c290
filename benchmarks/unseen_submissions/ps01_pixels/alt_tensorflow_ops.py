"""All five functions with TensorFlow ops only (convert_image_dtype, saturate_cast, grayscale_to_rgb, pad + reshape + transpose).

expect: full
"""
# %% to_float01
def to_float01(images):
    """Return uint8 `images` (values 0..255, any shape) as float32 values in [0, 1]."""
    images = tf.convert_to_tensor(images)
    # uint8 -> float32 rescales the full integer range 0..255 onto 0..1
    return tf.image.convert_image_dtype(images, tf.float32)


# %% to_uint8
def to_uint8(images):
    """Return float `images` (about 0..1, any shape) as uint8 0..255, clipped and rounded."""
    images = tf.cast(tf.convert_to_tensor(images), tf.float32)
    images = tf.clip_by_value(images, 0.0, 1.0)
    return tf.saturate_cast(tf.round(images * 255.0), tf.uint8)


# %% to_rgb_batch
def to_rgb_batch(images):
    """Stack same-sized uint8 images ((H, W), (H, W, 1) or (H, W, 3)) into (N, H, W, 3) uint8."""
    rgb = []
    for image in images:
        image = tf.convert_to_tensor(image)
        if image.shape.rank == 2:
            image = tf.expand_dims(image, -1)
        if image.shape[-1] == 1:
            image = tf.image.grayscale_to_rgb(image)
        rgb.append(image)
    return tf.stack(rgb, axis=0)


# %% channel_means
def channel_means(batch):
    """Return the float32 mean of each channel of `batch` (N, H, W, C), shape (C,)."""
    batch = tf.cast(tf.convert_to_tensor(batch), tf.float32)
    # mean of each image first, then over images: same thing, every image has H * W pixels
    per_image = tf.reduce_mean(batch, axis=[1, 2])
    return tf.reduce_mean(per_image, axis=0)


# %% make_grid
def make_grid(batch, ncols):
    """Tile `batch` (N, H, W, C) row by row into one (rows * H, ncols * W, C) image."""
    batch = tf.convert_to_tensor(batch)
    n, h, w, c = batch.shape
    rows = -(-n // ncols)
    padded = tf.pad(batch, [[0, rows * ncols - n], [0, 0], [0, 0], [0, 0]])
    blocks = tf.reshape(padded, [rows, ncols, h, w, c])
    blocks = tf.transpose(blocks, [0, 2, 1, 3, 4])  # rows, H, ncols, W, C
    return tf.reshape(blocks, [rows * h, ncols * w, c])
