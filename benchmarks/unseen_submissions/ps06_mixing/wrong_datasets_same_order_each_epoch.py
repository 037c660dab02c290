"""make_datasets that shuffles with seed but reshuffle_each_iteration=False, so every epoch sees the training examples in the same order (the text asks for a new order each epoch).

expect: test_datasets
"""
# %% make_datasets
def make_datasets(x_train, y_train, x_val, y_val, classes, mix, batch_size=64, seed=0):
    """(train, validation): train shuffled, batched, one-hot, mixed; validation batched and
    one-hot only; both prefetched."""
    def encode(x, y):
        return x, tf.one_hot(y, classes, dtype=tf.float32)

    train = tf.data.Dataset.from_tensor_slices((x_train, y_train))
    train = train.shuffle(len(x_train), seed=seed, reshuffle_each_iteration=False)
    train = train.batch(batch_size).map(encode).map(mix).prefetch(tf.data.AUTOTUNE)
    validation = tf.data.Dataset.from_tensor_slices((x_val, y_val))
    validation = validation.batch(batch_size).map(encode).prefetch(tf.data.AUTOTUNE)
    return train, validation
