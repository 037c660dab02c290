"""Builds the CNN but leaves the augmenter out of the model.

expect: test_build_model
"""
# %% build_model
def build_model(augmenter):
    return keras.Sequential([
        keras.Input((32, 32, 1)),
        keras.layers.Conv2D(16, 3, activation="relu"),
        keras.layers.GlobalAveragePooling2D(),
        keras.layers.Dense(10, activation="softmax"),
    ])
