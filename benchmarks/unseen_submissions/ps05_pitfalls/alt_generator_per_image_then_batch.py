"""A tf.random.Generator seeded with `seed`, made once outside the map function; each example
gets its own uniform [-0.2, 0.2) shift in a parallel map before batch (Generator writes no racy
state, per lesson 4), clipped; then batch and prefetch.

expect: full
"""
# %% make_train_dataset
def make_train_dataset(x, y, batch_size=32, seed=0):
    """Shuffle examples (seeded, every epoch), shift each image's brightness, clip, batch."""
    generator = tf.random.Generator.from_seed(seed)

    def shift_one(image, label):
        delta = generator.uniform([], minval=-0.2, maxval=0.2)
        return tf.clip_by_value(image + delta, 0.0, 1.0), label

    n = len(x)
    return (tf.data.Dataset.from_tensor_slices((x, y))
            .shuffle(n, seed=seed)
            .map(shift_one, num_parallel_calls=tf.data.AUTOTUNE)
            .batch(batch_size)
            .prefetch(tf.data.AUTOTUNE))
