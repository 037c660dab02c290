"""make_datasets that ignores the `classes` argument and one-hot encodes with depth
int(np.max(y_train)) + 1, the number of classes seen in the training labels. On the visible test
(all ten digits among the first 200) this is 10 = classes; when some class is missing from the
training labels, or `classes` is larger, the vectors are too short (and validation labels of an
unseen class become all-zero). Violates [4c]: "turns the integer labels into one-hot float32
vectors of length `classes`".

expect: test_datasets
"""
# %% box_mask
def box_mask(height, width, box_height, box_width):
    """A boolean (n, height, width) mask: per image a box of about box_height[i] x box_width[i]
    (vectors of n sizes) centred on a pixel drawn uniformly over the whole image, clipped at the
    border."""
    height = tf.cast(height, tf.int32)
    width = tf.cast(width, tf.int32)
    box_height = tf.cast(box_height, tf.int32)
    box_width = tf.cast(box_width, tf.int32)
    n = tf.shape(box_height)[0]
    centre_y = rng.uniform([n], minval=0, maxval=height, dtype=tf.int32)
    centre_x = rng.uniform([n], minval=0, maxval=width, dtype=tf.int32)
    top = tf.clip_by_value(centre_y - box_height // 2, 0, height)
    bottom = tf.clip_by_value(centre_y + box_height // 2, 0, height)
    left = tf.clip_by_value(centre_x - box_width // 2, 0, width)
    right = tf.clip_by_value(centre_x + box_width // 2, 0, width)
    rows = tf.range(height)[None, :, None]
    cols = tf.range(width)[None, None, :]
    return ((rows >= top[:, None, None]) & (rows < bottom[:, None, None])
            & (cols >= left[:, None, None]) & (cols < right[:, None, None]))
# %% cutout
def cutout(images, size):
    """Each image with one size x size square set to 0: centre drawn over the whole image,
    square clipped at the border, every channel erased."""
    images = tf.cast(tf.convert_to_tensor(images), tf.float32)
    shape = tf.shape(images)
    sizes = tf.fill([shape[0]], tf.cast(size, tf.int32))
    mask = box_mask(shape[1], shape[2], sizes, sizes)
    return tf.where(mask[..., None], tf.zeros_like(images), images)
# %% sample_beta
def sample_beta(n, alpha):
    """n draws from Beta(alpha, alpha): x / (x + y) for x, y ~ Gamma(alpha)."""
    seeds = rng.make_seeds(2)
    x = tf.random.stateless_gamma([n], seed=seeds[:, 0], alpha=alpha, dtype=tf.float64)
    y = tf.random.stateless_gamma([n], seed=seeds[:, 1], alpha=alpha, dtype=tf.float64)
    return tf.cast(x / (x + y), tf.float32)
# %% partners
def partners(n):
    """A random order of 0..n-1: image i is mixed with image partners[i] of the same batch."""
    return tf.argsort(rng.uniform([n]))
# %% mixup
def mixup(images, labels, alpha):
    """MixUp per image: lam ~ Beta(alpha, alpha), a partner from the same batch, pixels and
    one-hot labels mixed with the same lam."""
    images = tf.cast(tf.convert_to_tensor(images), tf.float32)
    labels = tf.cast(tf.convert_to_tensor(labels), tf.float32)
    n = tf.shape(images)[0]
    lam = sample_beta(n, alpha)
    order = partners(n)
    mixed_images = (lam[:, None, None, None] * images
                    + (1 - lam[:, None, None, None]) * tf.gather(images, order))
    mixed_labels = lam[:, None] * labels + (1 - lam[:, None]) * tf.gather(labels, order)
    return mixed_images, mixed_labels
# %% cutmix
def cutmix(images, labels, alpha):
    """CutMix per image: a partner's box pasted in (its size from lam ~ Beta(alpha, alpha),
    centre anywhere, clipped), labels weighted by the share of pixels actually pasted."""
    images = tf.cast(tf.convert_to_tensor(images), tf.float32)
    labels = tf.cast(tf.convert_to_tensor(labels), tf.float32)
    shape = tf.shape(images)
    n, height, width = shape[0], shape[1], shape[2]
    lam = sample_beta(n, alpha)
    order = partners(n)
    side = tf.sqrt(1.0 - lam)
    box_height = tf.cast(tf.cast(height, tf.float32) * side, tf.int32)
    box_width = tf.cast(tf.cast(width, tf.float32) * side, tf.int32)
    mask = box_mask(height, width, box_height, box_width)
    mixed_images = tf.where(mask[..., None], tf.gather(images, order), images)
    pasted = tf.reduce_mean(tf.cast(mask, tf.float32), axis=[1, 2])[:, None]
    mixed_labels = (1 - pasted) * labels + pasted * tf.gather(labels, order)
    return mixed_images, mixed_labels
# %% make_datasets
def make_datasets(x_train, y_train, x_val, y_val, classes, mix, batch_size=64, seed=0):
    """(train, validation): train shuffled, batched, one-hot, mixed; validation batched and
    one-hot only; both prefetched."""
    depth = int(np.max(y_train)) + 1

    def one_hot(x, y):
        return x, tf.one_hot(y, depth, dtype=tf.float32)

    train = (tf.data.Dataset.from_tensor_slices((x_train, y_train))
             .shuffle(len(x_train), seed=seed)
             .batch(batch_size)
             .map(one_hot)
             .map(mix)
             .prefetch(tf.data.AUTOTUNE))
    validation = (tf.data.Dataset.from_tensor_slices((x_val, y_val))
                  .batch(batch_size)
                  .map(one_hot)
                  .prefetch(tf.data.AUTOTUNE))
    return train, validation
