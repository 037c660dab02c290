"""The shift fills new pixels with the nearest edge pixel, where the text asks for black ([1e]);
the other layers fill with black, so a white image still shows some black.

expect: test_augmenter
files: solution
"""
# %% make_augmenter
def make_augmenter():
    return keras.Sequential([
        keras.layers.RandomRotation(0.05, fill_mode="constant"),
        keras.layers.RandomTranslation(0.1, 0.1, fill_mode="nearest"),
        keras.layers.RandomZoom(0.1, fill_mode="constant"),
    ])
