"""Picks the width axis with len(images) == 3 instead of images.ndim == 3 (len is H or N, not the rank).

expect: test_flip_left_right
"""
# %% flip_left_right
def flip_left_right(images):
    """Mirror `images` (H, W, C) or (N, H, W, C) left to right."""
    # one image (H, W, C): width is axis 1; a batch (N, H, W, C): width is axis 2
    axis = 1 if len(images) == 3 else 2
    return np.flip(images, axis=axis)
