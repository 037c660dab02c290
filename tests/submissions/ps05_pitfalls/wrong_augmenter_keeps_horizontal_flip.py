"""Removes the vertical flip only: mirrored digits remain.

expect: test_digit_augmenter
"""
# %% make_digit_augmenter
def make_digit_augmenter():
    return keras.Sequential([
        keras.layers.RandomFlip("horizontal"),
        keras.layers.RandomRotation(0.05, fill_mode="constant"),
        keras.layers.RandomZoom(0.1, fill_mode="constant"),
    ])
