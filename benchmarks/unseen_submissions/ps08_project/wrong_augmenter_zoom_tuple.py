"""RandomZoom((0.1, 0.1)), meant as (height, width) zoom of +-10 %, is a (lower, upper) range: every digit is zoomed out by exactly 10 %, never zoomed in and never by a random amount.

expect: test_augmenter
"""
# %% make_augmenter
def make_augmenter():
    """A Keras layer of label-keeping augmentations for 32 x 32 digits."""
    return keras.Sequential([
        keras.layers.RandomRotation(0.05, fill_mode="constant"),
        keras.layers.RandomTranslation(0.1, 0.1, fill_mode="constant"),
        keras.layers.RandomZoom((0.1, 0.1), fill_mode="constant"),  # (height, width)
    ])
