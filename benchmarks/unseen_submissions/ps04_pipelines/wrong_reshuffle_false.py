"""Misreads [3d] ("the same seed gives the same orders, epoch after epoch") as "every epoch in the
same order" and sets reshuffle_each_iteration=False: every epoch replays one order, breaking [3e].

expect: test_make_train_dataset
"""
# %% make_train_dataset
def make_train_dataset(x, y, augmenter, batch_size, seed):
    """Training batches: shuffled with seed (anew every epoch), augmented per image, prefetched."""
    dataset = tf.data.Dataset.from_tensor_slices((x, y))
    # same seed -> same order every epoch, so runs are reproducible
    dataset = dataset.shuffle(len(x), seed=seed, reshuffle_each_iteration=False)
    dataset = dataset.batch(batch_size)
    dataset = dataset.map(lambda images, labels: (augmenter(images, training=True), labels))
    return dataset.prefetch(tf.data.AUTOTUNE)
