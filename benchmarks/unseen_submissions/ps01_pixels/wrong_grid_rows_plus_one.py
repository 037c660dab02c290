"""Counts rows as N // ncols + 1, which adds an extra empty row when N is a multiple of ncols.

expect: test_make_grid
"""
# %% make_grid
def make_grid(batch, ncols):
    """Tile `batch` (N, H, W, C) row by row into one (rows * H, ncols * W, C) image."""
    batch = np.asarray(batch)
    n, h, w, c = batch.shape
    rows = n // ncols + 1
    grid = np.zeros((rows * h, ncols * w, c), dtype=batch.dtype)
    for i in range(n):
        row, col = i // ncols, i % ncols
        grid[row * h:(row + 1) * h, col * w:(col + 1) * w] = batch[i]
    return grid
