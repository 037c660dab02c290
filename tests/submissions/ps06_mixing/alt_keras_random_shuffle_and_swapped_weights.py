"""Keras's random functions with one SeedGenerator, partners by keras.random.shuffle of the indices,
lam on the partner instead of on the image (the same distribution, as Beta(a, a) is symmetric),
boxes from a continuous centre with rounded edges, and Cutout squares placed from their corner.

expect: full
"""
# %% cutout
import keras

seeds = keras.random.SeedGenerator(7)


def square_masks(n, height, width, box_height, box_width):
    """Boolean (n, height, width): boxes around centres drawn anywhere, clipped by the border."""
    centre_y = keras.random.uniform((n,), 0.0, tf.cast(height, tf.float32), seed=seeds)
    centre_x = keras.random.uniform((n,), 0.0, tf.cast(width, tf.float32), seed=seeds)
    half_h, half_w = box_height / 2.0, box_width / 2.0
    top = tf.math.round(centre_y - half_h)
    bottom = tf.math.round(centre_y + half_h)
    left = tf.math.round(centre_x - half_w)
    right = tf.math.round(centre_x + half_w)
    rows = tf.cast(tf.range(height), tf.float32)[None, :, None]
    cols = tf.cast(tf.range(width), tf.float32)[None, None, :]
    return ((rows >= top[:, None, None]) & (rows < bottom[:, None, None])
            & (cols >= left[:, None, None]) & (cols < right[:, None, None]))


def cutout(images, size):
    images = tf.cast(images, tf.float32)
    n, height, width = tf.shape(images)[0], tf.shape(images)[1], tf.shape(images)[2]
    side = tf.fill([n], tf.cast(size, tf.float32))
    keep = ~square_masks(n, height, width, side, side)
    return images * tf.cast(keep, tf.float32)[..., None]
# %% mixup
def mixup(images, labels, alpha):
    images, labels = tf.cast(images, tf.float32), tf.cast(labels, tf.float32)
    n = tf.shape(images)[0]
    lam = keras.random.beta((n,), alpha, alpha, seed=seeds)
    other = keras.random.shuffle(tf.range(n), seed=seeds)
    lam_x, lam_y = lam[:, None, None, None], lam[:, None]
    return ((1 - lam_x) * images + lam_x * tf.gather(images, other),
            (1 - lam_y) * labels + lam_y * tf.gather(labels, other))
# %% cutmix
def cutmix(images, labels, alpha):
    images, labels = tf.cast(images, tf.float32), tf.cast(labels, tf.float32)
    n, height, width = tf.shape(images)[0], tf.shape(images)[1], tf.shape(images)[2]
    side = tf.sqrt(1.0 - keras.random.beta((n,), alpha, alpha, seed=seeds))
    inside = square_masks(n, height, width, side * tf.cast(height, tf.float32),
                          side * tf.cast(width, tf.float32))
    other = keras.random.shuffle(tf.range(n), seed=seeds)
    out = tf.where(inside[..., None], tf.gather(images, other), images)
    share = tf.reduce_mean(tf.cast(inside, tf.float32), axis=[1, 2])[:, None]
    return out, (1.0 - share) * labels + share * tf.gather(labels, other)
# %% make_datasets
def make_datasets(x_train, y_train, x_val, y_val, classes, mix, batch_size=64, seed=0):
    def encode(x, y):
        return x, tf.one_hot(y, classes, dtype=tf.float32)

    train = tf.data.Dataset.from_tensor_slices((x_train, y_train)).shuffle(
        len(x_train), seed=seed, reshuffle_each_iteration=True)
    train = train.batch(batch_size).map(lambda x, y: mix(*encode(x, y)))
    validation = tf.data.Dataset.from_tensor_slices((x_val, y_val)).batch(batch_size).map(encode)
    return train.prefetch(tf.data.AUTOTUNE), validation.prefetch(tf.data.AUTOTUNE)
