"""Per image, fresh every epoch, but the shift is drawn from [0, 0.2]: it only ever brightens.

expect: test_train_draws
"""
# %% make_train_dataset
def make_train_dataset(x, y, batch_size=32, seed=0):
    generator = tf.random.Generator.from_seed(seed)

    def shift(image, label):
        return tf.clip_by_value(image + generator.uniform([], 0.0, 0.2), 0.0, 1.0), label

    return (tf.data.Dataset.from_tensor_slices((x, y))
            .shuffle(len(x), seed=seed)
            .map(shift)
            .batch(batch_size)
            .prefetch(tf.data.AUTOTUNE))
