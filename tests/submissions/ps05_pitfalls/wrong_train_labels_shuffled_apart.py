"""Shuffles images and labels as two datasets zipped together: labels no longer match images.

expect: test_train_draws
"""
# %% make_train_dataset
def make_train_dataset(x, y, batch_size=32, seed=0):
    brightness = keras.layers.RandomBrightness(0.2, value_range=(0, 1))
    images = tf.data.Dataset.from_tensor_slices(x).shuffle(len(x), seed=seed)
    labels = tf.data.Dataset.from_tensor_slices(y).shuffle(len(y), seed=seed + 1)
    return (tf.data.Dataset.zip((images, labels))
            .batch(batch_size)
            .map(lambda xb, yb: (brightness(xb, training=True), yb))
            .prefetch(tf.data.AUTOTUNE))
