"""Lesson 4 section 1 style: from_tensor_slices -> shuffle(len(x), seed) -> batch -> plain map of the
augmenter on whole batches with training=True -> prefetch(AUTOTUNE).

expect: full
"""
# %% make_train_dataset
def make_train_dataset(x, y, augmenter, batch_size, seed):
    """Training batches: shuffled with seed (anew every epoch), augmented per image, prefetched."""
    return (tf.data.Dataset.from_tensor_slices((x, y))
            .shuffle(len(x), seed=seed)
            .batch(batch_size)
            .map(lambda images, labels: (augmenter(images, training=True), labels))
            .prefetch(tf.data.AUTOTUNE))
