"""Reuses the training recipe for validation: the validation images get augmented too.

expect: test_make_val_dataset
"""
# %% make_val_dataset
def make_val_dataset(x, y, batch_size):
    augmenter = make_augmenter()
    return (tf.data.Dataset.from_tensor_slices((x, y)).batch(batch_size)
            .map(lambda images, labels: (augmenter(images, training=True), labels))
            .prefetch(tf.data.AUTOTUNE))
