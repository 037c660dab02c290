"""Converts to tensors first, shuffles a dict of features, batches, augments the "image" entry in a
plain map that returns a tuple, and ends with a fixed prefetch buffer of 2 batches (accepted by [3h]).

expect: full
"""
# %% make_train_dataset
def make_train_dataset(x, y, augmenter, batch_size, seed):
    """Training batches: shuffled with seed (anew every epoch), augmented per image, prefetched."""
    x = tf.convert_to_tensor(x, dtype=tf.float32)
    y = tf.convert_to_tensor(y)
    n = x.shape[0]
    ds = tf.data.Dataset.from_tensor_slices({"image": x, "label": y})
    ds = ds.shuffle(n, seed=seed).batch(batch_size)

    def to_pair(example):
        images = augmenter(example["image"], training=True)
        return images, example["label"]

    ds = ds.map(to_pair)
    return ds.prefetch(2)
