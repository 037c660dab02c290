"""Correct solution written with Keras 3's backend-neutral API: one keras.random.SeedGenerator (a
variable that advances on every call, also inside a plain Dataset.map and on every new pass over
a dataset) feeds keras.random.randint for the centres, keras.random.beta (float64, then float32)
for lambda and keras.random.shuffle of ops.arange(n) for the partners; masks, the paste and the
label mix use keras.ops (ops.where, ops.take, ops.mean). Shapes come from ops.shape, so batches
of one, non-square images and unknown batch dimensions work; inputs are cast to float32.

expect: full
"""
# %% box_mask
import keras
from keras import ops

seeds = keras.random.SeedGenerator(6)  # one Keras random stream for all the functions below


def box_mask(height, width, box_height, box_width):
    """A boolean (n, height, width) mask: per image a box of about box_height[i] x box_width[i]
    (vectors of n sizes) centred on a pixel drawn uniformly over the whole image, clipped at the
    border."""
    box_height = ops.cast(box_height, "int32")
    box_width = ops.cast(box_width, "int32")
    n = ops.shape(box_height)[0]
    centre_y = keras.random.randint((n,), 0, height, dtype="int32", seed=seeds)
    centre_x = keras.random.randint((n,), 0, width, dtype="int32", seed=seeds)
    top = ops.clip(centre_y - box_height // 2, 0, height)
    bottom = ops.clip(centre_y + box_height // 2, 0, height)
    left = ops.clip(centre_x - box_width // 2, 0, width)
    right = ops.clip(centre_x + box_width // 2, 0, width)
    rows = ops.reshape(ops.arange(height, dtype="int32"), (1, -1, 1))
    cols = ops.reshape(ops.arange(width, dtype="int32"), (1, 1, -1))
    in_rows = ops.logical_and(rows >= top[:, None, None], rows < bottom[:, None, None])
    in_cols = ops.logical_and(cols >= left[:, None, None], cols < right[:, None, None])
    return ops.logical_and(in_rows, in_cols)
# %% cutout
def cutout(images, size):
    """Each image with one size x size square set to 0: centre drawn over the whole image,
    square clipped at the border, every channel erased."""
    images = ops.cast(images, "float32")
    n, height, width = ops.shape(images)[0], ops.shape(images)[1], ops.shape(images)[2]
    sizes = ops.full((n,), size, dtype="int32")
    square = ops.expand_dims(box_mask(height, width, sizes, sizes), -1)
    return ops.where(square, ops.zeros_like(images), images)
# %% sample_beta
def sample_beta(n, alpha):
    """n draws from Beta(alpha, alpha): x / (x + y) for x, y ~ Gamma(alpha)."""
    # keras.random.beta is built the same way: two Gamma draws, x / (x + y)
    return ops.cast(keras.random.beta((n,), alpha, alpha, dtype="float64", seed=seeds), "float32")
# %% partners
def partners(n):
    """A random order of 0..n-1: image i is mixed with image partners[i] of the same batch."""
    return keras.random.shuffle(ops.arange(n, dtype="int32"), seed=seeds)
# %% mixup
def mixup(images, labels, alpha):
    """MixUp per image: lam ~ Beta(alpha, alpha), a partner from the same batch, pixels and
    one-hot labels mixed with the same lam."""
    images = ops.cast(images, "float32")
    labels = ops.cast(labels, "float32")
    n = ops.shape(images)[0]
    lam = sample_beta(n, alpha)
    order = partners(n)
    lam_images = ops.reshape(lam, (-1, 1, 1, 1))
    lam_labels = ops.reshape(lam, (-1, 1))
    return (lam_images * images + (1.0 - lam_images) * ops.take(images, order, axis=0),
            lam_labels * labels + (1.0 - lam_labels) * ops.take(labels, order, axis=0))
# %% cutmix
def cutmix(images, labels, alpha):
    """CutMix per image: a partner's box pasted in (its size from lam ~ Beta(alpha, alpha),
    centre anywhere, clipped), labels weighted by the share of pixels actually pasted."""
    images = ops.cast(images, "float32")
    labels = ops.cast(labels, "float32")
    n, height, width = ops.shape(images)[0], ops.shape(images)[1], ops.shape(images)[2]
    lam = sample_beta(n, alpha)
    order = partners(n)
    cut = ops.sqrt(1.0 - lam)
    box_height = ops.cast(ops.cast(height, "float32") * cut, "int32")  # int() rounds down
    box_width = ops.cast(ops.cast(width, "float32") * cut, "int32")
    box = box_mask(height, width, box_height, box_width)
    pasted_images = ops.where(ops.expand_dims(box, -1), ops.take(images, order, axis=0), images)
    share = ops.reshape(ops.mean(ops.cast(box, "float32"), axis=(1, 2)), (-1, 1))
    pasted_labels = (1.0 - share) * labels + share * ops.take(labels, order, axis=0)
    return pasted_images, pasted_labels
# %% make_datasets
def make_datasets(x_train, y_train, x_val, y_val, classes, mix, batch_size=64, seed=0):
    """(train, validation): train shuffled, batched, one-hot, mixed; validation batched and
    one-hot only; both prefetched."""
    def encode(batch_images, batch_labels):
        return batch_images, tf.one_hot(tf.cast(batch_labels, tf.int32), classes)

    train = tf.data.Dataset.from_tensor_slices((x_train, y_train))
    train = train.shuffle(buffer_size=len(x_train), seed=seed)  # reshuffles every epoch
    train = train.batch(batch_size).map(encode).map(mix)
    validation = tf.data.Dataset.from_tensor_slices((x_val, y_val)).batch(batch_size).map(encode)
    return train.prefetch(tf.data.AUTOTUNE), validation.prefetch(tf.data.AUTOTUNE)
