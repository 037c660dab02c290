"""Builds the turned image pixel by pixel into np.zeros(...), which is float64: the dtype is lost.

expect: test_rot90
"""
# %% rot90
def rot90(images, k=1):
    """Turn `images` (H, W, C) or (N, H, W, C) by k quarter turns counter-clockwise."""
    images = np.asarray(images)
    single = images.ndim == 3
    batch = images[np.newaxis] if single else images
    for _ in range(k % 4):
        n, h, w, c = batch.shape
        turned = np.zeros((n, w, h, c))
        for i in range(h):
            for j in range(w):
                # one counter-clockwise turn: pixel (i, j) goes to (w - 1 - j, i)
                turned[:, w - 1 - j, i, :] = batch[:, i, j, :]
        batch = turned
    return batch[0] if single else batch
