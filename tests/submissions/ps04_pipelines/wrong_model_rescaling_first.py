"""Rescales by 1/255 first "to be safe": the augmenter no longer sees the input images.

expect: test_build_model
"""
# %% build_model
def build_model(augmenter):
    return keras.Sequential([
        keras.Input((32, 32, 1)),
        keras.layers.Rescaling(1 / 255),
        augmenter,
        keras.layers.Conv2D(16, 3, activation="relu"),
        keras.layers.GlobalAveragePooling2D(),
        keras.layers.Dense(10, activation="softmax"),
    ])
