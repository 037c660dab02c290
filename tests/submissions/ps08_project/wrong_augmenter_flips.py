"""An augmenter with flips: a mirrored or upside-down digit is another digit or none.

expect: test_augmenter
files: solution
"""
# %% make_augmenter
def make_augmenter():
    return keras.Sequential([
        keras.layers.RandomFlip("horizontal_and_vertical"),
        keras.layers.RandomRotation(0.05, fill_mode="constant"),
    ])
