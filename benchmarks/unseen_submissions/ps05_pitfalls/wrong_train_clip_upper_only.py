"""Per-image brightness shift from a Generator, shuffled before batch, but clipped only at the top (tf.minimum(x, 1)): a dark image shifted down goes below 0.

expect: test_train_draws
"""
# %% make_train_dataset
def make_train_dataset(x, y, batch_size=32, seed=0):
    """Shuffle examples (seeded, every epoch), shift each image's brightness, clip, batch."""
    generator = tf.random.Generator.from_seed(seed)

    def shift(image, label):
        delta = generator.uniform([], -0.2, 0.2)
        return tf.minimum(image + delta, 1.0), label  # keep the values from going over 1

    return (tf.data.Dataset.from_tensor_slices((x, y))
            .shuffle(len(x), seed=seed)
            .map(shift)
            .batch(batch_size)
            .prefetch(tf.data.AUTOTUNE))
