"""Batches with drop_remainder=True: when batch_size does not divide the data, the last
examples never come out.

expect: test_train_draws
"""
# %% make_train_dataset
def make_train_dataset(x, y, batch_size=32, seed=0):
    brightness = keras.layers.RandomBrightness(0.2, value_range=(0, 1))
    return (tf.data.Dataset.from_tensor_slices((x, y))
            .shuffle(len(x), seed=seed)
            .batch(batch_size, drop_remainder=True)
            .map(lambda images, labels: (brightness(images, training=True), labels))
            .prefetch(tf.data.AUTOTUNE))
