"""Gives the black fill to the rotation and the zoom but forgets it on the shift ("reflect").

expect: test_make_augmenter
"""
# %% make_augmenter
def make_augmenter():
    return keras.Sequential([
        keras.layers.RandomRotation(0.05, fill_mode="constant"),
        keras.layers.RandomTranslation(0.1, 0.1),
        keras.layers.RandomZoom(0.1, fill_mode="constant"),
    ])
