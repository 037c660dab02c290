"""Never makes the grid wider than the batch: with fewer images than ncols it has N columns.

expect: test_make_grid
"""
# %% make_grid
def make_grid(batch, ncols):
    batch = np.asarray(batch)
    count, height, width, channels = batch.shape
    ncols = min(ncols, count)
    rows = -(-count // ncols)
    grid = np.zeros((rows * height, ncols * width, channels), dtype=batch.dtype)
    for index in range(count):
        row, col = index // ncols, index % ncols
        grid[row * height:(row + 1) * height, col * width:(col + 1) * width] = batch[index]
    return grid
