"""Copies the lesson's shuffle(len(images), seed=0) and passes `seed` only to the Keras layer: the
same seed gives the same order, but every seed gives that same order; breaks [1d].

expect: test_train_mixing
"""
# %% make_train_dataset
def make_train_dataset(x, y, batch_size=32, seed=0):
    """Shuffle examples (seeded, every epoch), shift each image's brightness, clip, batch."""
    layer = keras.layers.RandomBrightness(0.2, value_range=(0, 1), seed=seed)
    return (tf.data.Dataset.from_tensor_slices((x, y))
            .shuffle(len(x), seed=0)
            .batch(batch_size)
            .map(lambda images, labels: (tf.clip_by_value(layer(images, training=True), 0, 1),
                                         labels))
            .prefetch(tf.data.AUTOTUNE))
