"""Fills the grid column by column (down first), not row by row.

expect: test_make_grid
"""
# %% make_grid
def make_grid(batch, ncols):
    batch = np.asarray(batch)
    count, height, width, channels = batch.shape
    rows = -(-count // ncols)
    grid = np.zeros((rows * height, ncols * width, channels), dtype=batch.dtype)
    for index, image in enumerate(batch):
        col, row = divmod(index, rows)
        grid[row * height:(row + 1) * height, col * width:(col + 1) * width] = image
    return grid
