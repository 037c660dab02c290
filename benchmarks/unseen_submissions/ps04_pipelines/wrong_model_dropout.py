"""A small CNN with a Dropout(0.25) before the output layer, which the text forbids.

expect: test_build_model
"""
# %% build_model
def build_model(augmenter):
    """(32, 32, 1) images -> augmenter -> a small CNN -> 10 softmax outputs."""
    return keras.Sequential([
        keras.Input((32, 32, 1)),
        augmenter,
        keras.layers.Conv2D(16, 3, activation="relu"),
        keras.layers.MaxPooling2D(),
        keras.layers.Conv2D(32, 3, activation="relu"),
        keras.layers.GlobalAveragePooling2D(),
        keras.layers.Dropout(0.25),
        keras.layers.Dense(10, activation="softmax"),
    ])
