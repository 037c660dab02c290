"""Caches after the augmentation "for speed": every epoch replays epoch one's random images.

expect: test_make_train_dataset
"""
# %% make_train_dataset
def make_train_dataset(x, y, augmenter, batch_size, seed):
    return (tf.data.Dataset.from_tensor_slices((x, y)).shuffle(len(x), seed=seed)
            .batch(batch_size)
            .map(lambda images, labels: (augmenter(images, training=True), labels),
                 num_parallel_calls=tf.data.AUTOTUNE)
            .cache()
            .prefetch(tf.data.AUTOTUNE))
