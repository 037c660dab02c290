"""MixUp with lam per image from Beta(alpha, alpha), but each partner drawn as a random index 0..n-1 independently (with replacement), not a random permutation: some images are used as partner several times, others never.

expect: test_mixup
"""
# %% mixup
def mixup(images, labels, alpha):
    """MixUp per image: lam ~ Beta(alpha, alpha), a partner from the same batch, pixels and
    one-hot labels mixed with the same lam."""
    n = tf.shape(images)[0]
    seeds = rng.make_seeds(2)
    x = tf.random.stateless_gamma([n], seeds[:, 0], alpha=alpha)
    y = tf.random.stateless_gamma([n], seeds[:, 1], alpha=alpha)
    lam = x / (x + y)
    j = rng.uniform([n], minval=0, maxval=n, dtype=tf.int32)  # a random partner per image
    lam_x = tf.reshape(lam, [-1, 1, 1, 1])
    lam_y = tf.reshape(lam, [-1, 1])
    return (lam_x * images + (1 - lam_x) * tf.gather(images, j),
            lam_y * labels + (1 - lam_y) * tf.gather(labels, j))
