"""Rotation range (0, 0.05): the digits only ever turn one way (counter-clockwise), not "either way".

expect: test_make_augmenter
"""
# %% make_augmenter
def make_augmenter():
    """Keras layers that rotate, shift and zoom digits a little, each image its own draw."""
    # "at most 0.05 of a turn": a range from 0 to 0.05
    return keras.Sequential([
        keras.layers.RandomRotation((0.0, 0.05), fill_mode="constant"),
        keras.layers.RandomTranslation(0.1, 0.1, fill_mode="constant"),
        keras.layers.RandomZoom(0.1, fill_mode="constant"),
    ])
