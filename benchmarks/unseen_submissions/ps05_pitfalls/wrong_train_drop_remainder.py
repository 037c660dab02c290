"""Correct shuffle and per-image clipped shift, but batches with drop_remainder=True: when len(x) is not a multiple of batch_size the last images never come out.

expect: test_train_draws
"""
# %% make_train_dataset
def make_train_dataset(x, y, batch_size=32, seed=0):
    """Shuffle examples (seeded, every epoch), shift each image's brightness, clip, batch."""
    generator = tf.random.Generator.from_seed(seed)

    def shift(image, label):
        delta = generator.uniform([], -0.2, 0.2)
        return tf.clip_by_value(image + delta, 0.0, 1.0), label

    return (tf.data.Dataset.from_tensor_slices((x, y))
            .shuffle(len(x), seed=seed)
            .map(shift)
            .batch(batch_size, drop_remainder=True)  # equal-sized batches for training
            .prefetch(tf.data.AUTOTUNE))
