"""Shuffles the validation data every pass: the numbers change and the order is lost.

expect: test_make_val_dataset
"""
# %% make_val_dataset
def make_val_dataset(x, y, batch_size):
    return (tf.data.Dataset.from_tensor_slices((x, y)).shuffle(len(x))
            .batch(batch_size).prefetch(tf.data.AUTOTUNE))
