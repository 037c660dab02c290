"""Brings k into 0..3 by adding or subtracting 4 once: fine for -4..7, wrong for k = 9, -5, -6 ...

expect: test_rot90
"""
# %% rot90
def rot90(images, k=1):
    """Turn `images` (H, W, C) or (N, H, W, C) by k quarter turns counter-clockwise."""
    if k < 0:
        k += 4  # -1 is the same as 3
    elif k >= 4:
        k -= 4  # 5 is the same as 1
    for _ in range(k):
        images = np.swapaxes(images, -3, -2)[..., ::-1, :, :]
    return images
