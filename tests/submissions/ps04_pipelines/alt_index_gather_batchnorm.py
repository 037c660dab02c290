"""Another shape of code: an augmenter with its own Input, a functional CNN with BatchNorm, a
pipeline that shuffles indices and gathers, and a validation pipeline that zips two datasets.

expect: full
"""
# %% make_augmenter
def make_augmenter():
    return keras.Sequential([
        keras.Input((32, 32, 1)),
        keras.layers.RandomZoom(height_factor=(-0.1, 0.1), fill_mode="constant", fill_value=0.0),
        keras.layers.RandomTranslation(height_factor=(-0.1, 0.1), width_factor=(-0.1, 0.1),
                                       fill_mode="constant", fill_value=0.0),
        keras.layers.RandomRotation(factor=(-0.05, 0.05), fill_mode="constant"),
    ])

# %% build_model
def build_model(augmenter):
    inputs = keras.Input(shape=(32, 32, 1))
    x = augmenter(inputs)
    for filters in (8, 16):
        x = keras.layers.Conv2D(filters, 3, padding="same", use_bias=False)(x)
        x = keras.layers.BatchNormalization()(x)
        x = keras.layers.Activation("relu")(x)
        x = keras.layers.MaxPooling2D()(x)
    x = keras.layers.GlobalAveragePooling2D()(x)
    outputs = keras.layers.Dense(10, activation="softmax")(x)
    return keras.Model(inputs, outputs)

# %% make_train_dataset
def make_train_dataset(x, y, augmenter, batch_size, seed):
    images, labels = tf.constant(x), tf.constant(y)

    def gather(indices):
        return tf.gather(images, indices), tf.gather(labels, indices)

    order = tf.data.Dataset.range(len(x)).shuffle(len(x), seed=seed,
                                                 reshuffle_each_iteration=True)
    batches = order.batch(batch_size).map(gather)
    augmented = batches.map(lambda xs, ys: (augmenter(xs, training=True), ys))
    return augmented.prefetch(1)

# %% make_val_dataset
def make_val_dataset(x, y, batch_size):
    pairs = tf.data.Dataset.zip(tf.data.Dataset.from_tensor_slices(x),
                                tf.data.Dataset.from_tensor_slices(y))
    return pairs.batch(batch_size).prefetch(2)
