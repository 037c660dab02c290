"""Calls augmenter(images) without training=True: an augmenter that needs the flag does nothing.

expect: test_make_train_dataset
"""
# %% make_train_dataset
def make_train_dataset(x, y, augmenter, batch_size, seed):
    return (tf.data.Dataset.from_tensor_slices((x, y)).shuffle(len(x), seed=seed)
            .batch(batch_size)
            .map(lambda images, labels: (augmenter(images), labels))
            .prefetch(tf.data.AUTOTUNE))
