"""Batches first and shuffles the batches: the same images always travel together.

expect: test_make_train_dataset
"""
# %% make_train_dataset
def make_train_dataset(x, y, augmenter, batch_size, seed):
    return (tf.data.Dataset.from_tensor_slices((x, y))
            .batch(batch_size)
            .shuffle(len(x), seed=seed)
            .map(lambda images, labels: (augmenter(images, training=True), labels),
                 num_parallel_calls=tf.data.AUTOTUNE)
            .prefetch(tf.data.AUTOTUNE))
