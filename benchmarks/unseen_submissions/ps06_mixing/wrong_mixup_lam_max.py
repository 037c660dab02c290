"""MixUp that draws lam from Beta(alpha, alpha) per image but then takes lam = max(lam, 1 - lam) (a trick seen in some MixUp code) so each output's own image always dominates: lam no longer follows Beta(alpha, alpha).

expect: test_mixup_beta
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
    lam = tf.maximum(lam, 1.0 - lam)  # keep image i the main one
    j = tf.argsort(rng.uniform([n]))
    lam_x = tf.reshape(lam, [-1, 1, 1, 1])
    lam_y = tf.reshape(lam, [-1, 1])
    return (lam_x * images + (1 - lam_x) * tf.gather(images, j),
            lam_y * labels + (1 - lam_y) * tf.gather(labels, j))
