"""Rotation range written as (0, 0.05) ("from 0 to 18 degrees"): every digit is only ever turned one way (counter-clockwise), never the other.

expect: test_augmenter
"""
# %% make_augmenter
def make_augmenter():
    """A Keras layer of label-keeping augmentations for 32 x 32 digits."""
    return keras.Sequential([
        keras.layers.RandomRotation((0.0, 0.05), fill_mode="constant"),
        keras.layers.RandomTranslation(0.1, 0.1, fill_mode="constant"),
        keras.layers.RandomZoom(0.1, fill_mode="constant"),
    ])
