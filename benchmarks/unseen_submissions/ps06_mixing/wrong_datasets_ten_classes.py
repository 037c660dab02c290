"""make_datasets that one-hot encodes with depth 10 (the digits' class count) instead of the classes argument: labels have the wrong length for any other dataset.

expect: test_datasets
"""
# %% make_datasets
def make_datasets(x_train, y_train, x_val, y_val, classes, mix, batch_size=64, seed=0):
    """(train, validation): train shuffled, batched, one-hot, mixed; validation batched and
    one-hot only; both prefetched."""
    def encode(x, y):
        return x, tf.one_hot(y, 10)

    train = (tf.data.Dataset.from_tensor_slices((x_train, y_train))
             .shuffle(len(x_train), seed=seed)
             .batch(batch_size)
             .map(encode)
             .map(mix)
             .prefetch(tf.data.AUTOTUNE))
    validation = (tf.data.Dataset.from_tensor_slices((x_val, y_val))
                  .batch(batch_size)
                  .map(encode)
                  .prefetch(tf.data.AUTOTUNE))
    return train, validation
