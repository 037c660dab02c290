"""Augments per image, then caches "for speed" and shuffles the cache: epoch 2 onward replays epoch 1's augmented images.

expect: test_make_train_dataset
"""
# %% make_train_dataset
def make_train_dataset(x, y, augmenter, batch_size, seed):
    """Shuffle (seeded, every epoch), batch, augment in a parallel map, prefetch."""
    return (tf.data.Dataset.from_tensor_slices((x, y))
            .map(lambda image, label: (augmenter(image, training=True), label),
                 num_parallel_calls=tf.data.AUTOTUNE)
            .cache()
            .shuffle(len(x), seed=seed)
            .batch(batch_size)
            .prefetch(tf.data.AUTOTUNE))
