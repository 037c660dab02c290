"""Fixes the draws and the shuffle but leaves cache() after the shuffle and the random map: every
epoch replays the first, its draws and its order.

expect: test_train_fresh test_train_mixing
"""
# %% make_train_dataset
def make_train_dataset(x, y, batch_size=32, seed=0):
    brightness = keras.layers.RandomBrightness(0.2, value_range=(0, 1))
    return (tf.data.Dataset.from_tensor_slices((x, y))
            .shuffle(len(x), seed=seed)
            .batch(batch_size)
            .map(lambda images, labels: (brightness(images, training=True), labels))
            .cache()
            .prefetch(tf.data.AUTOTUNE))
