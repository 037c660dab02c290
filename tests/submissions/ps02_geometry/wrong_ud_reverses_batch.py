"""Reverses axis 0: flips one image, but on a batch it only reverses the order of the images.

expect: test_flip_up_down
"""
# %% flip_up_down
def flip_up_down(images):
    return images[::-1]
