"""Pipelines that mix single images before batching.

expect: test_datasets
"""
# %% make_datasets
def make_datasets(x_train, y_train, x_val, y_val, classes, mix, batch_size=64, seed=0):
    def one_hot(images, labels):
        return images, tf.one_hot(labels, classes)

    train = (tf.data.Dataset.from_tensor_slices((x_train, y_train))
             .shuffle(len(x_train), seed=seed)
             .map(one_hot)
             .map(mix)
             .batch(batch_size)
             .prefetch(tf.data.AUTOTUNE))
    validation = (tf.data.Dataset.from_tensor_slices((x_val, y_val))
                  .batch(batch_size)
                  .map(one_hot)
                  .prefetch(tf.data.AUTOTUNE))
    return train, validation
