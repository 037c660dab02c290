"""NumPy only, no loops: astype, clip and rint, broadcast_to, and pad-reshape-transpose.

expect: full
"""
# %% to_float01
def to_float01(images):
    return np.asarray(images).astype(np.float32) / np.float32(255)

# %% to_uint8
def to_uint8(images):
    return np.rint(np.clip(np.asarray(images), 0, 1) * 255).astype(np.uint8)

# %% to_rgb_batch
def to_rgb_batch(images):
    arrays = [np.asarray(image) for image in images]
    arrays = [a[..., None] if a.ndim == 2 else a for a in arrays]
    return np.stack([np.broadcast_to(a, a.shape[:2] + (3,)) for a in arrays])

# %% channel_means
def channel_means(batch):
    return np.asarray(batch).mean(axis=(0, 1, 2), dtype=np.float64).astype(np.float32)

# %% make_grid
def make_grid(batch, ncols):
    batch = np.asarray(batch)
    count, height, width, channels = batch.shape
    rows = -(-count // ncols)
    batch = np.pad(batch, [(0, rows * ncols - count), (0, 0), (0, 0), (0, 0)])
    grid = batch.reshape(rows, ncols, height, width, channels).transpose(0, 2, 1, 3, 4)
    return grid.reshape(rows * height, ncols * width, channels)
