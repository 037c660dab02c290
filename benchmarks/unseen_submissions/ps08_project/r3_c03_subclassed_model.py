"""A correct submission written differently: the augmenter is a keras.Sequential of a zoom, a
rotation and a shift (10 % zooms, 15-degree turns, 10 % shifts, black fill); build_model returns
an instance of a subclassed keras.Model (registered for saving, with get_config/from_config that
serialise the augmenter) whose call passes Keras's training flag to the augmenter first and then
runs a conv-conv-pool CNN with a softmax Dense; the two runs are made with keyword arguments;
the figure uses figure.add_subplot and a legend outside the axes; the report reads the accuracy
from model.evaluate(..., return_dict=True) (inference mode, augmentation off).

expect: full
"""
# %% make_augmenter
def make_augmenter():
    """A Keras layer of label-keeping augmentations for 32 x 32 digits."""
    layers = keras.layers
    return keras.Sequential([
        layers.RandomZoom(0.1, fill_mode="constant", fill_value=0.0),
        layers.RandomRotation(15 / 360, fill_mode="constant", fill_value=0.0),
        layers.RandomTranslation(0.1, 0.1, fill_mode="constant", fill_value=0.0),
    ])
# %% build_model
@keras.saving.register_keras_serializable(package="ps08")
class DigitNet(keras.Model):
    """[augmenter] -> conv -> pool -> conv -> pool -> dense softmax."""

    def __init__(self, augmenter=None, **kwargs):
        super().__init__(**kwargs)
        self.augmenter = augmenter
        self.conv_a = keras.layers.Conv2D(16, 3, activation="relu")
        self.pool_a = keras.layers.MaxPooling2D()
        self.conv_b = keras.layers.Conv2D(32, 3, activation="relu")
        self.pool_b = keras.layers.MaxPooling2D()
        self.flatten = keras.layers.Flatten()
        self.classify = keras.layers.Dense(10, activation="softmax")

    def call(self, inputs, training=None):
        x = inputs
        if self.augmenter is not None:
            x = self.augmenter(x, training=training)
        x = self.pool_a(self.conv_a(x))
        x = self.pool_b(self.conv_b(x))
        return self.classify(self.flatten(x))

    def get_config(self):
        config = super().get_config()
        config["augmenter"] = (None if self.augmenter is None
                               else keras.saving.serialize_keras_object(self.augmenter))
        return config

    @classmethod
    def from_config(cls, config):
        config = dict(config)
        augmenter = config.pop("augmenter", None)
        if augmenter is not None:
            augmenter = keras.saving.deserialize_keras_object(augmenter)
        return cls(augmenter=augmenter, **config)


def build_model(augmenter=None):
    """A new, uncompiled model: [augmenter] -> a small CNN -> 10 softmax outputs."""
    return DigitNet(augmenter)
# %% train_plain
EPOCHS = 40
plain_model, plain_history, plain_seconds = fit_or_load(
    name="plain", build=build_model, x=x_train, y=y_train, epochs=EPOCHS, seed=0,
    validation_data=(x_val, y_val))
# %% train_augmented
augmented_model, augmented_history, augmented_seconds = fit_or_load(
    name="augmented", build=lambda: build_model(make_augmenter()), x=x_train, y=y_train,
    epochs=EPOCHS, seed=0, validation_data=(x_val, y_val))
# %% plot_curves
figure = plt.figure(figsize=(10, 4))
axis = figure.add_subplot(1, 1, 1)
colours = {"plain": "crimson", "augmented": "seagreen"}
for name, history in {"plain": plain_history, "augmented": augmented_history}.items():
    n = len(history["accuracy"])
    axis.plot(range(1, n + 1), history["accuracy"], color=colours[name], alpha=0.5,
              label=f"{name} (train)")
    axis.plot(range(1, n + 1), history["val_accuracy"], color=colours[name], lw=2,
              label=f"{name} (validation)")
axis.set_xlabel("epoch")
axis.set_ylabel("accuracy")
axis.legend(loc="center left", bbox_to_anchor=(1.01, 0.5))
figure.tight_layout()
# %% report
def scores(model):
    train = model.evaluate(x_train, y_train, verbose=0, return_dict=True)["accuracy"]
    val = model.evaluate(x_val, y_val, verbose=0, return_dict=True)["accuracy"]
    return {"train": float(train), "val": float(val), "gap": float(train) - float(val)}


report = {"plain": scores(plain_model), "augmented": scores(augmented_model)}
print(json.dumps(report, indent=1))
