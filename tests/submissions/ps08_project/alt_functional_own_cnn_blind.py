"""A correct submission written differently: the augmenter is a keras.Sequential of a shift, a
zoom and a rotation in that order (8 % shifts, 12 % zooms both ways, 12-degree turns, every fill
black 0.0); build_model is a functional keras.Model with its own CNN (two 3 x 3 conv blocks with
'same' padding, 16 and 32 filters, global flattening and a softmax Dense), the augmenter applied
first to the Input; both runs use fit_or_load with seed 0 and EPOCHS = 40; the figure has two
panels (plain, augmented), each with its training and validation curve; the report uses
augcourse.models.accuracy in a dict comprehension.

expect: full
"""
# %% make_augmenter
def make_augmenter():
    """A Keras layer of label-keeping augmentations for 32 x 32 digits."""
    black = dict(fill_mode="constant", fill_value=0.0)
    return keras.Sequential(
        [
            keras.layers.RandomTranslation(height_factor=0.08, width_factor=0.08, **black),
            keras.layers.RandomZoom(height_factor=(-0.12, 0.12), **black),
            keras.layers.RandomRotation(factor=12 / 360, **black),
        ],
        name="handwriting_jitter",
    )
# %% build_model
def build_model(augmenter=None):
    """A new, uncompiled model: [augmenter] -> a small CNN -> 10 softmax outputs."""
    inputs = keras.Input(shape=(32, 32, 1), name="digits")
    x = inputs if augmenter is None else augmenter(inputs)
    for filters in (16, 32):
        x = keras.layers.Conv2D(filters, 3, padding="same", activation="relu")(x)
        x = keras.layers.MaxPooling2D(2)(x)
    x = keras.layers.Flatten()(x)
    outputs = keras.layers.Dense(10, activation="softmax", dtype="float32")(x)
    return keras.Model(inputs, outputs, name="digit_cnn")
# %% train_plain
EPOCHS = 40
SEED = 0
DATA = dict(x=x_train, y=y_train, epochs=EPOCHS, seed=SEED, validation_data=(x_val, y_val))
plain_model, plain_history, _ = fit_or_load("plain", build_model, **DATA)
# %% train_augmented
def build_augmented():
    return build_model(make_augmenter())


augmented_model, augmented_history, _ = fit_or_load("augmented", build_augmented, **DATA)
# %% plot_curves
runs = {"plain": plain_history, "augmented": augmented_history}
figure, axes = plt.subplots(1, 2, figsize=(11, 4), sharey=True)
for axis, (name, history) in zip(axes, runs.items()):
    epochs = range(1, len(history["loss"]) + 1)
    axis.plot(epochs, history["accuracy"], label=f"{name}: training accuracy")
    axis.plot(epochs, history["val_accuracy"], label=f"{name}: validation accuracy")
    axis.set_title(name)
    axis.set_xlabel("epoch")
    axis.legend(loc="lower right")
axes[0].set_ylabel("accuracy")
axes[0].set_ylim(0.0, 1.02)
figure.tight_layout()
# %% report
models = {"plain": plain_model, "augmented": augmented_model}
report = {
    name: {"train": accuracy(model, x_train, y_train), "val": accuracy(model, x_val, y_val)}
    for name, model in models.items()
}
for entry in report.values():
    entry["gap"] = entry["train"] - entry["val"]
print(json.dumps(report, indent=1))
