"""Correct everywhere except build_model, which adds dropout only when no augmenter is given ("the
plain model needs some other regulariser"), so the plain and augmented models are no longer the
same CNN with and without augmentation. Violates "You train the same small CNN twice on 300
digits, once without and once with an augmentation" and "[3b] "plain": build_model(), no
augmentation" (the plain model carries a regulariser the augmented one does not). Dropout has no
weights, so the visible weight-shape checks pass.

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
    # without augmentation, regularise with dropout instead
    dropout = 0.0 if augmenter is not None else 0.3
    return small_cnn((32, 32, 1), 10, augmenter=augmenter, dropout=dropout, seed=0)
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
