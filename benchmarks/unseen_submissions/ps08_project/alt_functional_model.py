"""Correct, written another way: augmenter with explicit (lower, upper) ranges in another order; build_model as a functional keras.Model with its own copy of the CNN; keyword-argument training calls; report by a dict comprehension.

expect: full
"""
# %% make_augmenter
def make_augmenter():
    """A Keras layer of label-keeping augmentations for 32 x 32 digits."""
    black = dict(fill_mode="constant", fill_value=0.0)
    return keras.Sequential(
        [
            keras.layers.RandomTranslation(height_factor=(-0.1, 0.1), width_factor=(-0.1, 0.1),
                                           **black),
            keras.layers.RandomRotation(factor=(-0.05, 0.05), **black),
            keras.layers.RandomZoom(height_factor=(-0.1, 0.1), **black),
        ],
        name="handwriting",
    )


# %% build_model
def build_model(augmenter=None):
    """A new, uncompiled model: [augmenter] -> a small CNN -> 10 softmax outputs."""
    inputs = keras.Input(shape=(32, 32, 1))
    x = inputs if augmenter is None else augmenter(inputs)
    for filters in (16, 32):
        x = keras.layers.Conv2D(filters, 3, activation="relu")(x)
        x = keras.layers.MaxPooling2D()(x)
    x = keras.layers.Flatten()(x)
    outputs = keras.layers.Dense(10, activation="softmax")(x)
    return keras.Model(inputs, outputs, name="digits_cnn")


# %% train_plain
EPOCHS = 40
plain_model, plain_history, plain_seconds = fit_or_load(
    name="plain", build=build_model, x=x_train, y=y_train, epochs=EPOCHS, seed=0,
    validation_data=(x_val, y_val))


# %% train_augmented
def build_augmented():
    return build_model(augmenter=make_augmenter())


augmented_model, augmented_history, augmented_seconds = fit_or_load(
    name="augmented", build=build_augmented, x=x_train, y=y_train, epochs=EPOCHS, seed=0,
    validation_data=(x_val, y_val))


# %% plot_curves
figure, axes = plt.subplots(figsize=(7, 4))
for label, history, colour in (("plain", plain_history, "tab:blue"),
                               ("augmented", augmented_history, "tab:green")):
    epochs = np.arange(1, len(history["accuracy"]) + 1)
    axes.plot(epochs, history["accuracy"], "--", color=colour, label=f"{label}: training")
    axes.plot(epochs, history["val_accuracy"], "-", color=colour, label=f"{label}: validation")
axes.set(xlabel="epoch", ylabel="accuracy", title="plain vs augmented")
axes.legend()
plt.show()


# %% report
models = {"plain": plain_model, "augmented": augmented_model}
report = {
    name: {"train": accuracy(model, x_train, y_train), "val": accuracy(model, x_val, y_val)}
    for name, model in models.items()
}
for entry in report.values():
    entry["gap"] = entry["train"] - entry["val"]
