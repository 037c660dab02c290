"""Draws the uniform [-0.2, 0.2] amount per pixel (shape of the whole batch) instead of one amount
per image added to all its pixels: noise, not a brightness shift; breaks [1f].

expect: test_train_draws
"""
# %% make_train_dataset
rng = tf.random.Generator.from_seed(0)


def make_train_dataset(x, y, batch_size=32, seed=0):
    """Shuffle examples (seeded, every epoch), shift each image's brightness, clip, batch."""

    def brighten(images, labels):
        delta = rng.uniform(tf.shape(images), minval=-0.2, maxval=0.2)
        return tf.clip_by_value(images + delta, 0.0, 1.0), labels

    return (tf.data.Dataset.from_tensor_slices((x, y))
            .shuffle(len(x), seed=seed)
            .batch(batch_size)
            .map(brighten)
            .prefetch(tf.data.AUTOTUNE))
