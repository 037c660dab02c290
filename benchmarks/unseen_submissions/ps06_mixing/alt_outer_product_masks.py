"""Correct: boxes as outer products of a row indicator and a column indicator (float masks, multiplication instead of tf.where), Beta from one (2, n) stateless Gamma draw, partners from tf.random.experimental.stateless_shuffle seeded by rng; pipeline one-hot encodes before batching.

expect: full
"""
# %% box_mask
rng = tf.random.Generator.from_seed(6)  # one random stream for all your functions


def _spans(length, cut, n):
    """(n, length) float 0/1: per image a span of cut//2 either side of a uniform centre."""
    centre = rng.uniform([n], minval=0, maxval=length, dtype=tf.int32)
    low = tf.clip_by_value(centre - cut // 2, 0, length)
    high = tf.clip_by_value(centre + cut // 2, 0, length)
    position = tf.range(length)[None, :]
    inside = tf.logical_and(position >= low[:, None], position < high[:, None])
    return tf.cast(inside, tf.float32)


def box_mask(height, width, box_height, box_width):
    """A boolean (n, height, width) mask: per image a box of about box_height x box_width
    centred on a pixel drawn uniformly over the whole image, clipped at the border."""
    box_height = tf.convert_to_tensor(box_height, tf.int32)
    box_width = tf.convert_to_tensor(box_width, tf.int32)
    n = tf.shape(box_height)[0]
    rows = _spans(height, box_height, n)
    cols = _spans(width, box_width, n)
    return tf.einsum("nh,nw->nhw", rows, cols) > 0.5


# %% cutout
def cutout(images, size):
    """Each image with one size x size square set to 0: centre drawn over the whole image,
    square clipped at the border, every channel erased."""
    images = tf.convert_to_tensor(images)
    shape = tf.shape(images)
    n, height, width = shape[0], shape[1], shape[2]
    sides = tf.fill([n], tf.cast(size, tf.int32))
    keep = 1.0 - tf.cast(box_mask(height, width, sides, sides), images.dtype)
    return images * keep[..., None]


# %% sample_beta
def sample_beta(n, alpha):
    """n draws from Beta(alpha, alpha): x / (x + y) for x, y ~ Gamma(alpha)."""
    seed = rng.make_seeds(1)[:, 0]
    g = tf.random.stateless_gamma([2, n], seed, alpha=tf.cast(alpha, tf.float64),
                                  dtype=tf.float64)
    return tf.cast(g[0] / (g[0] + g[1]), tf.float32)


# %% partners
def partners(n):
    """A random order of 0..n-1: image i is mixed with image partners[i] of the same batch."""
    seed = rng.make_seeds(1)[:, 0]
    return tf.random.experimental.stateless_shuffle(tf.range(n), seed)


# %% mixup
def mixup(images, labels, alpha):
    """MixUp per image: lam ~ Beta(alpha, alpha), a partner from the same batch, pixels and
    one-hot labels mixed with the same lam."""
    images = tf.convert_to_tensor(images)
    labels = tf.convert_to_tensor(labels)
    n = tf.shape(images)[0]
    lam = sample_beta(n, alpha)
    j = partners(n)
    lam_images = tf.reshape(lam, [-1, 1, 1, 1])
    lam_labels = tf.reshape(lam, [-1, 1])
    mixed = images * lam_images + tf.gather(images, j) * (1.0 - lam_images)
    mixed_labels = labels * lam_labels + tf.gather(labels, j) * (1.0 - lam_labels)
    return mixed, mixed_labels


# %% cutmix
def cutmix(images, labels, alpha):
    """CutMix per image: a partner's box pasted in (its size from lam ~ Beta(alpha, alpha),
    centre anywhere, clipped), labels weighted by the share of pixels actually pasted."""
    images = tf.convert_to_tensor(images)
    labels = tf.convert_to_tensor(labels)
    shape = tf.shape(images)
    n, height, width = shape[0], shape[1], shape[2]
    lam = sample_beta(n, alpha)
    j = partners(n)
    side = tf.sqrt(1.0 - lam)
    cut_h = tf.cast(tf.floor(tf.cast(height, tf.float32) * side), tf.int32)
    cut_w = tf.cast(tf.floor(tf.cast(width, tf.float32) * side), tf.int32)
    rows = _spans(height, cut_h, n)
    cols = _spans(width, cut_w, n)
    box = tf.einsum("nh,nw->nhw", rows, cols)[..., None]
    mixed = images * (1.0 - box) + tf.gather(images, j) * box
    pasted = (tf.reduce_sum(rows, axis=1) * tf.reduce_sum(cols, axis=1)) / tf.cast(
        height * width, tf.float32)
    pasted = pasted[:, None]
    return mixed, (1.0 - pasted) * labels + pasted * tf.gather(labels, j)


# %% make_datasets
def make_datasets(x_train, y_train, x_val, y_val, classes, mix, batch_size=64, seed=0):
    """(train, validation): train shuffled, batched, one-hot, mixed; validation batched and
    one-hot only; both prefetched."""
    def one_hot(x, y):
        return x, tf.one_hot(y, classes, dtype=tf.float32)

    train = (tf.data.Dataset.from_tensor_slices((x_train, y_train))
             .shuffle(len(x_train), seed=seed, reshuffle_each_iteration=True)
             .map(one_hot)
             .batch(batch_size)
             .map(mix)
             .prefetch(tf.data.AUTOTUNE))
    validation = (tf.data.Dataset.from_tensor_slices((x_val, y_val))
                  .map(one_hot)
                  .batch(batch_size)
                  .prefetch(tf.data.AUTOTUNE))
    return train, validation
