"""A functional model (correct); the pipeline caches the raw data, then maps the Keras augmenter
over single images in parallel (the recipe lesson 4 taught before issue 20): parallel calls of a
Keras layer can share draws ([3j]), and one call per image is slow ([3i]).

expect: test_make_train_dataset
"""
# %% make_augmenter
def make_augmenter():
    layers = [keras.layers.RandomTranslation((-0.1, 0.1), (-0.1, 0.1), fill_mode="constant"),
              keras.layers.RandomRotation((-0.05, 0.05), fill_mode="constant"),
              keras.layers.RandomZoom((-0.1, 0.1), fill_mode="constant")]
    return keras.Sequential(layers)

# %% build_model
def build_model(augmenter):
    inputs = keras.Input((32, 32, 1))
    x = augmenter(inputs)
    x = keras.layers.Conv2D(8, 3, padding="same", activation="relu")(x)
    x = keras.layers.MaxPooling2D()(x)
    x = keras.layers.Flatten()(x)
    return keras.Model(inputs, keras.layers.Dense(10, activation="softmax")(x))

# %% make_train_dataset
def make_train_dataset(x, y, augmenter, batch_size, seed):
    autotune = tf.data.AUTOTUNE
    return (tf.data.Dataset.from_tensor_slices((x, y)).cache()
            .shuffle(len(x), seed=seed)
            .map(lambda image, label: (augmenter(image, training=True), label),
                 num_parallel_calls=autotune)
            .batch(batch_size)
            .prefetch(autotune))

# %% make_val_dataset
def make_val_dataset(x, y, batch_size):
    return tf.data.Dataset.from_tensor_slices((x, y)).cache().batch(batch_size).prefetch(
        tf.data.AUTOTUNE)
