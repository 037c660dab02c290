"""Correct everywhere except the augmented run's validation data, which is a fixed augmented copy
of the validation digits ("so that validation varies like training"). Violates "[3d] both on the
300 training digits (x_train, y_train), with (x_val, y_val) as the validation data, all as the
first cell made them". The visible fingerprint check of the validation data should catch it.

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
# validate the augmented model on augmented digits too, so both are measured alike
x_val_augmented = np.asarray(make_augmenter()(x_val, training=True))
augmented_model, augmented_history, augmented_seconds = fit_or_load(
    "augmented", lambda: build_model(make_augmenter()), x_train, y_train, EPOCHS, seed=0,
    validation_data=(x_val_augmented, y_val))
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
