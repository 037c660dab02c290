"""Uses np.fliplr, which reverses axis 1: right for one image, but flips the height of a batch.

expect: test_flip_left_right
"""
# %% flip_left_right
def flip_left_right(images):
    """Mirror `images` (H, W, C) or (N, H, W, C) left to right."""
    return np.fliplr(images)
