"""The model ends in Dense(10) without the softmax activation, so it outputs logits, not probabilities.

expect: test_build_model
"""
# %% build_model
def build_model(augmenter):
    """(32, 32, 1) images -> augmenter -> a small CNN -> 10 softmax outputs."""
    inputs = keras.Input((32, 32, 1))
    x = augmenter(inputs)
    x = keras.layers.Conv2D(16, 3, activation="relu")(x)
    x = keras.layers.MaxPooling2D()(x)
    x = keras.layers.Conv2D(32, 3, activation="relu")(x)
    x = keras.layers.GlobalAveragePooling2D()(x)
    outputs = keras.layers.Dense(10)(x)
    return keras.Model(inputs, outputs)
