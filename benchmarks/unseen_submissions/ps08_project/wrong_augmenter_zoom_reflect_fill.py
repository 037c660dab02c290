"""Rotation and shift fill with black, but RandomZoom keeps Keras's default fill_mode='reflect', so zooming out mirrors the digit's edges into the new border instead of black.

expect: test_augmenter
"""
# %% make_augmenter
def make_augmenter():
    """A Keras layer of label-keeping augmentations for 32 x 32 digits."""
    return keras.Sequential([
        keras.layers.RandomRotation(0.05, fill_mode="constant"),
        keras.layers.RandomTranslation(0.1, 0.1, fill_mode="constant"),
        keras.layers.RandomZoom(0.1),
    ], name="digit_augmenter")
