"""Handles a negative k by adding 4 once, so k = -5 (or below) makes no turn at all.

expect: test_rot90
"""
# %% rot90
def rot90(images, k=1):
    images = np.asarray(images)
    if k < 0:
        k += 4
    for _ in range(k if k < 4 else k - 4):
        images = np.swapaxes(images, -3, -2)[..., ::-1, :, :]
    return images
