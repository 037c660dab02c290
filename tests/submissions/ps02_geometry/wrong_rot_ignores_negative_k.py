"""Loops range(k) times, so k = -1 does nothing instead of turning clockwise.

expect: test_rot90
"""
# %% rot90
def rot90(images, k=1):
    images = np.asarray(images)
    for _ in range(k):
        images = np.swapaxes(images, -3, -2)[..., ::-1, :, :]
    return images
