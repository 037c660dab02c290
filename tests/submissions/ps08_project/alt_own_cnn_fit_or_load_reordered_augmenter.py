"""Written another way: the augmenter's layers in another order (zoom, shift, turn) with explicit
fill values and their own seeds, a functional CNN with dropout of its own, both runs through
fit_or_load with seed 1 for 50 epochs, a figure with two panels, the report from predict.

expect: full
"""
# %% make_augmenter
def make_augmenter():
    return keras.Sequential([
        keras.layers.RandomZoom((-0.12, 0.12), fill_mode="constant", fill_value=0.0, seed=11),
        keras.layers.RandomTranslation((-0.08, 0.08), (-0.08, 0.08), fill_mode="constant",
                                       fill_value=0.0, seed=12),
        keras.layers.RandomRotation(12 / 360, fill_mode="constant", fill_value=0.0, seed=13),
    ])
# %% build_model
def build_model(augmenter=None):
    inputs = keras.Input((32, 32, 1))
    x = inputs if augmenter is None else augmenter(inputs)
    for filters in (16, 32):
        x = keras.layers.Conv2D(filters, 3, padding="same", activation="relu")(x)
        x = keras.layers.MaxPooling2D()(x)
    x = keras.layers.Flatten()(x)
    x = keras.layers.Dropout(0.25)(x)
    return keras.Model(inputs, keras.layers.Dense(10, activation="softmax")(x))
# %% train_plain
EPOCHS = 50
plain_model, plain_history, _ = fit_or_load("plain", build_model, x_train, y_train, EPOCHS,
                                            seed=1, validation_data=(x_val, y_val))
# %% train_augmented
augmented_model, augmented_history, _ = fit_or_load(
    "augmented", lambda: build_model(make_augmenter()), x_train, y_train, EPOCHS, seed=1,
    validation_data=(x_val, y_val))
# %% plot_curves
figure, (left, right) = plt.subplots(1, 2, figsize=(9, 3), sharey=True)
for axis, (name, history) in zip((left, right), (("plain", plain_history),
                                                 ("augmented", augmented_history))):
    epochs = np.arange(1, len(history["accuracy"]) + 1)
    axis.plot(epochs, history["accuracy"], label="training")
    axis.plot(epochs, history["val_accuracy"], label="validation")
    axis.set(title=name, xlabel="epoch")
left.set_ylabel("accuracy")
left.legend()
plt.show()
# %% report
def fraction_right(model, x, y):
    return float(np.mean(np.argmax(model.predict(x, verbose=0), axis=1) == y))


report = {}
for name, model in (("plain", plain_model), ("augmented", augmented_model)):
    train, val = fraction_right(model, x_train, y_train), fraction_right(model, x_val, y_val)
    report[name] = {"train": train, "val": val, "gap": train - val}
