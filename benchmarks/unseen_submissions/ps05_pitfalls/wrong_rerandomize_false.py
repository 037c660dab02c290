"""Recipe with hand-written stateless ops, but the seed stream is tf.data.Dataset.random(seed=seed)
without rerandomize_each_iteration=True: batch k gets the same seed pair every epoch, so epoch 2
hands out exactly the same 256 amounts again (to other images, since the order changes): breaks [1h].

expect: test_train_fresh
"""
# %% make_train_dataset
def make_train_dataset(x, y, batch_size=32, seed=0):
    """Shuffle examples (seeded, every epoch), shift each image's brightness, clip, batch."""

    def shift(batch, pair):
        images, labels = batch
        amounts = tf.random.stateless_uniform([tf.shape(images)[0], 1, 1, 1], seed=pair,
                                              minval=-0.2, maxval=0.2)
        return tf.clip_by_value(images + amounts, 0.0, 1.0), labels

    batches = (tf.data.Dataset.from_tensor_slices((x, y))
               .shuffle(len(x), seed=seed)
               .batch(batch_size))
    seeds = tf.data.Dataset.random(seed=seed).batch(2)  # reproducible seeds, one pair per batch
    return (tf.data.Dataset.zip((batches, seeds))
            .map(shift, num_parallel_calls=tf.data.AUTOTUNE)
            .prefetch(tf.data.AUTOTUNE))
