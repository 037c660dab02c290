"""Correct everywhere except the plot's labels: the run names are zipped in the wrong order, so the
plain run's curves are labelled "augmented" and the augmented run's "plain"; the legend then
tells the reader the opposite of what happened. Violates "[3g] Then plot the two runs' training
and validation accuracy per epoch on one figure ... four curves, ... each with a label (for a
legend)" (the labels name the wrong runs). The visible test only checks that each curve has some
label that does not start with "_", so this likely passes.

expect: test_histories
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
figure, axis = plt.subplots(figsize=(8, 4))
names = ("augmented", "plain")
for name, history, colour in zip(names, (plain_history, augmented_history),
                                 ("tab:blue", "tab:green")):
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
