"""Correct: written with keras.ops (arange, where, take, sqrt, floor, one_hot) on the TensorFlow backend, with every random number still drawn from rng; partners by argsort of uniform keys.

expect: full
"""
# %% box_mask
import keras
from keras import ops

rng = tf.random.Generator.from_seed(6)  # one random stream for all your functions


def box_mask(height, width, box_height, box_width):
    """A boolean (n, height, width) mask: per image a box of about box_height x box_width
    centred on a pixel drawn uniformly over the whole image, clipped at the border."""
    box_height = ops.cast(box_height, "int32")
    box_width = ops.cast(box_width, "int32")
    n = ops.shape(box_height)[0]
    centre_y = rng.uniform([n], 0, height, dtype=tf.int32)
    centre_x = rng.uniform([n], 0, width, dtype=tf.int32)
    top = ops.maximum(centre_y - box_height // 2, 0)
    bottom = ops.minimum(centre_y + box_height // 2, height)
    left = ops.maximum(centre_x - box_width // 2, 0)
    right = ops.minimum(centre_x + box_width // 2, width)
    y = ops.reshape(ops.arange(height), (1, -1, 1))
    x = ops.reshape(ops.arange(width), (1, 1, -1))
    expand = lambda t: ops.reshape(t, (-1, 1, 1))  # noqa: E731
    return ops.logical_and(
        ops.logical_and(ops.greater_equal(y, expand(top)), ops.less(y, expand(bottom))),
        ops.logical_and(ops.greater_equal(x, expand(left)), ops.less(x, expand(right))))


# %% cutout
def cutout(images, size):
    """Each image with one size x size square set to 0: centre drawn over the whole image,
    square clipped at the border, every channel erased."""
    images = ops.convert_to_tensor(images)
    n, height, width = ops.shape(images)[0], ops.shape(images)[1], ops.shape(images)[2]
    sides = ops.full((n,), size, dtype="int32")
    mask = ops.expand_dims(box_mask(height, width, sides, sides), -1)
    return ops.where(mask, ops.zeros_like(images), images)


# %% sample_beta
def sample_beta(n, alpha):
    """n draws from Beta(alpha, alpha): x / (x + y) for x, y ~ Gamma(alpha)."""
    seeds = rng.make_seeds(2)
    x = tf.random.stateless_gamma([n], seeds[:, 0], alpha=alpha, dtype=tf.float64)
    y = tf.random.stateless_gamma([n], seeds[:, 1], alpha=alpha, dtype=tf.float64)
    return ops.cast(ops.divide(x, ops.add(x, y)), "float32")


# %% partners
def partners(n):
    """A random order of 0..n-1: image i is mixed with image partners[i] of the same batch."""
    return ops.cast(ops.argsort(rng.uniform([n])), "int32")


# %% mixup
def mixup(images, labels, alpha):
    """MixUp per image: lam ~ Beta(alpha, alpha), a partner from the same batch, pixels and
    one-hot labels mixed with the same lam."""
    images = ops.convert_to_tensor(images)
    labels = ops.convert_to_tensor(labels)
    n = ops.shape(images)[0]
    lam = sample_beta(n, alpha)
    j = partners(n)
    lam_x = ops.reshape(lam, (-1, 1, 1, 1))
    lam_y = ops.reshape(lam, (-1, 1))
    out_x = ops.add(ops.multiply(lam_x, images),
                    ops.multiply(1.0 - lam_x, ops.take(images, j, axis=0)))
    out_y = ops.add(ops.multiply(lam_y, labels),
                    ops.multiply(1.0 - lam_y, ops.take(labels, j, axis=0)))
    return out_x, out_y


# %% cutmix
def cutmix(images, labels, alpha):
    """CutMix per image: a partner's box pasted in (its size from lam ~ Beta(alpha, alpha),
    centre anywhere, clipped), labels weighted by the share of pixels actually pasted."""
    images = ops.convert_to_tensor(images)
    labels = ops.convert_to_tensor(labels)
    n, height, width = ops.shape(images)[0], ops.shape(images)[1], ops.shape(images)[2]
    lam = sample_beta(n, alpha)
    j = partners(n)
    side = ops.sqrt(1.0 - lam)
    cut_h = ops.cast(ops.floor(ops.cast(height, "float32") * side), "int32")
    cut_w = ops.cast(ops.floor(ops.cast(width, "float32") * side), "int32")
    mask = box_mask(height, width, cut_h, cut_w)
    mixed = ops.where(ops.expand_dims(mask, -1), ops.take(images, j, axis=0), images)
    pasted = ops.mean(ops.cast(mask, "float32"), axis=(1, 2))
    pasted = ops.reshape(pasted, (-1, 1))
    return mixed, (1.0 - pasted) * labels + pasted * ops.take(labels, j, axis=0)


# %% make_datasets
def make_datasets(x_train, y_train, x_val, y_val, classes, mix, batch_size=64, seed=0):
    """(train, validation): train shuffled, batched, one-hot, mixed; validation batched and
    one-hot only; both prefetched."""
    def encode(x, y):
        return x, ops.one_hot(y, classes, dtype="float32")

    train = tf.data.Dataset.from_tensor_slices((x_train, y_train))
    train = train.shuffle(buffer_size=len(x_train), seed=seed)
    train = train.batch(batch_size).map(encode).map(mix)
    validation = tf.data.Dataset.from_tensor_slices((x_val, y_val)).batch(batch_size)
    validation = validation.map(encode)
    return train.prefetch(tf.data.AUTOTUNE), validation.prefetch(tf.data.AUTOTUNE)
