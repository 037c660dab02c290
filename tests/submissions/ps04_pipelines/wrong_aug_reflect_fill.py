"""Keeps the default fill_mode ("reflect"), which mirrors strokes into the border.

expect: test_make_augmenter
"""
# %% make_augmenter
def make_augmenter():
    return keras.Sequential([
        keras.layers.RandomRotation(0.05),
        keras.layers.RandomTranslation(0.1, 0.1),
        keras.layers.RandomZoom(0.1),
    ])
