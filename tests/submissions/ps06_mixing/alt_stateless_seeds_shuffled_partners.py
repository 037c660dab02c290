"""Stateless ops with seeds from a Generator, Beta from two Gamma draws in float32, partners by
stateless_shuffle of the indices, boxes from separate row and column masks, Cutout squares of
exactly size pixels placed from their upper-left corner around the drawn centre.

expect: full
"""
# %% cutout
gen = tf.random.Generator.from_seed(11)


def edges(centre, length, limit):
    start = centre - length // 2
    return tf.clip_by_value(start, 0, limit), tf.clip_by_value(start + length, 0, limit)


def boxes_mask(height, width, box_h, box_w):
    n = tf.shape(box_h)[0]
    cy = tf.random.stateless_uniform([n], gen.make_seeds(1)[:, 0], 0, height, dtype=tf.int32)
    cx = tf.random.stateless_uniform([n], gen.make_seeds(1)[:, 0], 0, width, dtype=tf.int32)
    top, bottom = edges(cy, box_h, height)
    left, right = edges(cx, box_w, width)
    r = tf.range(height)[None, :]
    c = tf.range(width)[None, :]
    row_in = (r >= top[:, None]) & (r < bottom[:, None])
    col_in = (c >= left[:, None]) & (c < right[:, None])
    return row_in[:, :, None] & col_in[:, None, :]


def cutout(images, size):
    images = tf.cast(images, tf.float32)
    n = tf.shape(images)[0]
    mask = boxes_mask(tf.shape(images)[1], tf.shape(images)[2], tf.fill([n], size),
                      tf.fill([n], size))
    return tf.where(mask[..., None], 0.0, images)
# %% mixup
def mixup(images, labels, alpha):
    images, labels = tf.cast(images, tf.float32), tf.cast(labels, tf.float32)
    n = tf.shape(images)[0]
    g1 = tf.random.stateless_gamma([n], gen.make_seeds(1)[:, 0], alpha=alpha)
    g2 = tf.random.stateless_gamma([n], gen.make_seeds(1)[:, 0], alpha=alpha)
    lam = g1 / (g1 + g2)
    order = tf.random.experimental.stateless_shuffle(tf.range(n), gen.make_seeds(1)[:, 0])
    mixed_images = tf.gather(images, order)
    mixed_labels = tf.gather(labels, order)
    return (lam[:, None, None, None] * images + (1 - lam[:, None, None, None]) * mixed_images,
            lam[:, None] * labels + (1 - lam[:, None]) * mixed_labels)
# %% cutmix
def cutmix(images, labels, alpha):
    images, labels = tf.cast(images, tf.float32), tf.cast(labels, tf.float32)
    shape = tf.shape(images)
    g1 = tf.random.stateless_gamma([shape[0]], gen.make_seeds(1)[:, 0], alpha=alpha)
    g2 = tf.random.stateless_gamma([shape[0]], gen.make_seeds(1)[:, 0], alpha=alpha)
    cut = tf.sqrt(1.0 - g1 / (g1 + g2))
    box_h = tf.cast(cut * tf.cast(shape[1], tf.float32), tf.int32)
    box_w = tf.cast(cut * tf.cast(shape[2], tf.float32), tf.int32)
    mask = boxes_mask(shape[1], shape[2], box_h, box_w)
    order = tf.random.experimental.stateless_shuffle(tf.range(shape[0]), gen.make_seeds(1)[:, 0])
    area = tf.reduce_mean(tf.cast(mask, tf.float32), axis=[1, 2])[:, None]
    return (tf.where(mask[..., None], tf.gather(images, order), images),
            (1 - area) * labels + area * tf.gather(labels, order))
