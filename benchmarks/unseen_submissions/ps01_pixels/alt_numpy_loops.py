"""All five functions in plain NumPy with explicit loops and preallocated arrays (round half up with floor(x + 0.5)).

expect: full
"""
# %% to_float01
def to_float01(images):
    """Return uint8 `images` (values 0..255, any shape) as float32 values in [0, 1]."""
    values = np.array(images, dtype=np.float32)
    values /= np.float32(255)
    return values


# %% to_uint8
def to_uint8(images):
    """Return float `images` (about 0..1, any shape) as uint8 0..255, clipped and rounded."""
    values = np.array(images, dtype=np.float64)
    values = np.where(values < 0, 0.0, values)
    values = np.where(values > 1, 1.0, values)
    return np.floor(values * 255 + 0.5).astype(np.uint8)


# %% to_rgb_batch
def to_rgb_batch(images):
    """Stack same-sized uint8 images ((H, W), (H, W, 1) or (H, W, 3)) into (N, H, W, 3) uint8."""
    images = [np.asarray(image) for image in images]
    height, width = images[0].shape[:2]
    batch = np.zeros((len(images), height, width, 3), dtype=np.uint8)
    for i, image in enumerate(images):
        if image.ndim == 2:
            image = image.reshape(height, width, 1)
        for channel in range(3):
            source = 0 if image.shape[2] == 1 else channel
            batch[i, :, :, channel] = image[:, :, source]
    return batch


# %% channel_means
def channel_means(batch):
    """Return the float32 mean of each channel of `batch` (N, H, W, C), shape (C,)."""
    batch = np.asarray(batch)
    channels = batch.shape[-1]
    means = np.zeros(channels, dtype=np.float32)
    for channel in range(channels):
        means[channel] = batch[..., channel].astype(np.float64).mean()
    return means


# %% make_grid
def make_grid(batch, ncols):
    """Tile `batch` (N, H, W, C) row by row into one (rows * H, ncols * W, C) image."""
    batch = np.asarray(batch)
    count, height, width, channels = batch.shape
    rows = (count + ncols - 1) // ncols
    grid = np.zeros((rows * height, ncols * width, channels), dtype=batch.dtype)
    for i in range(count):
        top = (i // ncols) * height
        left = (i % ncols) * width
        for y in range(height):
            grid[top + y, left:left + width] = batch[i, y]
    return grid
