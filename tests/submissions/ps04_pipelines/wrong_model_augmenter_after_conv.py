"""Puts the augmenter after the first convolution: it shifts feature maps, not images.

expect: test_build_model
"""
# %% build_model
def build_model(augmenter):
    return keras.Sequential([
        keras.Input((32, 32, 1)),
        keras.layers.Conv2D(16, 3, padding="same", activation="relu"),
        augmenter,
        keras.layers.MaxPooling2D(),
        keras.layers.GlobalAveragePooling2D(),
        keras.layers.Dense(10, activation="softmax"),
    ])
