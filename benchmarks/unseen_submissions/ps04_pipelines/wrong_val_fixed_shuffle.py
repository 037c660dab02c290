"""Shuffles validation data once with a fixed seed and no reshuffling ("same numbers every time"), so not in the original order.

expect: test_make_val_dataset
"""
# %% make_val_dataset
def make_val_dataset(x, y, batch_size):
    """Batches of (images, labels) in order, prefetched; nothing random."""
    return (tf.data.Dataset.from_tensor_slices((x, y))
            .shuffle(len(x), seed=0, reshuffle_each_iteration=False)
            .batch(batch_size)
            .prefetch(tf.data.AUTOTUNE))
