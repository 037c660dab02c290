"""Fixes the cache and the shuffle but keeps tf.image.random_brightness after batch (one shift
per batch, and under the global seed the same shifts again every epoch).

expect: test_train_draws test_train_fresh
"""
# %% make_train_dataset
def make_train_dataset(x, y, batch_size=32, seed=0):
    def shift(images, labels):
        return tf.clip_by_value(tf.image.random_brightness(images, 0.2), 0.0, 1.0), labels

    return (tf.data.Dataset.from_tensor_slices((x, y))
            .shuffle(len(x), seed=seed)
            .batch(batch_size)
            .map(shift)
            .prefetch(tf.data.AUTOTUNE))
