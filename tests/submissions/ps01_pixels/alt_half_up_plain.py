"""Plain NumPy written another way: half-up rounding with floor(x + 0.5), tile, sums, slot lists.

expect: full
"""
# %% to_float01
def to_float01(images):
    return np.multiply(np.asarray(images), 1 / 255, dtype=np.float32)

# %% to_uint8
def to_uint8(images):
    scaled = np.maximum(np.minimum(np.asarray(images, dtype=np.float64), 1.0), 0.0) * 255
    return np.floor(scaled + 0.5).astype(np.uint8)

# %% to_rgb_batch
def to_rgb_batch(images):
    batch = []
    for image in images:
        image = np.asarray(image).reshape(np.shape(image)[0], np.shape(image)[1], -1)
        batch.append(np.tile(image, (1, 1, 3 // image.shape[2]))[None])
    return np.concatenate(batch, axis=0)

# %% channel_means
def channel_means(batch):
    batch = np.asarray(batch)
    total = batch.astype(np.float64).sum(axis=(0, 1, 2))
    return (total / (batch.shape[0] * batch.shape[1] * batch.shape[2])).astype(np.float32)

# %% make_grid
def make_grid(batch, ncols):
    batch = np.asarray(batch)
    height, width = batch.shape[1:3]
    slots = list(batch) + [np.zeros_like(batch[0])] * (-len(batch) % ncols)
    rows = [np.hstack(slots[i:i + ncols]) for i in range(0, len(slots), ncols)]
    return np.vstack(rows).reshape(len(rows) * height, ncols * width, batch.shape[3])
