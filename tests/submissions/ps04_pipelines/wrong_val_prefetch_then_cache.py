"""Ends the validation pipeline with cache after prefetch: prefetch is no longer the last step.

expect: test_make_val_dataset
"""
# %% make_val_dataset
def make_val_dataset(x, y, batch_size):
    return (tf.data.Dataset.from_tensor_slices((x, y)).batch(batch_size)
            .prefetch(tf.data.AUTOTUNE).cache())
