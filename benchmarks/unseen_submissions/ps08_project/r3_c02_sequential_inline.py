"""A correct submission written differently: the augmenter is a keras.Sequential listing its layers
with .add (rotation of 1/20 turn = 18 degrees, shifts of 3 pixels as 3 / 32 of the side, zooms of
10 % each way, all filling with black); build_model writes the CNN out as a plain
keras.Sequential (Input, the augmenter when given, two conv blocks, a Dense with softmax
activation) instead of calling small_cnn; the runs are made in a loop over a dict of build
functions; the plot draws the four curves with plt.plot on the current axes of a plt.figure; the
report counts correct argmax predictions of model.predict (inference mode, augmentation off).

expect: full
"""
# %% make_augmenter
def make_augmenter():
    """A Keras layer of label-keeping augmentations for 32 x 32 digits."""
    augmenter = keras.Sequential(name="augment")
    augmenter.add(keras.layers.RandomRotation(1 / 20, fill_mode="constant", fill_value=0.0))
    augmenter.add(keras.layers.RandomTranslation(3 / 32, 3 / 32, fill_mode="constant",
                                                 fill_value=0.0))
    augmenter.add(keras.layers.RandomZoom(0.1, fill_mode="constant", fill_value=0.0))
    return augmenter
# %% build_model
def build_model(augmenter=None):
    """A new, uncompiled model: [augmenter] -> a small CNN -> 10 softmax outputs."""
    model = keras.Sequential(name="cnn")
    model.add(keras.Input(shape=(32, 32, 1)))
    if augmenter is not None:
        model.add(augmenter)
    model.add(keras.layers.Conv2D(16, (3, 3), activation="relu"))
    model.add(keras.layers.MaxPooling2D((2, 2)))
    model.add(keras.layers.Conv2D(32, (3, 3), activation="relu"))
    model.add(keras.layers.MaxPooling2D((2, 2)))
    model.add(keras.layers.Flatten())
    model.add(keras.layers.Dense(10, activation="softmax"))
    return model
# %% train_plain
EPOCHS = 40
builders = {"plain": build_model, "augmented": lambda: build_model(make_augmenter())}
trained = {}
for run_name in ("plain",):
    trained[run_name] = fit_or_load(run_name, builders[run_name], x_train, y_train, EPOCHS,
                                    seed=0, validation_data=(x_val, y_val))
plain_model, plain_history = trained["plain"][:2]
# %% train_augmented
trained["augmented"] = fit_or_load("augmented", builders["augmented"], x_train, y_train,
                                  EPOCHS, seed=0, validation_data=(x_val, y_val))
augmented_model, augmented_history = trained["augmented"][:2]
# %% plot_curves
figure = plt.figure(figsize=(9, 4.5))
styles = {"accuracy": ":", "val_accuracy": "-"}
for run_name, history in (("plain", plain_history), ("augmented", augmented_history)):
    for key, style in styles.items():
        plt.plot(np.arange(1, len(history[key]) + 1), history[key], style,
                 label=f"{run_name} {key.replace('_', ' ')}")
plt.xlabel("epoch")
plt.ylabel("accuracy")
plt.ylim(bottom=0)
plt.grid(alpha=0.3)
plt.legend(ncol=2)
plt.title("training (dotted) and validation (solid) accuracy")
# %% report
def predicted_accuracy(model, images, labels):
    """The share of images whose highest score is the right label (inference mode)."""
    scores = model.predict(images, batch_size=128, verbose=0)
    return float(np.mean(np.argmax(scores, axis=1) == labels))


report = {}
for run_name, model in (("plain", plain_model), ("augmented", augmented_model)):
    train_score = predicted_accuracy(model, x_train, y_train)
    val_score = predicted_accuracy(model, x_val, y_val)
    report[run_name] = dict(train=train_score, val=val_score, gap=train_score - val_score)
print(json.dumps(report, indent=1))
