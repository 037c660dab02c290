"""Replaces the flips by a rotation of up to half a turn: a 6 still becomes a 9.

expect: test_digit_augmenter
"""
# %% make_digit_augmenter
def make_digit_augmenter():
    return keras.Sequential([
        keras.layers.RandomRotation(0.5, fill_mode="constant"),
        keras.layers.RandomZoom(0.1, fill_mode="constant"),
    ])
