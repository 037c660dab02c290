"""Copies the speed tip of lesson 4 and maps the Keras augmenter with
num_parallel_calls=tf.data.AUTOTUNE: a parallel map whose function writes the layer's random state,
breaking [3j] (output looks fine; only the graph detector sees it).

expect: test_make_train_dataset
"""
# %% make_train_dataset
def make_train_dataset(x, y, augmenter, batch_size, seed):
    """Training batches: shuffled with seed (anew every epoch), augmented per image, prefetched."""
    return (tf.data.Dataset.from_tensor_slices((x, y))
            .shuffle(len(x), seed=seed)
            .batch(batch_size)
            .map(lambda images, labels: (augmenter(images, training=True), labels),
                 num_parallel_calls=tf.data.AUTOTUNE)
            .prefetch(tf.data.AUTOTUNE))
