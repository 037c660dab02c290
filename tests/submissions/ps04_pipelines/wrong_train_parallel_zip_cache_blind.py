"""Unseen (written from the student version alone; its zoom made one factor, as the text now
says): layers built from a table, a functional model with average pooling, zipped
image/label datasets cached before a reshuffling shuffle, zipped batched validation data:
correct until the text asked for no parallel map of the Keras augmenter ([3j], issue 20); its
parallel map now loses Part 3.

expect: test_make_train_dataset
"""
# %% make_augmenter
def make_augmenter():
    """Keras layers that rotate, shift and zoom digits a little, each image its own draw."""
    layers = [
        (keras.layers.RandomRotation, {"factor": 0.05}),
        (keras.layers.RandomTranslation, {"height_factor": 0.1, "width_factor": 0.1}),
        (keras.layers.RandomZoom, {"height_factor": 0.1}),
    ]
    return keras.Sequential([cls(fill_mode="constant", **kw) for cls, kw in layers])


# %% build_model
def build_model(augmenter):
    """(32, 32, 1) images -> augmenter -> a small CNN -> 10 softmax outputs."""
    inputs = keras.Input((32, 32, 1))
    features = augmenter(inputs)
    features = keras.layers.Conv2D(16, 3, activation="relu", padding="same")(features)
    features = keras.layers.AveragePooling2D(2)(features)
    features = keras.layers.Conv2D(16, 3, activation="relu")(features)
    features = keras.layers.GlobalAveragePooling2D()(features)
    probabilities = keras.layers.Dense(10, activation="softmax")(features)
    return keras.Model(inputs=inputs, outputs=probabilities)


# %% make_train_dataset
def make_train_dataset(x, y, augmenter, batch_size, seed):
    """Shuffle (seeded, every epoch), batch, augment in a parallel map, prefetch."""
    pairs = tf.data.Dataset.zip((tf.data.Dataset.from_tensor_slices(x),
                                 tf.data.Dataset.from_tensor_slices(y)))
    pairs = pairs.cache()  # raw images only: the random map comes after it
    pairs = pairs.shuffle(len(x), seed=seed, reshuffle_each_iteration=True)
    batches = pairs.batch(batch_size)
    batches = batches.map(lambda images, labels: (augmenter(images, training=True), labels),
                          num_parallel_calls=tf.data.AUTOTUNE)
    return batches.prefetch(tf.data.AUTOTUNE)


# %% make_val_dataset
def make_val_dataset(x, y, batch_size):
    """Batches of (images, labels) in order, prefetched; nothing random."""
    image_batches = tf.data.Dataset.from_tensor_slices(x).batch(batch_size)
    label_batches = tf.data.Dataset.from_tensor_slices(y).batch(batch_size)
    return tf.data.Dataset.zip((image_batches, label_batches)).prefetch(tf.data.AUTOTUNE)
