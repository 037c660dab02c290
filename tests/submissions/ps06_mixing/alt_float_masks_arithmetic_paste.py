"""Boxes as products of float row and column masks, Beta from stateless Gamma draws seeded by the
Generator, partners as an argsort of uniform draws, pasting by arithmetic instead of tf.where.

expect: full
"""
# %% cutout
def band(centre, half, length):
    """(n, length) float mask: 1 from centre - half up to centre + half (clipped)."""
    pos = tf.cast(tf.range(length), tf.int32)[None, :]
    return tf.cast((pos >= (centre - half)[:, None]) & (pos < (centre + half)[:, None]),
                   tf.float32)


def float_boxes(height, width, box_h, box_w):
    n = tf.shape(box_h)[0]
    cy = rng.uniform([n], 0, height, dtype=tf.int32)
    cx = rng.uniform([n], 0, width, dtype=tf.int32)
    return band(cy, box_h // 2, height)[:, :, None] * band(cx, box_w // 2, width)[:, None, :]


def cutout(images, size):
    x = tf.cast(images, tf.float32)
    n, h, w = tf.shape(x)[0], tf.shape(x)[1], tf.shape(x)[2]
    box = float_boxes(h, w, tf.fill([n], size), tf.fill([n], size))
    return x * (1.0 - box)[..., None]
# %% sample_beta
def sample_beta(n, alpha):
    seeds = rng.make_seeds(2)
    x = tf.random.stateless_gamma([n], seeds[:, 0], alpha=alpha, dtype=tf.float64)
    y = tf.random.stateless_gamma([n], seeds[:, 1], alpha=alpha, dtype=tf.float64)
    return tf.cast(x / (x + y), tf.float32)
# %% partners
def partners(n):
    return tf.argsort(rng.uniform([n]))
# %% mixup
def mixup(images, labels, alpha):
    x, y = tf.cast(images, tf.float32), tf.cast(labels, tf.float32)
    n = tf.shape(x)[0]
    lam, j = sample_beta(n, alpha), partners(n)
    lx = lam[:, None, None, None]
    return x + (1.0 - lx) * (tf.gather(x, j) - x), y + (1.0 - lam[:, None]) * (tf.gather(y, j) - y)
# %% cutmix
def cutmix(images, labels, alpha):
    x, y = tf.cast(images, tf.float32), tf.cast(labels, tf.float32)
    n, h, w = tf.shape(x)[0], tf.shape(x)[1], tf.shape(x)[2]
    cut = tf.sqrt(1.0 - sample_beta(n, alpha))
    box = float_boxes(h, w, tf.cast(cut * tf.cast(h, tf.float32), tf.int32),
                      tf.cast(cut * tf.cast(w, tf.float32), tf.int32))
    j = partners(n)
    out = x * (1.0 - box[..., None]) + tf.gather(x, j) * box[..., None]
    share = tf.reduce_sum(box, axis=[1, 2]) / tf.cast(h * w, tf.float32)
    return out, (1.0 - share[:, None]) * y + share[:, None] * tf.gather(y, j)
