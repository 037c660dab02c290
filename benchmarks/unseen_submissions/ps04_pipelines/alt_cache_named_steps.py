"""Step by step with named variables: cache the raw examples first, shuffle with an explicit
reshuffle_each_iteration=True and buffer = number of examples, batch keeping the remainder, a named
augment function in a serial map (num_parallel_calls=None), prefetch(AUTOTUNE) last.

expect: full
"""
# %% make_train_dataset
def make_train_dataset(x, y, augmenter, batch_size, seed):
    """Training batches: shuffled with seed (anew every epoch), augmented per image, prefetched."""
    n_examples = int(np.shape(x)[0])
    examples = tf.data.Dataset.zip((tf.data.Dataset.from_tensor_slices(x),
                                    tf.data.Dataset.from_tensor_slices(y)))
    examples = examples.cache()  # cache the raw data, before anything random
    examples = examples.shuffle(buffer_size=n_examples, seed=seed,
                                reshuffle_each_iteration=True)
    batches = examples.batch(batch_size, drop_remainder=False)

    def augment(images, labels):
        # one call per batch; Keras layers draw per image; the serial map keeps draws apart
        return augmenter(images, training=True), labels

    augmented = batches.map(augment, num_parallel_calls=None)
    return augmented.prefetch(buffer_size=tf.data.AUTOTUNE)
