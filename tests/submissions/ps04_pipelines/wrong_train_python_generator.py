"""Augments image by image in a Python generator (the ImageDataGenerator habit): slow.

expect: test_make_train_dataset
"""
# %% make_train_dataset
def make_train_dataset(x, y, augmenter, batch_size, seed):
    rng = np.random.default_rng(seed)

    def batches():
        order = rng.permutation(len(x))
        for start in range(0, len(x), batch_size):
            picked = order[start:start + batch_size]
            images = np.stack([np.asarray(augmenter(x[i][None], training=True))[0]
                               for i in picked])
            yield images, y[picked]

    signature = (tf.TensorSpec((None, *x.shape[1:]), tf.float32),
                 tf.TensorSpec((None,), tf.as_dtype(y.dtype)))
    return tf.data.Dataset.from_generator(batches, output_signature=signature).prefetch(2)
