"""The augmenter sits after the first Conv2D/MaxPooling block (like a Dropout), so it moves feature maps, not the input images.

expect: test_build_model
"""
# %% build_model
def build_model(augmenter):
    """(32, 32, 1) images -> augmenter -> a small CNN -> 10 softmax outputs."""
    return keras.Sequential([
        keras.Input((32, 32, 1)),
        keras.layers.Conv2D(16, 3, activation="relu"),
        keras.layers.MaxPooling2D(),
        augmenter,  # regularise between the blocks
        keras.layers.Conv2D(32, 3, activation="relu"),
        keras.layers.GlobalAveragePooling2D(),
        keras.layers.Dense(10, activation="softmax"),
    ])
