"""fill_mode="constant" on rotation and shift but forgotten on the zoom, which keeps Keras' default "reflect".

expect: test_make_augmenter
"""
# %% make_augmenter
def make_augmenter():
    """Keras layers that rotate, shift and zoom digits a little, each image its own draw."""
    return keras.Sequential([
        keras.layers.RandomRotation(0.05, fill_mode="constant"),
        keras.layers.RandomTranslation(0.1, 0.1, fill_mode="constant"),
        keras.layers.RandomZoom(0.1),
    ])
