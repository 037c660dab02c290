"""Moves the colleague's shuffle(64) before batch but keeps its 64-element buffer: only a partial shuffle of the examples (first batch drawn from the first ~95 images), not a random order of all of them.

expect: test_train_mixing
"""
# %% make_train_dataset
def make_train_dataset(x, y, batch_size=32, seed=0):
    """Shuffle examples (seeded, every epoch), shift each image's brightness, clip, batch."""
    generator = tf.random.Generator.from_seed(seed)

    def shift(image, label):
        delta = generator.uniform([], -0.2, 0.2)
        return tf.clip_by_value(image + delta, 0.0, 1.0), label

    return (tf.data.Dataset.from_tensor_slices((x, y))
            .shuffle(64, seed=seed)
            .map(shift)
            .batch(batch_size)
            .prefetch(tf.data.AUTOTUNE))
