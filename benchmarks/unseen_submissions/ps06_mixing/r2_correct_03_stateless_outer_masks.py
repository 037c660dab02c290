"""Correct solution with stateless ops only, every seed taken from the notebook's generator
(rng.make_seeds): centres from tf.random.stateless_uniform (floats floored to a row/column),
lambda from ONE tf.random.stateless_gamma call of shape (2, n) in float64, partners from
tf.random.experimental.stateless_shuffle. A box is the outer product of a row mask and a column
mask; Cutout multiplies by the kept mask; CutMix's pasted share is computed from the clipped side
lengths ((bottom - top) * (right - left) / (height * width)) rather than from the mask. The
training pipeline one-hot encodes and mixes in one map after batch.

expect: full
"""
# %% box_mask
def box_mask(height, width, box_height, box_width):
    """A boolean (n, height, width) mask: per image a box of about box_height[i] x box_width[i]
    (vectors of n sizes) centred on a pixel drawn uniformly over the whole image, clipped at the
    border."""
    top, bottom, left, right = box_corners(height, width, box_height, box_width)
    in_rows = tf.sequence_mask(bottom, height) & ~tf.sequence_mask(top, height)  # (n, height)
    in_cols = tf.sequence_mask(right, width) & ~tf.sequence_mask(left, width)    # (n, width)
    return in_rows[:, :, None] & in_cols[:, None, :]


def box_corners(height, width, box_height, box_width):
    """Clipped (top, bottom, left, right) per image, bottom and right exclusive."""
    height, width = tf.cast(height, tf.int32), tf.cast(width, tf.int32)
    box_height, box_width = tf.cast(box_height, tf.int32), tf.cast(box_width, tf.int32)
    n = tf.size(box_height)
    where = tf.random.stateless_uniform([2, n], seed=rng.make_seeds(1)[:, 0])  # in [0, 1)
    centre_y = tf.minimum(tf.cast(tf.floor(where[0] * tf.cast(height, tf.float32)), tf.int32),
                          height - 1)
    centre_x = tf.minimum(tf.cast(tf.floor(where[1] * tf.cast(width, tf.float32)), tf.int32),
                          width - 1)
    top = tf.maximum(centre_y - box_height // 2, 0)
    bottom = tf.minimum(centre_y + box_height // 2, height)
    left = tf.maximum(centre_x - box_width // 2, 0)
    right = tf.minimum(centre_x + box_width // 2, width)
    # a box entirely clipped away has bottom <= top: make it empty
    return top, tf.maximum(bottom, top), left, tf.maximum(right, left)
# %% cutout
def cutout(images, size):
    """Each image with one size x size square set to 0: centre drawn over the whole image,
    square clipped at the border, every channel erased."""
    images = tf.cast(images, tf.float32)
    n, height, width = tf.unstack(tf.shape(images)[:3])
    size = tf.cast(size, tf.int32)
    keep = ~box_mask(height, width, tf.fill([n], size), tf.fill([n], size))
    return images * tf.cast(keep, tf.float32)[:, :, :, tf.newaxis]
# %% sample_beta
def sample_beta(n, alpha):
    """n draws from Beta(alpha, alpha): x / (x + y) for x, y ~ Gamma(alpha)."""
    gammas = tf.random.stateless_gamma(tf.stack([2, n]), seed=rng.make_seeds(1)[:, 0],
                                       alpha=tf.constant(alpha, tf.float64), dtype=tf.float64)
    return tf.cast(gammas[0] / (gammas[0] + gammas[1]), tf.float32)
# %% partners
def partners(n):
    """A random order of 0..n-1: image i is mixed with image partners[i] of the same batch."""
    return tf.random.experimental.stateless_shuffle(tf.range(n), seed=rng.make_seeds(1)[:, 0])
# %% mixup
def mixup(images, labels, alpha):
    """MixUp per image: lam ~ Beta(alpha, alpha), a partner from the same batch, pixels and
    one-hot labels mixed with the same lam."""
    images, labels = tf.cast(images, tf.float32), tf.cast(labels, tf.float32)
    n = tf.shape(images)[0]
    lam, other = sample_beta(n, alpha), partners(n)
    image_lam = tf.reshape(lam, [-1, 1, 1, 1])
    label_lam = tf.reshape(lam, [-1, 1])
    mixed = image_lam * images + (1.0 - image_lam) * tf.gather(images, other)
    return mixed, label_lam * labels + (1.0 - label_lam) * tf.gather(labels, other)
# %% cutmix
def cutmix(images, labels, alpha):
    """CutMix per image: a partner's box pasted in (its size from lam ~ Beta(alpha, alpha),
    centre anywhere, clipped), labels weighted by the share of pixels actually pasted."""
    images, labels = tf.cast(images, tf.float32), tf.cast(labels, tf.float32)
    n, height, width = tf.unstack(tf.shape(images)[:3])
    lam, other = sample_beta(n, alpha), partners(n)
    ratio = tf.sqrt(1.0 - lam)
    box_height = tf.cast(ratio * tf.cast(height, tf.float32), tf.int32)
    box_width = tf.cast(ratio * tf.cast(width, tf.float32), tf.int32)
    top, bottom, left, right = box_corners(height, width, box_height, box_width)
    in_rows = tf.sequence_mask(bottom, height) & ~tf.sequence_mask(top, height)
    in_cols = tf.sequence_mask(right, width) & ~tf.sequence_mask(left, width)
    box = in_rows[:, :, None, None] & in_cols[:, None, :, None]
    mixed = tf.where(box, tf.gather(images, other), images)
    pasted = tf.cast((bottom - top) * (right - left), tf.float32) / tf.cast(height * width,
                                                                           tf.float32)
    pasted = pasted[:, None]
    return mixed, (1.0 - pasted) * labels + pasted * tf.gather(labels, other)
# %% make_datasets
def make_datasets(x_train, y_train, x_val, y_val, classes, mix, batch_size=64, seed=0):
    """(train, validation): train shuffled, batched, one-hot, mixed; validation batched and
    one-hot only; both prefetched."""
    def labelled(x, y):
        return x, tf.one_hot(tf.cast(y, tf.int32), depth=classes, dtype=tf.float32)

    def labelled_and_mixed(x, y):
        return mix(*labelled(x, y))

    examples = tf.data.Dataset.from_tensor_slices((x_train, y_train))
    train = (examples.shuffle(len(y_train), seed=seed).batch(batch_size)
             .map(labelled_and_mixed).prefetch(tf.data.AUTOTUNE))
    validation = (tf.data.Dataset.from_tensor_slices((x_val, y_val)).batch(batch_size)
                  .map(labelled).prefetch(tf.data.AUTOTUNE))
    return train, validation
