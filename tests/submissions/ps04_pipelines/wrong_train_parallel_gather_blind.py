"""Unseen (written from the student version alone; its zoom made one factor, as the text now
says): augmenter with a keras.Input (always batches), a model grown with add(), a
shuffle of indices that gathers batches, a cached validation set: correct until the text asked
for no parallel map of the Keras augmenter ([3j], issue 20); its parallel map now loses Part 3.

expect: test_make_train_dataset
"""
# %% make_augmenter
def make_augmenter():
    """Keras layers that rotate, shift and zoom digits a little, each image its own draw."""
    fill = {"fill_mode": "constant"}
    return keras.Sequential([
        keras.Input((32, 32, 1)),  # lesson 4: fixes the input to batches of digits
        keras.layers.RandomTranslation(0.1, 0.1, **fill),
        keras.layers.RandomRotation(0.05, **fill),
        keras.layers.RandomZoom(0.1, **fill),
    ])


# %% build_model
def build_model(augmenter):
    """(32, 32, 1) images -> augmenter -> a small CNN -> 10 softmax outputs."""
    model = keras.Sequential()
    model.add(keras.Input((32, 32, 1)))
    model.add(augmenter)
    model.add(keras.layers.Conv2D(12, 5, strides=2, activation="relu"))
    model.add(keras.layers.Conv2D(24, 3, strides=2, activation="relu"))
    model.add(keras.layers.GlobalMaxPooling2D())
    model.add(keras.layers.Dense(10, activation="softmax"))
    return model


# %% make_train_dataset
def make_train_dataset(x, y, augmenter, batch_size, seed):
    """Shuffle (seeded, every epoch), batch, augment in a parallel map, prefetch."""
    images = tf.convert_to_tensor(x)
    labels = tf.convert_to_tensor(y)

    def gather_and_augment(indices):
        return augmenter(tf.gather(images, indices), training=True), tf.gather(labels, indices)

    return (tf.data.Dataset.range(images.shape[0])
            .shuffle(images.shape[0], seed=seed)  # reshuffles every epoch by default
            .batch(batch_size)
            .map(gather_and_augment, num_parallel_calls=tf.data.AUTOTUNE)
            .prefetch(tf.data.AUTOTUNE))


# %% make_val_dataset
def make_val_dataset(x, y, batch_size):
    """Batches of (images, labels) in order, prefetched; nothing random."""
    return (tf.data.Dataset.from_tensor_slices((x, y))
            .cache()
            .batch(batch_size)
            .prefetch(tf.data.AUTOTUNE))
