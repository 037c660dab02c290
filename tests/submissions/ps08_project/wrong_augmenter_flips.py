"""An augmenter with flips: a mirrored or upside-down digit is another digit or none.

It comes with the model answer's models, but fit_or_load sees that the model changed and trains
again with the flips: the retrained augmented model falls short on the held-out digits ([3i]).

expect: test_augmenter test_generalisation
files: solution
"""
# %% make_augmenter
def make_augmenter():
    return keras.Sequential([
        keras.layers.RandomFlip("horizontal_and_vertical"),
        keras.layers.RandomRotation(0.05, fill_mode="constant"),
    ])
