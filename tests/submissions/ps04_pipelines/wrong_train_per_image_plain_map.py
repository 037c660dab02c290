"""Maps the augmenter over single images with a plain map: no shared draws, but one call per
image is far slower than one per batch ([3i]).

expect: test_make_train_dataset
"""
# %% make_train_dataset
def make_train_dataset(x, y, augmenter, batch_size, seed):
    return (tf.data.Dataset.from_tensor_slices((x, y))
            .shuffle(len(x), seed=seed)
            .map(lambda image, label: (augmenter(image, training=True), label))
            .batch(batch_size)
            .prefetch(tf.data.AUTOTUNE))
