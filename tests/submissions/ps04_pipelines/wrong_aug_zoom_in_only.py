"""Zooms only in (RandomZoom((-0.1, 0.0))): the range is one-sided, digits never shrink.

expect: test_make_augmenter
"""
# %% make_augmenter
def make_augmenter():
    return keras.Sequential([
        keras.layers.RandomRotation(0.05, fill_mode="constant"),
        keras.layers.RandomTranslation(0.1, 0.1, fill_mode="constant"),
        keras.layers.RandomZoom((-0.1, 0.0), fill_mode="constant"),
    ])
