"""An augmenter with flips: a mirrored or upside-down digit is another digit or none.

The models are the model answer's, so the saved augmentation also differs from this
make_augmenter ([3c]).

expect: test_augmenter test_saved_models
files: solution
"""
# %% make_augmenter
def make_augmenter():
    return keras.Sequential([
        keras.layers.RandomFlip("horizontal_and_vertical"),
        keras.layers.RandomRotation(0.05, fill_mode="constant"),
    ])
