"""Correct, written differently: a milder augmenter (about 12 degrees, 2.5 pixels, 8 % zoom,
zoom first, factors given as (low, high) pairs), a functional-API model with its own layers, the
runs trained from one loop, a two-panel figure, and the report from a helper.

expect: full
"""
# %% make_augmenter
def make_augmenter():
    """Zoom, rotate and shift each digit a little; new pixels black; off at inference."""
    black = dict(fill_mode="constant", fill_value=0.0)
    return keras.Sequential([
        keras.layers.RandomZoom((-0.08, 0.08), **black),
        keras.layers.RandomRotation((-12 / 360, 12 / 360), **black),
        keras.layers.RandomTranslation((-2.5 / 32, 2.5 / 32), (-2.5 / 32, 2.5 / 32), **black),
    ], name="handwriting")
# %% build_model
def build_model(augmenter=None):
    """A new, uncompiled model: [augmenter] -> a small CNN -> 10 softmax outputs."""
    inputs = keras.Input(shape=(32, 32, 1), name="digits")
    x = inputs if augmenter is None else augmenter(inputs)
    x = keras.layers.Conv2D(16, 3, activation="relu")(x)
    x = keras.layers.MaxPooling2D()(x)
    x = keras.layers.Conv2D(32, 3, activation="relu")(x)
    x = keras.layers.MaxPooling2D()(x)
    x = keras.layers.Flatten()(x)
    outputs = keras.layers.Dense(10, activation="softmax")(x)
    return keras.Model(inputs, outputs, name="digits_cnn")
# %% train_plain
EPOCHS = 40
SEED = 7
runs = {}
for name, build in (("plain", build_model),
                    ("augmented", lambda: build_model(make_augmenter()))):
    runs[name] = fit_or_load(name, build, x_train, y_train, epochs=EPOCHS, seed=SEED,
                             validation_data=(x_val, y_val))
    print(f"{name}: trained in {runs[name][2]:.1f} s")
plain_model, plain_history = runs["plain"][:2]
# %% train_augmented
augmented_model, augmented_history = runs["augmented"][:2]
# %% plot_curves
figure, axes = plt.subplots(1, 2, figsize=(11, 3.5), sharey=True)
for axis, (name, history) in zip(axes, (("plain", plain_history),
                                        ("augmented", augmented_history))):
    epochs = range(1, len(history["accuracy"]) + 1)
    axis.plot(epochs, history["accuracy"], label=f"{name}: training accuracy")
    axis.plot(epochs, history["val_accuracy"], label=f"{name}: validation accuracy")
    axis.set(title=name, xlabel="epoch", ylabel="accuracy")
    axis.legend(loc="lower right")
figure.tight_layout()
# %% report
def scores(model):
    """Accuracy on the training and validation digits with the augmentation off, and the gap."""
    train_accuracy = accuracy(model, x_train, y_train)
    val_accuracy = accuracy(model, x_val, y_val)
    return {"train": train_accuracy, "val": val_accuracy, "gap": train_accuracy - val_accuracy}


report = {"plain": scores(plain_model), "augmented": scores(augmented_model)}
