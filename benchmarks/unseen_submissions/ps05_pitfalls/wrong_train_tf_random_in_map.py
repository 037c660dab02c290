"""Fixes batch/shuffle/cache order and clips, but draws the shift with tf.random.uniform inside the per-image map: with the notebook's global seed, every epoch replays the same shifts (handed to other images by the shuffle).

expect: test_train_fresh
"""
# %% make_train_dataset
def make_train_dataset(x, y, batch_size=32, seed=0):
    """Shuffle examples (seeded, every epoch), shift each image's brightness, clip, batch."""
    def shift(image, label):
        delta = tf.random.uniform([], minval=-0.2, maxval=0.2)
        return tf.clip_by_value(image + delta, 0.0, 1.0), label

    return (tf.data.Dataset.from_tensor_slices((x, y))
            .shuffle(len(x), seed=seed)
            .map(shift)
            .batch(batch_size)
            .prefetch(tf.data.AUTOTUNE))
