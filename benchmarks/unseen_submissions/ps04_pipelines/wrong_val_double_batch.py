"""Validation batches twice as large as asked (no gradients, so "bigger is fine"): batch_size is not respected.

expect: test_make_val_dataset
"""
# %% make_val_dataset
def make_val_dataset(x, y, batch_size):
    """Batches of (images, labels) in order, prefetched; nothing random."""
    return (tf.data.Dataset.from_tensor_slices((x, y))
            .batch(2 * batch_size)
            .prefetch(tf.data.AUTOTUNE))
