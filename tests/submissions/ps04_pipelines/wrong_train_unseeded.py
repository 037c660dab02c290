"""Shuffles without the seed: the same seed does not give the same order.

expect: test_make_train_dataset
"""
# %% make_train_dataset
def make_train_dataset(x, y, augmenter, batch_size, seed):
    return (tf.data.Dataset.from_tensor_slices((x, y)).shuffle(len(x))
            .batch(batch_size)
            .map(lambda images, labels: (augmenter(images, training=True), labels))
            .prefetch(tf.data.AUTOTUNE))
