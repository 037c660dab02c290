"""Turns pixel by pixel into an array of the input's shape: right for square images only.

expect: test_rot90
"""
# %% rot90
def rot90(images, k=1):
    images = np.asarray(images)
    for _ in range(k % 4):
        turned = np.empty_like(images)
        size = images.shape[-3]
        for i in range(size):
            for j in range(size):
                turned[..., size - 1 - j, i, :] = images[..., i, j, :]
        images = turned
    return images
