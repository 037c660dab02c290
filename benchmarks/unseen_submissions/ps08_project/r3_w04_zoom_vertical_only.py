"""Correct everywhere except the zoom: RandomZoom(height_factor=0.1, width_factor=0.0) only
stretches and squashes digits vertically (width_factor=0.0 means no horizontal zoom at all,
unlike None, which would keep the aspect ratio), so digits are never drawn larger or smaller,
only taller or flatter. Violates "[1d] zooms in and out, reaching at least 5 % and at most 15 %
each way, as RandomZoom counts them (a digit drawn between 1 / 1.15 and 1 / 0.85 of its
size)". The visible test measures the square's size from the sum of its row and column
spreads, which still moves by about 5 %, so this likely passes it.

expect: test_augmenter
"""
# %% make_augmenter
def make_augmenter():
    """A Keras layer of label-keeping augmentations for 32 x 32 digits."""
    return keras.Sequential([
        keras.layers.RandomRotation(0.05, fill_mode="constant", fill_value=0.0),
        keras.layers.RandomTranslation(0.1, 0.1, fill_mode="constant", fill_value=0.0),
        keras.layers.RandomZoom(height_factor=0.1, width_factor=0.0, fill_mode="constant",
                                fill_value=0.0),
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
figure, axis = plt.subplots(figsize=(8, 4))
for name, history, colour in (("plain", plain_history, "tab:blue"),
                              ("augmented", augmented_history, "tab:green")):
    epochs = np.arange(1, len(history["accuracy"]) + 1)
    axis.plot(epochs, history["accuracy"], "--", color=colour, label=f"{name}, training")
    axis.plot(epochs, history["val_accuracy"], "-", color=colour, label=f"{name}, validation")
axis.set(xlabel="epoch", ylabel="accuracy", title="plain vs augmented: accuracy per epoch")
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
