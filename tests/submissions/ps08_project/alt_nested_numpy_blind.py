"""Correct, written another way: augmenter built with .add() and the rotation given in degrees
(15/360 of a turn); build_model nests the augmenter and a small_cnn() in a Sequential; one
training helper for both runs; report from model.predict with NumPy argmax.

Unseen, written against the text before issue 18, which did not ask to keep the figure as
`figure` ([3g]); this copy adds that one line (`figure = plt.gcf()`), nothing else.

expect: full
"""
# %% make_augmenter
def make_augmenter():
    """A Keras layer of label-keeping augmentations for 32 x 32 digits."""
    augmenter = keras.Sequential(name="augment")
    augmenter.add(keras.layers.RandomRotation(15 / 360, fill_mode="constant"))  # +-15 degrees
    augmenter.add(keras.layers.RandomZoom(0.1, fill_mode="constant"))
    augmenter.add(keras.layers.RandomTranslation(0.08, 0.08, fill_mode="constant"))
    return augmenter


# %% build_model
def build_model(augmenter=None):
    """A new, uncompiled model: [augmenter] -> a small CNN -> 10 softmax outputs."""
    cnn = small_cnn()
    if augmenter is None:
        return cnn
    return keras.Sequential([keras.Input((32, 32, 1)), augmenter, cnn], name="augmented_cnn")


# %% train_plain
EPOCHS = 40
SEED = 0


def train_run(name, build):
    model, history, seconds = fit_or_load(name, build, x_train, y_train, EPOCHS, seed=SEED,
                                          validation_data=(x_val, y_val))
    print(f"{name}: {len(history['loss'])} epochs, {seconds:.1f} s")
    return model, history


plain_model, plain_history = train_run("plain", lambda: build_model())


# %% train_augmented
augmented_model, augmented_history = train_run("augmented",
                                               lambda: build_model(make_augmenter()))


# %% plot_curves
for history, name in [(plain_history, "plain"), (augmented_history, "augmented")]:
    plt.plot(history["accuracy"], linestyle="dashed", label=name + " (training)")
    plt.plot(history["val_accuracy"], label=name + " (validation)")
plt.xlabel("epoch")
plt.ylabel("accuracy")
plt.legend()
figure = plt.gcf()
plt.show()


# %% report
def measured(model, x, y):
    predicted = np.argmax(model.predict(x, verbose=0), axis=-1)  # predict: augmentation off
    return float(np.mean(predicted == y))


report = {}
for name, model in [("plain", plain_model), ("augmented", augmented_model)]:
    train_accuracy, val_accuracy = measured(model, x_train, y_train), measured(model, x_val, y_val)
    report[name] = dict(train=train_accuracy, val=val_accuracy, gap=train_accuracy - val_accuracy)
