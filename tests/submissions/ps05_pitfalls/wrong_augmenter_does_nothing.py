"""Safe but useless: takes every layer out, so nothing is augmented.

expect: test_digit_augmenter
"""
# %% make_digit_augmenter
def make_digit_augmenter():
    return keras.Sequential([keras.layers.Identity()])
