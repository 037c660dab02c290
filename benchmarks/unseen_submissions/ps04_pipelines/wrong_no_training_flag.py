"""Calls augmenter(images) without training=True, trusting lesson 4's "calling a layer directly runs
it in training mode": the tests' augmenter defaults to training=False and returns the images
unshifted, breaking [3f].

expect: test_make_train_dataset
"""
# %% make_train_dataset
def make_train_dataset(x, y, augmenter, batch_size, seed):
    """Training batches: shuffled with seed (anew every epoch), augmented per image, prefetched."""

    def augment(images, labels):
        return augmenter(images), labels  # a direct call augments (lesson 4)

    return (tf.data.Dataset.from_tensor_slices((x, y))
            .shuffle(len(x), seed=seed)
            .batch(batch_size)
            .map(augment)
            .prefetch(tf.data.AUTOTUNE))
