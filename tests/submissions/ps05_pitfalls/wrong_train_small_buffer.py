"""Moves the colleague's shuffle(64) before batch: examples are shuffled, but only among
neighbours.

expect: test_train_mixing
"""
# %% make_train_dataset
def make_train_dataset(x, y, batch_size=32, seed=0):
    brightness = keras.layers.RandomBrightness(0.2, value_range=(0, 1))
    return (tf.data.Dataset.from_tensor_slices((x, y))
            .shuffle(64, seed=seed)
            .batch(batch_size)
            .map(lambda images, labels: (brightness(images, training=True), labels))
            .prefetch(tf.data.AUTOTUNE))
