"""TensorFlow's own ops: convert_image_dtype, round and saturate_cast, grayscale_to_rgb, a tf grid.

expect: full
"""
# %% to_float01
def to_float01(images):
    return tf.image.convert_image_dtype(tf.convert_to_tensor(images), tf.float32)

# %% to_uint8
def to_uint8(images):
    # saturate_cast clips to 0..255 at both ends before it converts
    return tf.saturate_cast(tf.round(tf.cast(images, tf.float32) * 255.0), tf.uint8)

# %% to_rgb_batch
def to_rgb_batch(images):
    out = []
    for image in images:
        image = tf.convert_to_tensor(image)
        if image.shape.rank == 2:
            image = image[..., tf.newaxis]
        if image.shape[-1] == 1:
            image = tf.image.grayscale_to_rgb(image)
        out.append(image)
    return tf.stack(out)

# %% channel_means
def channel_means(batch):
    return tf.reduce_mean(tf.cast(batch, tf.float32), axis=[0, 1, 2])

# %% make_grid
def make_grid(batch, ncols):
    batch = tf.convert_to_tensor(batch)
    count, height, width, channels = batch.shape
    rows = -(-count // ncols)
    batch = tf.pad(batch, [[0, rows * ncols - count], [0, 0], [0, 0], [0, 0]])
    grid = tf.reshape(batch, [rows, ncols, height, width, channels])
    grid = tf.transpose(grid, [0, 2, 1, 3, 4])
    return tf.reshape(grid, [rows * height, ncols * width, channels])
