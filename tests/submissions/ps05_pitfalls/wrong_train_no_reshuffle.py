"""Shuffles the examples once only (reshuffle_each_iteration=False): the same batches every epoch.

expect: test_train_mixing
"""
# %% make_train_dataset
def make_train_dataset(x, y, batch_size=32, seed=0):
    brightness = keras.layers.RandomBrightness(0.2, value_range=(0, 1))
    return (tf.data.Dataset.from_tensor_slices((x, y))
            .shuffle(len(x), seed=seed, reshuffle_each_iteration=False)
            .batch(batch_size)
            .map(lambda images, labels: (brightness(images, training=True), labels))
            .prefetch(tf.data.AUTOTUNE))
