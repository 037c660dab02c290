"""Batches with drop_remainder=True ("so that every batch has the same shape"): breaks [3b] (and
[3a]: the leftover examples never come out) whenever len(x) is not a multiple of batch_size.

expect: test_make_train_dataset
"""
# %% make_train_dataset
def make_train_dataset(x, y, augmenter, batch_size, seed):
    """Training batches: shuffled with seed (anew every epoch), augmented per image, prefetched."""
    return (tf.data.Dataset.from_tensor_slices((x, y))
            .shuffle(len(x), seed=seed)
            .batch(batch_size, drop_remainder=True)
            .map(lambda images, labels: (augmenter(images, training=True), labels))
            .prefetch(tf.data.AUTOTUNE))
