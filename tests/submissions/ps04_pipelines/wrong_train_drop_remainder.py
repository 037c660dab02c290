"""Drops the last, smaller batch (drop_remainder=True): some examples never come out.

expect: test_make_train_dataset
"""
# %% make_train_dataset
def make_train_dataset(x, y, augmenter, batch_size, seed):
    return (tf.data.Dataset.from_tensor_slices((x, y)).shuffle(len(x), seed=seed)
            .batch(batch_size, drop_remainder=True)
            .map(lambda images, labels: (augmenter(images, training=True), labels))
            .prefetch(tf.data.AUTOTUNE))
