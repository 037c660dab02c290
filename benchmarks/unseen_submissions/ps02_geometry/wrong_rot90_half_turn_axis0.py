"""Writes the half turn as images[::-1, ::-1]: right for one image, but on a batch it reverses the image order and the height.

expect: test_rot90
"""
# %% rot90
def rot90(images, k=1):
    """Turn `images` (H, W, C) or (N, H, W, C) by k quarter turns counter-clockwise."""
    k = k % 4
    if k == 0:
        return images
    if k == 2:
        return images[::-1, ::-1]  # upside down and mirrored
    transposed = np.swapaxes(images, -3, -2)
    if k == 1:
        return transposed[..., ::-1, :, :]  # transpose, then flip top to bottom
    return transposed[..., ::-1, :]  # k == 3: transpose, then flip left to right
