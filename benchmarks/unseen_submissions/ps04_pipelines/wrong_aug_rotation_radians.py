"""Rotation factor given in radians (18 degrees = 0.314), but Keras reads it as turns: up to 113 degrees either way.

expect: test_make_augmenter
"""
# %% make_augmenter
def make_augmenter():
    """Keras layers that rotate, shift and zoom digits a little, each image its own draw."""
    max_angle = np.deg2rad(18)  # 18 degrees
    return keras.Sequential([
        keras.layers.RandomRotation(max_angle, fill_mode="constant"),
        keras.layers.RandomTranslation(0.1, 0.1, fill_mode="constant"),
        keras.layers.RandomZoom(0.1, fill_mode="constant"),
    ])
