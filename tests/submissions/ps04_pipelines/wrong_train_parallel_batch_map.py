"""Maps the Keras augmenter over batches in parallel: fast, but parallel calls of a Keras layer
can share its random state and repeat each other's draws ([3j]).

expect: test_make_train_dataset
"""
# %% make_train_dataset
def make_train_dataset(x, y, augmenter, batch_size, seed):
    return (tf.data.Dataset.from_tensor_slices((x, y))
            .shuffle(len(x), seed=seed)
            .batch(batch_size)
            .map(lambda images, labels: (augmenter(images, training=True), labels),
                 num_parallel_calls=tf.data.AUTOTUNE)
            .prefetch(tf.data.AUTOTUNE))
