"""build_model reuses CNN layers created once at module level, so every model it returns
shares the same layers and weights (training the augmented model also changes the plain one in
memory); breaks [2a] (a new model with its own layers and weights at every call).

expect: test_build_model, test_saved_models, test_report
"""
# %% build_model
CNN_LAYERS = [
    keras.layers.Conv2D(16, 3, activation="relu"),
    keras.layers.MaxPooling2D(),
    keras.layers.Conv2D(32, 3, activation="relu"),
    keras.layers.MaxPooling2D(),
    keras.layers.Flatten(),
    keras.layers.Dense(10, activation="softmax"),
]


def build_model(augmenter=None):
    """A new, uncompiled model: [augmenter] -> a small CNN -> 10 softmax outputs."""
    layers = [keras.Input((32, 32, 1))]
    if augmenter is not None:
        layers.append(augmenter)
    return keras.Sequential(layers + CNN_LAYERS)
# %% report
report = {}
for name, model in (("plain", plain_model), ("augmented", augmented_model)):
    train_acc = accuracy(model, x_train, y_train)
    val_acc = accuracy(model, x_val, y_val)
    report[name] = {"train": train_acc, "val": val_acc, "gap": train_acc - val_acc}
