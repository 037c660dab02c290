"""Generator-based per-image shift in a plain map after batch, everything right except that the
shifted values are never clipped to [0, 1]: breaks [1g] (a pixel at 0.95 can come out at 1.15).

expect: test_train_draws
"""
# %% make_train_dataset
def make_train_dataset(x, y, batch_size=32, seed=0):
    """Shuffle examples (seeded, every epoch), shift each image's brightness, clip, batch."""
    rng = tf.random.Generator.from_seed(seed)

    def shift(images, labels):
        amounts = rng.uniform([tf.shape(images)[0], 1, 1, 1], -0.2, 0.2)
        return images + amounts, labels

    return (tf.data.Dataset.from_tensor_slices((x, y))
            .shuffle(len(x), seed=seed)
            .batch(batch_size)
            .map(shift)
            .prefetch(tf.data.AUTOTUNE))
