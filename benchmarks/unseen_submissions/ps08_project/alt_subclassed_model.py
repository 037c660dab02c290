"""Correct, written differently: a subclassed keras.Model (registered for saving) that runs the
augmenter first and passes Keras's training flag on, an augmenter assembled with .add() at
15 degrees / 3 pixels / 10 % zoom, seed 3, and the report computed with predict and argmax.
build_model calls the new model once on a blank digit so that its weights exist.

expect: full
"""
# %% make_augmenter
def make_augmenter():
    """Random rotation (15 degrees), shift (3 pixels) and zoom (10 %) per digit, black fill."""
    augmenter = keras.Sequential(name="digit_changes")
    augmenter.add(keras.layers.RandomRotation(15 / 360, fill_mode="constant"))
    augmenter.add(keras.layers.RandomTranslation(3 / 32, 3 / 32, fill_mode="constant"))
    augmenter.add(keras.layers.RandomZoom(0.10, 0.10, fill_mode="constant"))
    return augmenter
# %% build_model
@keras.saving.register_keras_serializable(package="ps08")
class DigitNet(keras.Model):
    """[augmenter] -> two conv blocks -> 10 softmax scores."""

    def __init__(self, augmenter=None, **kwargs):
        super().__init__(**kwargs)
        self.augmenter = augmenter
        self.conv1 = keras.layers.Conv2D(16, 3, activation="relu")
        self.pool1 = keras.layers.MaxPooling2D()
        self.conv2 = keras.layers.Conv2D(32, 3, activation="relu")
        self.pool2 = keras.layers.MaxPooling2D()
        self.flatten = keras.layers.Flatten()
        self.classify = keras.layers.Dense(10, activation="softmax")

    def call(self, inputs, training=None):
        x = inputs
        if self.augmenter is not None:
            x = self.augmenter(x, training=training)
        x = self.pool1(self.conv1(x))
        x = self.pool2(self.conv2(x))
        return self.classify(self.flatten(x))

    def get_config(self):
        config = super().get_config()
        config["augmenter"] = (None if self.augmenter is None
                               else keras.saving.serialize_keras_object(self.augmenter))
        return config

    @classmethod
    def from_config(cls, config):
        config = dict(config)
        if config.get("augmenter") is not None:
            config["augmenter"] = keras.saving.deserialize_keras_object(config["augmenter"])
        return cls(**config)


def build_model(augmenter=None):
    """A new, uncompiled model: [augmenter] -> a small CNN -> 10 softmax outputs."""
    model = DigitNet(augmenter)
    model(keras.ops.zeros((1, 32, 32, 1)))  # one call on a blank digit creates the weights
    return model
# %% train_plain
EPOCHS = 40
SEED = 3
plain_model, plain_history, _ = fit_or_load(
    name="plain", build=build_model, x=x_train, y=y_train, epochs=EPOCHS, seed=SEED,
    validation_data=(x_val, y_val))
# %% train_augmented
augmented_model, augmented_history, _ = fit_or_load(
    name="augmented", build=lambda: build_model(augmenter=make_augmenter()), x=x_train,
    y=y_train, epochs=EPOCHS, seed=SEED, validation_data=(x_val, y_val))
# %% plot_curves
figure = plt.figure(figsize=(8, 4))
for name, history, colour in (("plain", plain_history, "tab:red"),
                              ("augmented", augmented_history, "tab:blue")):
    plt.plot(history["accuracy"], ":", color=colour, label=f"{name} (train)")
    plt.plot(history["val_accuracy"], color=colour, label=f"{name} (val)")
plt.xlabel("epoch")
plt.ylabel("accuracy")
plt.ylim(0, 1.05)
plt.legend()
plt.show()
# %% report
def share_correct(model, images, labels):
    predicted = model.predict(images, verbose=0).argmax(axis=1)
    return float((predicted == labels).mean())


report = {}
for name, model in {"plain": plain_model, "augmented": augmented_model}.items():
    report[name] = {"train": share_correct(model, x_train, y_train),
                    "val": share_correct(model, x_val, y_val)}
    report[name]["gap"] = report[name]["train"] - report[name]["val"]
