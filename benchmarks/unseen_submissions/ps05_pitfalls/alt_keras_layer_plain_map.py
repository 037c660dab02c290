"""Keras RandomBrightness(0.2, value_range=(0, 1)) made once per pipeline, outside the map function,
mapped over batches with a plain map (training=True), an explicit clip to [0, 1], cache of the raw
data before the shuffle, prefetch(AUTOTUNE) last.

expect: full
"""
# %% make_train_dataset
def make_train_dataset(x, y, batch_size=32, seed=0):
    """Shuffle examples (seeded, every epoch), shift each image's brightness, clip, batch."""
    brightness = keras.layers.RandomBrightness(factor=0.2, value_range=(0.0, 1.0))

    def shift(images, labels):
        images = brightness(images, training=True)  # one draw per image, fresh every call
        return tf.clip_by_value(images, 0.0, 1.0), labels

    dataset = tf.data.Dataset.from_tensor_slices((x, y)).cache()
    dataset = dataset.shuffle(buffer_size=len(x), seed=seed, reshuffle_each_iteration=True)
    dataset = dataset.batch(batch_size)
    dataset = dataset.map(shift)  # plain map: the layer writes its random state
    return dataset.prefetch(tf.data.AUTOTUNE)
