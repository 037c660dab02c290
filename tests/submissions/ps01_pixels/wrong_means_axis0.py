"""Averages over the batch axis only, giving a mean image (H, W, C) instead of C numbers.

expect: test_channel_means
"""
# %% channel_means
def channel_means(batch):
    return np.mean(batch, axis=0).astype(np.float32)
