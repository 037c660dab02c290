"""Correct: box rows/columns from tf.sequence_mask(bottom) minus tf.sequence_mask(top), partners as tf.math.top_k indices of n uniform keys from rng, Beta from float32 stateless Gamma draws, labels one-hot via tf.gather(tf.eye(classes)), validation built before training.

expect: full
"""
# %% box_mask
rng = tf.random.Generator.from_seed(6)  # one random stream for all your functions


def _corners(length, cut, n):
    """(low, high) per image: cut//2 either side of a centre uniform over 0..length-1."""
    centre = rng.uniform(tf.reshape(n, [1]), minval=0, maxval=length, dtype=tf.int32)
    return (tf.clip_by_value(centre - cut // 2, 0, length),
            tf.clip_by_value(centre + cut // 2, 0, length))


def _span(low, high, length):
    return tf.logical_and(tf.sequence_mask(high, length), tf.logical_not(
        tf.sequence_mask(low, length)))


def box_mask(height, width, box_height, box_width):
    """A boolean (n, height, width) mask: per image a box of about box_height x box_width
    centred on a pixel drawn uniformly over the whole image, clipped at the border."""
    n = tf.size(box_height)
    top, bottom = _corners(height, box_height, n)
    left, right = _corners(width, box_width, n)
    rows = _span(top, bottom, height)
    cols = _span(left, right, width)
    return tf.logical_and(rows[:, :, tf.newaxis], cols[:, tf.newaxis, :])


# %% cutout
def cutout(images, size):
    """Each image with one size x size square set to 0: centre drawn over the whole image,
    square clipped at the border, every channel erased."""
    images = tf.convert_to_tensor(images, tf.float32)
    n, height, width = tf.unstack(tf.shape(images)[:3])
    side = tf.fill(tf.reshape(n, [1]), tf.constant(size, tf.int32))
    erase = box_mask(height, width, side, side)
    channels = tf.shape(images)[3]
    erase = tf.tile(erase[..., tf.newaxis], tf.stack([1, 1, 1, channels]))
    return tf.where(erase, tf.zeros_like(images), images)


# %% sample_beta
def sample_beta(n, alpha):
    """n draws from Beta(alpha, alpha): x / (x + y) for x, y ~ Gamma(alpha)."""
    seeds = rng.make_seeds(2)
    shape = tf.reshape(n, [1])
    x = tf.random.stateless_gamma(shape, seeds[:, 0], alpha=alpha)
    y = tf.random.stateless_gamma(shape, seeds[:, 1], alpha=alpha)
    return x / (x + y)


# %% partners
def partners(n):
    """A random order of 0..n-1: image i is mixed with image partners[i] of the same batch."""
    keys = rng.uniform(tf.reshape(n, [1]))
    return tf.math.top_k(keys, k=n, sorted=True).indices  # the order of n random keys


# %% mixup
def mixup(images, labels, alpha):
    """MixUp per image: lam ~ Beta(alpha, alpha), a partner from the same batch, pixels and
    one-hot labels mixed with the same lam."""
    images = tf.convert_to_tensor(images, tf.float32)
    labels = tf.convert_to_tensor(labels, tf.float32)
    n = tf.shape(images)[0]
    lam = sample_beta(n, alpha)
    j = partners(n)
    mixed = tf.einsum("n,nhwc->nhwc", lam, images) + tf.einsum(
        "n,nhwc->nhwc", 1.0 - lam, tf.gather(images, j))
    mixed_labels = tf.einsum("n,nk->nk", lam, labels) + tf.einsum(
        "n,nk->nk", 1.0 - lam, tf.gather(labels, j))
    return mixed, mixed_labels


# %% cutmix
def cutmix(images, labels, alpha):
    """CutMix per image: a partner's box pasted in (its size from lam ~ Beta(alpha, alpha),
    centre anywhere, clipped), labels weighted by the share of pixels actually pasted."""
    images = tf.convert_to_tensor(images, tf.float32)
    labels = tf.convert_to_tensor(labels, tf.float32)
    n, height, width = tf.unstack(tf.shape(images)[:3])
    lam = sample_beta(n, alpha)
    j = partners(n)
    ratio = tf.sqrt(1.0 - lam)
    cut_h = tf.cast(tf.cast(height, tf.float32) * ratio, tf.int32)  # truncates like int()
    cut_w = tf.cast(tf.cast(width, tf.float32) * ratio, tf.int32)
    top, bottom = _corners(height, cut_h, n)
    left, right = _corners(width, cut_w, n)
    box = tf.logical_and(_span(top, bottom, height)[:, :, None],
                         _span(left, right, width)[:, None, :])
    mixed = tf.where(box[..., None], tf.gather(images, j), images)
    pasted = tf.cast((bottom - top) * (right - left), tf.float32) / tf.cast(height * width,
                                                                            tf.float32)
    mixed_labels = tf.einsum("n,nk->nk", 1.0 - pasted, labels) + tf.einsum(
        "n,nk->nk", pasted, tf.gather(labels, j))
    return mixed, mixed_labels


# %% make_datasets
def make_datasets(x_train, y_train, x_val, y_val, classes, mix, batch_size=64, seed=0):
    """(train, validation): train shuffled, batched, one-hot, mixed; validation batched and
    one-hot only; both prefetched."""
    eye = tf.eye(classes, dtype=tf.float32)

    def one_hot(x, y):
        return x, tf.gather(eye, tf.cast(y, tf.int32))

    validation = tf.data.Dataset.from_tensor_slices((x_val, y_val)).batch(batch_size)
    validation = validation.map(one_hot).prefetch(tf.data.AUTOTUNE)
    train = tf.data.Dataset.from_tensor_slices((x_train, y_train))
    train = train.shuffle(len(x_train), seed=seed, reshuffle_each_iteration=True)
    train = train.batch(batch_size).map(one_hot).map(mix).prefetch(tf.data.AUTOTUNE)
    return train, validation
