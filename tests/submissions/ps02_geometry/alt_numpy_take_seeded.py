"""NumPy indexing: np.take, a transpose with a computed axis order, a generator seeded from rng.

expect: full
"""
# %% flip_left_right
def flip_left_right(images):
    images = np.asarray(images)
    width = images.shape[-2]
    return np.take(images, np.arange(width - 1, -1, -1), axis=images.ndim - 2)

# %% flip_up_down
def flip_up_down(images):
    images = np.asarray(images)
    height = images.shape[-3]
    return np.take(images, list(reversed(range(height))), axis=images.ndim - 3)

# %% rot90
def rot90(images, k=1):
    images = np.asarray(images)
    order = list(range(images.ndim))
    order[-3], order[-2] = order[-2], order[-3]
    turns = k % 4
    while turns:
        images = flip_up_down(np.transpose(images, order))
        turns -= 1
    return images

# %% random_flip_batch
def random_flip_batch(images, rng):
    images = np.asarray(images)
    seed = int(rng.uniform([], minval=0, maxval=2**31 - 1, dtype=tf.int64))
    flags = np.random.default_rng(seed).random(len(images)) < 0.5
    out = images.copy()
    out[flags] = images[flags][:, :, ::-1]
    return out
