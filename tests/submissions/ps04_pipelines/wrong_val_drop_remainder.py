"""Drops the last, smaller validation batch: some digits are never measured.

expect: test_make_val_dataset
"""
# %% make_val_dataset
def make_val_dataset(x, y, batch_size):
    return (tf.data.Dataset.from_tensor_slices((x, y)).batch(batch_size, drop_remainder=True)
            .prefetch(tf.data.AUTOTUNE))
