"""Shuffles with a buffer of one batch: examples only swap places with their neighbours.

expect: test_make_train_dataset
"""
# %% make_train_dataset
def make_train_dataset(x, y, augmenter, batch_size, seed):
    return (tf.data.Dataset.from_tensor_slices((x, y)).shuffle(batch_size, seed=seed)
            .batch(batch_size)
            .map(lambda images, labels: (augmenter(images, training=True), labels),
                 num_parallel_calls=tf.data.AUTOTUNE)
            .prefetch(tf.data.AUTOTUNE))
