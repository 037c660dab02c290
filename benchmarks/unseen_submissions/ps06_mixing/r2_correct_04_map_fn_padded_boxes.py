"""Correct solution that draws everything vectorised from the notebook's generator `rng` and then
builds each image's box with tf.map_fn (a TensorFlow op, not a Python loop): a block of ones of
the clipped box's size, tf.pad-ded to the image size. Lambda comes from one stateless Gamma call
of shape (n, 2) with a pair of alphas; partners are the indices of tf.math.top_k of n uniform
numbers (a sort of random keys); centres are drawn as integers over all rows and all columns.
make_datasets follows shuffle -> batch -> one-hot (parallel map) -> mix -> prefetch, with
explicit reshuffling and a float32 one-hot.

expect: full
"""
# %% box_mask
def box_mask(height, width, box_height, box_width):
    """A boolean (n, height, width) mask: per image a box of about box_height[i] x box_width[i]
    (vectors of n sizes) centred on a pixel drawn uniformly over the whole image, clipped at the
    border."""
    height, width = tf.cast(height, tf.int32), tf.cast(width, tf.int32)
    box_height, box_width = tf.cast(box_height, tf.int32), tf.cast(box_width, tf.int32)
    n = tf.shape(box_height)[0]
    centre_y = rng.uniform([n], 0, height, dtype=tf.int32)
    centre_x = rng.uniform([n], 0, width, dtype=tf.int32)
    corners = tf.stack([
        tf.clip_by_value(centre_y - box_height // 2, 0, height),
        tf.clip_by_value(centre_y + box_height // 2, 0, height),
        tf.clip_by_value(centre_x - box_width // 2, 0, width),
        tf.clip_by_value(centre_x + box_width // 2, 0, width)], axis=1)

    def one_box(c):
        top, bottom, left, right = c[0], c[1], c[2], c[3]
        bottom, right = tf.maximum(bottom, top), tf.maximum(right, left)
        block = tf.ones([bottom - top, right - left], tf.int32)
        return tf.pad(block, [[top, height - bottom], [left, width - right]])

    masks = tf.map_fn(one_box, corners, fn_output_signature=tf.TensorSpec([None, None], tf.int32))
    return tf.reshape(tf.cast(masks, tf.bool), [n, height, width])
# %% cutout
def cutout(images, size):
    """Each image with one size x size square set to 0: centre drawn over the whole image,
    square clipped at the border, every channel erased."""
    images = tf.convert_to_tensor(images)
    if images.dtype != tf.float32:
        images = tf.cast(images, tf.float32)
    shape = tf.shape(images)
    side = tf.ones([shape[0]], tf.int32) * size
    erase = tf.expand_dims(box_mask(shape[1], shape[2], side, side), axis=-1)
    return tf.where(erase, tf.constant(0.0), images)
# %% sample_beta
def sample_beta(n, alpha):
    """n draws from Beta(alpha, alpha): x / (x + y) for x, y ~ Gamma(alpha)."""
    pair = tf.random.stateless_gamma([n, 2], seed=rng.make_seeds(1)[:, 0],
                                     alpha=tf.fill([2], tf.cast(alpha, tf.float64)),
                                     dtype=tf.float64)
    return tf.cast(pair[:, 0] / tf.reduce_sum(pair, axis=1), tf.float32)
# %% partners
def partners(n):
    """A random order of 0..n-1: image i is mixed with image partners[i] of the same batch."""
    return tf.math.top_k(rng.uniform([n]), k=n).indices
# %% mixup
def mixup(images, labels, alpha):
    """MixUp per image: lam ~ Beta(alpha, alpha), a partner from the same batch, pixels and
    one-hot labels mixed with the same lam."""
    images = tf.cast(images, tf.float32)
    labels = tf.cast(labels, tf.float32)
    n = tf.shape(images)[0]
    lam = sample_beta(n, alpha)
    j = partners(n)
    mixed_images = tf.einsum("n,nhwc->nhwc", lam, images) + tf.einsum(
        "n,nhwc->nhwc", 1.0 - lam, tf.gather(images, j))
    mixed_labels = tf.einsum("n,nk->nk", lam, labels) + tf.einsum(
        "n,nk->nk", 1.0 - lam, tf.gather(labels, j))
    return mixed_images, mixed_labels
# %% cutmix
def cutmix(images, labels, alpha):
    """CutMix per image: a partner's box pasted in (its size from lam ~ Beta(alpha, alpha),
    centre anywhere, clipped), labels weighted by the share of pixels actually pasted."""
    images = tf.cast(images, tf.float32)
    labels = tf.cast(labels, tf.float32)
    shape = tf.shape(images)
    n, height, width = shape[0], shape[1], shape[2]
    lam = sample_beta(n, alpha)
    j = partners(n)
    scale = tf.sqrt(1.0 - lam)
    box = box_mask(height, width,
                   tf.cast(tf.math.floor(scale * tf.cast(height, tf.float32)), tf.int32),
                   tf.cast(tf.math.floor(scale * tf.cast(width, tf.float32)), tf.int32))
    box_f = tf.cast(box, tf.float32)
    mixed = images * (1.0 - box_f[..., None]) + tf.gather(images, j) * box_f[..., None]
    share = tf.math.count_nonzero(box, axis=[1, 2], dtype=tf.int32)
    share = tf.cast(share, tf.float32) / tf.cast(height * width, tf.float32)
    return mixed, labels * (1.0 - share[:, None]) + tf.gather(labels, j) * share[:, None]
# %% make_datasets
def make_datasets(x_train, y_train, x_val, y_val, classes, mix, batch_size=64, seed=0):
    """(train, validation): train shuffled, batched, one-hot, mixed; validation batched and
    one-hot only; both prefetched."""
    def to_one_hot(x, y):
        return x, tf.one_hot(tf.cast(y, tf.int64), classes, on_value=1.0, off_value=0.0,
                             dtype=tf.float32)

    n_train = int(np.shape(x_train)[0])
    train = tf.data.Dataset.from_tensor_slices((x_train, y_train))
    train = train.shuffle(n_train, seed=int(seed), reshuffle_each_iteration=True)
    train = train.batch(batch_size)
    train = train.map(to_one_hot, num_parallel_calls=tf.data.AUTOTUNE)
    train = train.map(mix)
    train = train.prefetch(tf.data.AUTOTUNE)
    validation = tf.data.Dataset.from_tensor_slices((x_val, y_val)).batch(batch_size)
    validation = validation.map(to_one_hot, num_parallel_calls=tf.data.AUTOTUNE)
    return train, validation.prefetch(tf.data.AUTOTUNE)
