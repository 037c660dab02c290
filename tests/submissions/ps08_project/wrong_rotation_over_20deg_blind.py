"""The augmenter rotates by up to 0.057 of a full turn (about 20.5 degrees each way), rounding
20 / 360 up, so rotations go past the 20 degrees the text allows; breaks [1b].

It comes with the model answer's models, as a student who trained before submitting would:
its plain run is the model answer's, which autograde loads, and its changed augmented run
is trained again.

expect: test_augmenter
files: solution
"""
# %% make_augmenter
def make_augmenter():
    """Small rotations, shifts and zooms, black fill: label-keeping changes for digits."""
    return keras.Sequential([
        keras.layers.RandomRotation(0.057, fill_mode="constant", fill_value=0.0),  # ~20 degrees
        keras.layers.RandomTranslation(0.1, 0.1, fill_mode="constant", fill_value=0.0),
        keras.layers.RandomZoom(0.1, fill_mode="constant", fill_value=0.0),
    ], name="digit_augment")
