"""Allocates the grid as uint8 whatever the batch's dtype, so a float32 batch in [0, 1] is truncated to 0/1 integers.

expect: test_make_grid
"""
# %% make_grid
import math


def make_grid(batch, ncols):
    """Tile `batch` (N, H, W, C) row by row into one (rows * H, ncols * W, C) image."""
    batch = np.asarray(batch)
    n, h, w, c = batch.shape
    rows = math.ceil(n / ncols)
    grid = np.zeros((rows * h, ncols * w, c), dtype=np.uint8)
    for i in range(n):
        row, col = divmod(i, ncols)
        grid[row * h:(row + 1) * h, col * w:(col + 1) * w] = batch[i]
    return grid
