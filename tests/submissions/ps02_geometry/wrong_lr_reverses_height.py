"""A "horizontal" flip that reverses the height axis: the image comes back upside down.

expect: test_flip_left_right
"""
# %% flip_left_right
def flip_left_right(images):
    return images[..., ::-1, :, :]
