"""Its own functional CNN with dropout and its own augmenter, trained with compile and fit by
hand for 50 epochs and saved with save_run, where the text asks for fit_or_load ([3a]): the
saved runs carry no record of their data, seed and epochs. (Before issue 18 this was kept as a
correct answer; the text said fit_or_load then too.)

expect: test_saved_models
"""
# %% make_augmenter
def make_augmenter():
    return keras.Sequential([
        keras.layers.RandomTranslation(0.08, 0.08, fill_mode="constant"),
        keras.layers.RandomRotation(0.04, fill_mode="constant"),
        keras.layers.RandomZoom((-0.1, 0.1), fill_mode="constant"),
    ])
# %% build_model
def build_model(augmenter=None):
    inputs = keras.Input((32, 32, 1))
    x = augmenter(inputs) if augmenter is not None else inputs
    x = keras.layers.Conv2D(16, 3, activation="relu")(x)
    x = keras.layers.MaxPooling2D()(x)
    x = keras.layers.Conv2D(32, 3, activation="relu")(x)
    x = keras.layers.MaxPooling2D()(x)
    x = keras.layers.Flatten()(x)
    x = keras.layers.Dropout(0.2)(x)
    return keras.Model(inputs, keras.layers.Dense(10, activation="softmax")(x))
# %% train_plain
from augcourse.project import save_run

EPOCHS = 50


def train_by_hand(model):
    keras.utils.set_random_seed(1)
    model.compile(optimizer=keras.optimizers.Adam(3e-3), loss="sparse_categorical_crossentropy",
                  metrics=["accuracy"])
    fitted = model.fit(x_train, y_train, epochs=EPOCHS, batch_size=32, verbose=0,
                       validation_data=(x_val, y_val))
    return fitted.history


plain_model = build_model()
plain_history = train_by_hand(plain_model)
save_run("plain", plain_model, plain_history)
# %% train_augmented
augmented_model = build_model(make_augmenter())
augmented_history = train_by_hand(augmented_model)
save_run("augmented", augmented_model, augmented_history)
# %% report
def scores(model, x, y):
    return float(np.mean(np.argmax(model.predict(x, verbose=0), axis=1) == y))


report = {name: {"train": scores(m, x_train, y_train), "val": scores(m, x_val, y_val)}
          for name, m in (("plain", plain_model), ("augmented", augmented_model))}
for entry in report.values():
    entry["gap"] = entry["train"] - entry["val"]
