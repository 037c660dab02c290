"""Shift-and-zoom augmenter without flips: RandomCrop(28, 28) then Resizing(32, 32); RandomCrop cuts one window for the whole batch, so images do not get their own draw.

expect: test_digit_augmenter
"""
# %% make_digit_augmenter
def make_digit_augmenter():
    """Small rotations and zooms that keep a digit the same digit."""
    return keras.Sequential([
        keras.layers.RandomCrop(28, 28),   # a random shift, and zoom in a little
        keras.layers.Resizing(32, 32),
    ])
