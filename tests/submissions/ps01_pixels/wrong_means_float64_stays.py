"""Converts integer batches to float32 but leaves float batches alone, so float64 gives float64.

expect: test_channel_means
"""
# %% channel_means
def channel_means(batch):
    batch = np.asarray(batch)
    if np.issubdtype(batch.dtype, np.integer):
        batch = batch.astype(np.float32)
    return batch.mean(axis=(0, 1, 2), dtype=batch.dtype)
