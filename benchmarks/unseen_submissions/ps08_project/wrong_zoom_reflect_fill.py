"""Rotation and shift fill with black, but the RandomZoom keeps Keras's default fill_mode
('reflect'), so zooming out repeats the digit's pixels at the border; breaks [1e].

expect: test_augmenter
"""
# %% make_augmenter
def make_augmenter():
    """Rotations, shifts and zooms that keep the label of a digit."""
    rotate = keras.layers.RandomRotation(10 / 360, fill_mode="constant", fill_value=0.0)
    shift = keras.layers.RandomTranslation(0.1, 0.1, fill_mode="constant", fill_value=0.0)
    zoom = keras.layers.RandomZoom(0.1)
    return keras.Sequential([rotate, shift, zoom], name="augment")
