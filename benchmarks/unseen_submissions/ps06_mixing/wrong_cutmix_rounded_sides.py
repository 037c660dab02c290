"""CutMix per image as the recipe says, except the cut sides are tf.round(height * sqrt(1 - lam)) and tf.round(width * sqrt(1 - lam)) (rounded to nearest) instead of int(...) (truncated).

expect: test_cutmix_boxes
"""
# %% cutmix
def cutmix(images, labels, alpha):
    """CutMix per image: a partner's box pasted in (its size from lam ~ Beta(alpha, alpha),
    centre anywhere, clipped), labels weighted by the share of pixels actually pasted."""
    images = tf.convert_to_tensor(images)
    labels = tf.convert_to_tensor(labels)
    n, height, width = tf.shape(images)[0], tf.shape(images)[1], tf.shape(images)[2]
    seeds = rng.make_seeds(2)
    g1 = tf.random.stateless_gamma([n], seeds[:, 0], alpha=alpha)
    g2 = tf.random.stateless_gamma([n], seeds[:, 1], alpha=alpha)
    lam = g1 / (g1 + g2)
    j = tf.argsort(rng.uniform([n]))
    side = tf.sqrt(1.0 - lam)
    cut_h = tf.cast(tf.round(tf.cast(height, tf.float32) * side), tf.int32)
    cut_w = tf.cast(tf.round(tf.cast(width, tf.float32) * side), tf.int32)
    cy = rng.uniform([n], 0, height, dtype=tf.int32)
    cx = rng.uniform([n], 0, width, dtype=tf.int32)
    top = tf.clip_by_value(cy - cut_h // 2, 0, height)
    bottom = tf.clip_by_value(cy + cut_h // 2, 0, height)
    left = tf.clip_by_value(cx - cut_w // 2, 0, width)
    right = tf.clip_by_value(cx + cut_w // 2, 0, width)
    rows = tf.range(height)[None, :, None]
    cols = tf.range(width)[None, None, :]
    box = ((rows >= top[:, None, None]) & (rows < bottom[:, None, None])
           & (cols >= left[:, None, None]) & (cols < right[:, None, None]))
    mixed = tf.where(box[..., None], tf.gather(images, j), images)
    pasted = tf.reduce_mean(tf.cast(box, tf.float32), axis=[1, 2])[:, None]
    return mixed, (1 - pasted) * labels + pasted * tf.gather(labels, j)
