"""Computes the red, green and blue means one by one, so it always returns 3 values, whatever the number of channels.

expect: test_channel_means
"""
# %% channel_means
def channel_means(batch):
    """Return the float32 mean of each channel of `batch` (N, H, W, C), shape (C,)."""
    batch = np.asarray(batch, dtype=np.float32)
    red = batch[..., 0].mean()
    green = batch[..., 1].mean()
    blue = batch[..., 2].mean()
    return np.array([red, green, blue], dtype=np.float32)
