"""Correct, written another way: augmenter with independent height/width zooms and width/height shifts given by keyword; build_model passes keyword arguments to small_cnn; both runs trained from one table of builders; report with keras.ops on the inference-mode outputs.

expect: full
"""
# %% make_augmenter
def make_augmenter():
    """A Keras layer of label-keeping augmentations for 32 x 32 digits."""
    fill = "constant"
    layers = [
        keras.layers.RandomZoom(height_factor=0.1, width_factor=0.1, fill_mode=fill),
        keras.layers.RandomRotation(factor=0.04, fill_mode=fill),
        keras.layers.RandomTranslation(width_factor=0.1, height_factor=0.1, fill_mode=fill),
    ]
    return keras.Sequential(layers, name="digit_augment")


# %% build_model
def build_model(augmenter=None):
    """A new, uncompiled model: [augmenter] -> a small CNN -> 10 softmax outputs."""
    return small_cnn(input_shape=(32, 32, 1), classes=10, augmenter=augmenter)


# %% train_plain
EPOCHS = 40
BUILDERS = {"plain": build_model, "augmented": lambda: build_model(make_augmenter())}
runs = {}
runs["plain"] = fit_or_load("plain", BUILDERS["plain"], x_train, y_train, EPOCHS,
                            validation_data=(x_val, y_val))
plain_model, plain_history, _ = runs["plain"]


# %% train_augmented
runs["augmented"] = fit_or_load("augmented", BUILDERS["augmented"], x_train, y_train, EPOCHS,
                                validation_data=(x_val, y_val))
augmented_model, augmented_history, _ = runs["augmented"]
for name, (_, _, seconds) in runs.items():
    print(name, f"{seconds:.1f} s")


# %% plot_curves
plt.figure(figsize=(8, 4))
styles = {"accuracy": ":", "val_accuracy": "-"}
for name, (_, history, _) in runs.items():
    for key, style in styles.items():
        plt.plot(range(1, EPOCHS + 1), history[key], style, label=f"{name} {key}")
plt.ylim(0, 1.02)
plt.legend()
plt.show()


# %% report
def ops_accuracy(model, x, y):
    scores = model(keras.ops.convert_to_tensor(x), training=False)
    hits = keras.ops.equal(keras.ops.argmax(scores, axis=1), keras.ops.convert_to_tensor(y))
    return float(keras.ops.convert_to_numpy(keras.ops.sum(keras.ops.cast(hits, "int32")))) / len(y)


report = {}
for name, (model, _, _) in runs.items():
    train_acc = ops_accuracy(model, x_train, y_train)
    val_acc = ops_accuracy(model, x_val, y_val)
    report[name] = {"train": train_acc, "val": val_acc, "gap": train_acc - val_acc}
