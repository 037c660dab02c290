"""Keras 3 ops only (keras.ops), with a grid built row by row with concatenate.

expect: full
"""
# %% to_float01
def to_float01(images):
    import keras

    return keras.ops.divide(keras.ops.cast(images, "float32"), 255.0)

# %% to_uint8
def to_uint8(images):
    import keras

    images = keras.ops.clip(keras.ops.cast(images, "float32"), 0.0, 1.0)
    return keras.ops.cast(keras.ops.round(images * 255.0), "uint8")

# %% to_rgb_batch
def to_rgb_batch(images):
    import keras

    out = []
    for image in images:
        image = keras.ops.convert_to_tensor(image)
        if len(image.shape) == 2:
            image = keras.ops.expand_dims(image, -1)
        out.append(keras.ops.tile(image, [1, 1, 3 // image.shape[-1]]))
    return keras.ops.stack(out, axis=0)

# %% channel_means
def channel_means(batch):
    import keras

    return keras.ops.mean(keras.ops.cast(batch, "float32"), axis=(0, 1, 2))

# %% make_grid
def make_grid(batch, ncols):
    import keras

    batch = keras.ops.convert_to_tensor(batch)
    count = batch.shape[0]
    blank = keras.ops.zeros_like(batch[0])
    rows = []
    for start in range(0, count, ncols):
        row = [batch[i] if i < count else blank for i in range(start, start + ncols)]
        rows.append(keras.ops.concatenate(row, axis=1))
    return keras.ops.concatenate(rows, axis=0)
