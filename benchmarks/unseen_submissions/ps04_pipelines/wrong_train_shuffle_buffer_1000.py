"""Shuffle buffer of 1000 (the tutorial constant) instead of all examples: with more than 1000 examples the shuffle is only partial.

expect: test_make_train_dataset
"""
# %% make_train_dataset
def make_train_dataset(x, y, augmenter, batch_size, seed):
    """Shuffle (seeded, every epoch), batch, augment in a parallel map, prefetch."""
    return (tf.data.Dataset.from_tensor_slices((x, y))
            .shuffle(1000, seed=seed)
            .batch(batch_size)
            .map(lambda images, labels: (augmenter(images, training=True), labels),
                 num_parallel_calls=tf.data.AUTOTUNE)
            .prefetch(tf.data.AUTOTUNE))
