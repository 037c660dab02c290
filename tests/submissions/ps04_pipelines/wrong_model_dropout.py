"""Adds Dropout before the output: training mode gets randomness besides the augmentation.

expect: test_build_model
"""
# %% build_model
def build_model(augmenter):
    return keras.Sequential([
        keras.Input((32, 32, 1)),
        augmenter,
        keras.layers.Conv2D(16, 3, activation="relu"),
        keras.layers.GlobalAveragePooling2D(),
        keras.layers.Dropout(0.3),
        keras.layers.Dense(10, activation="softmax"),
    ])
