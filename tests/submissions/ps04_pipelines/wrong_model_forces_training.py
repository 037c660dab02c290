"""Forces training=True inside a Lambda "so that it always augments": it augments in predict too.

expect: test_build_model
"""
# %% build_model
def build_model(augmenter):
    return keras.Sequential([
        keras.Input((32, 32, 1)),
        keras.layers.Lambda(lambda images: augmenter(images, training=True)),
        keras.layers.Conv2D(16, 3, activation="relu"),
        keras.layers.GlobalAveragePooling2D(),
        keras.layers.Dense(10, activation="softmax"),
    ])
