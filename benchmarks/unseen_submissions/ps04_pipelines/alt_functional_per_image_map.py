"""Correct: Sequential grown with add() and explicit (low, high) ranges, a functional model, a per-image map (batch of one) before batch, an index-gather validation set.

expect: full
"""
# %% make_augmenter
def make_augmenter():
    """Keras layers that rotate, shift and zoom digits a little, each image its own draw."""
    augmenter = keras.Sequential(name="digit_augmenter")
    augmenter.add(keras.layers.RandomZoom(height_factor=(-0.1, 0.1), fill_mode="constant"))
    augmenter.add(keras.layers.RandomTranslation(height_factor=(-0.1, 0.1),
                                                 width_factor=(-0.1, 0.1), fill_mode="constant"))
    augmenter.add(keras.layers.RandomRotation(factor=(-18 / 360, 18 / 360), fill_mode="constant",
                                              fill_value=0.0))
    return augmenter


# %% build_model
def build_model(augmenter):
    """(32, 32, 1) images -> augmenter -> a small CNN -> 10 softmax outputs."""
    inputs = keras.Input(shape=(32, 32, 1))
    x = augmenter(inputs)
    for filters in (8, 16):
        x = keras.layers.Conv2D(filters, 3, padding="same", activation="relu")(x)
        x = keras.layers.MaxPooling2D(2)(x)
    x = keras.layers.Flatten()(x)
    x = keras.layers.Dense(32, activation="relu")(x)
    outputs = keras.layers.Dense(10, activation="softmax")(x)
    return keras.Model(inputs, outputs, name="digits_cnn")


# %% make_train_dataset
def make_train_dataset(x, y, augmenter, batch_size, seed):
    """Shuffle (seeded, every epoch), batch, augment in a parallel map, prefetch."""
    def augment_one(image, label):
        # a batch of one in, one image out: works whether or not the augmenter has a keras.Input
        return augmenter(image[tf.newaxis], training=True)[0], label

    dataset = tf.data.Dataset.from_tensor_slices((x, y))
    dataset = dataset.shuffle(buffer_size=len(x), seed=seed, reshuffle_each_iteration=True)
    dataset = dataset.map(augment_one, num_parallel_calls=tf.data.AUTOTUNE)  # one image per call
    dataset = dataset.batch(batch_size)
    return dataset.prefetch(buffer_size=tf.data.AUTOTUNE)


# %% make_val_dataset
def make_val_dataset(x, y, batch_size):
    """Batches of (images, labels) in order, prefetched; nothing random."""
    images, labels = tf.constant(x), tf.constant(y)
    index_batches = tf.data.Dataset.range(len(x)).batch(batch_size)
    return (index_batches
            .map(lambda idx: (tf.gather(images, idx), tf.gather(labels, idx)))
            .prefetch(tf.data.AUTOTUNE))
