"""Correct, written differently: the strongest augmentation the text allows (20 degrees,
15 % zooms, 15 % shifts, shifting last), small_cnn with a name, the figure drawn with pyplot's
state interface and kept with plt.gcf(), and the report from model.evaluate.

expect: full
"""
# %% make_augmenter
def make_augmenter():
    """The largest label-keeping changes the project allows, each drawn per digit."""
    layers = keras.layers
    return keras.Sequential([
        layers.RandomRotation(factor=20 / 360, fill_mode="constant", fill_value=0.0),
        layers.RandomZoom(height_factor=0.15, fill_mode="constant", fill_value=0.0),
        layers.RandomTranslation(height_factor=0.15, width_factor=0.15, fill_mode="constant",
                                 fill_value=0.0),
    ])
# %% build_model
def build_model(augmenter=None):
    """A new, uncompiled model: [augmenter] -> a small CNN -> 10 softmax outputs."""
    return small_cnn(input_shape=(32, 32, 1), classes=10, augmenter=augmenter,
                     name="plain_cnn" if augmenter is None else "augmented_cnn")
# %% train_plain
EPOCHS = 40
plain_model, plain_history, seconds = fit_or_load("plain", build_model, x_train, y_train,
                                                  EPOCHS, seed=0,
                                                  validation_data=(x_val, y_val))
# %% train_augmented
def build_augmented():
    return build_model(make_augmenter())


augmented_model, augmented_history, seconds = fit_or_load(
    "augmented", build_augmented, x_train, y_train, EPOCHS, seed=0,
    validation_data=(x_val, y_val))
# %% plot_curves
plt.figure()
for label, history in (("plain", plain_history), ("augmented", augmented_history)):
    plt.plot(range(1, EPOCHS + 1), history["accuracy"], label=label + " training")
    plt.plot(range(1, EPOCHS + 1), history["val_accuracy"], label=label + " validation")
plt.title("accuracy per epoch")
plt.xlabel("epoch")
plt.legend()
figure = plt.gcf()
# %% report
report = {}
for name, model in (("plain", plain_model), ("augmented", augmented_model)):
    _, train_accuracy = model.evaluate(x_train, y_train, verbose=0)
    _, val_accuracy = model.evaluate(x_val, y_val, verbose=0)
    report[name] = {"train": float(train_accuracy), "val": float(val_accuracy),
                    "gap": float(train_accuracy) - float(val_accuracy)}
