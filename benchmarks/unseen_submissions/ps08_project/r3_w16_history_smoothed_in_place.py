"""Correct everywhere except the plot cell, which smooths the accuracy curves with a 3-epoch moving
average by writing the smoothed lists back into plain_history and augmented_history, and plots
those. The kept histories are then no longer what fit_or_load returned, and the curves are not
the histories' values. Violates "[3f] Keep the first two as plain_model, plain_history and
augmented_model, augmented_history" and "[3g] four curves, the histories' "accuracy" and
"val_accuracy"". The visible [3f] check should catch it.

expect: test_saved_models
"""
# %% make_augmenter
def make_augmenter():
    """A Keras layer of label-keeping augmentations for 32 x 32 digits."""
    return keras.Sequential([
        keras.layers.RandomRotation(0.05, fill_mode="constant", fill_value=0.0),
        keras.layers.RandomTranslation(0.1, 0.1, fill_mode="constant", fill_value=0.0),
        keras.layers.RandomZoom(0.1, fill_mode="constant", fill_value=0.0),
    ], name="digit_augment")
# %% build_model
def build_model(augmenter=None):
    """A new, uncompiled model: [augmenter] -> a small CNN -> 10 softmax outputs."""
    return small_cnn((32, 32, 1), 10, augmenter=augmenter, seed=0)
# %% train_plain
EPOCHS = 40
plain_model, plain_history, plain_seconds = fit_or_load(
    "plain", build_model, x_train, y_train, EPOCHS, seed=0, validation_data=(x_val, y_val))
# %% train_augmented
augmented_model, augmented_history, augmented_seconds = fit_or_load(
    "augmented", lambda: build_model(make_augmenter()), x_train, y_train, EPOCHS, seed=0,
    validation_data=(x_val, y_val))
# %% plot_curves
def smoothed(values, width=3):
    """A centred moving average, the same length as values (edges padded)."""
    padded = np.pad(np.asarray(values, float), width // 2, mode="edge")
    return list(np.convolve(padded, np.ones(width) / width, mode="valid"))


for history in (plain_history, augmented_history):  # less jagged curves
    for key in ("accuracy", "val_accuracy"):
        history[key] = smoothed(history[key])
figure, axis = plt.subplots(figsize=(8, 4))
for name, history, colour in (("plain", plain_history, "tab:blue"),
                              ("augmented", augmented_history, "tab:green")):
    epochs = np.arange(1, len(history["accuracy"]) + 1)
    axis.plot(epochs, history["accuracy"], "--", color=colour, label=f"{name}, training")
    axis.plot(epochs, history["val_accuracy"], "-", color=colour, label=f"{name}, validation")
axis.set(xlabel="epoch", ylabel="accuracy (3-epoch average)")
axis.legend()
plt.show()
# %% report
report = {}
for name, model in (("plain", plain_model), ("augmented", augmented_model)):
    train_accuracy = accuracy(model, x_train, y_train)
    val_accuracy = accuracy(model, x_val, y_val)
    report[name] = {"train": train_accuracy, "val": val_accuracy,
                    "gap": train_accuracy - val_accuracy}
print(json.dumps(report, indent=1))
