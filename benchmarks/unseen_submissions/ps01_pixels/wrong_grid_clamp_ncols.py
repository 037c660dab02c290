"""Shrinks ncols to N when there are fewer images than columns, so the grid is narrower than ncols * W.

expect: test_make_grid
"""
# %% make_grid
import math


def make_grid(batch, ncols):
    """Tile `batch` (N, H, W, C) row by row into one (rows * H, ncols * W, C) image."""
    batch = np.asarray(batch)
    n, h, w, c = batch.shape
    ncols = min(ncols, n)  # no point in empty columns
    rows = math.ceil(n / ncols)
    grid = np.zeros((rows * h, ncols * w, c), dtype=batch.dtype)
    for i in range(n):
        row, col = divmod(i, ncols)
        grid[row * h:(row + 1) * h, col * w:(col + 1) * w] = batch[i]
    return grid
