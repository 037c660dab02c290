"""Pads the batch and reshapes it straight into the grid, which mixes rows of different images.

expect: test_make_grid
"""
# %% make_grid
def make_grid(batch, ncols):
    batch = np.asarray(batch)
    count, height, width, channels = batch.shape
    rows = -(-count // ncols)
    blank = np.zeros((rows * ncols - count, height, width, channels), dtype=batch.dtype)
    return np.concatenate([batch, blank]).reshape(rows * height, ncols * width, channels)
