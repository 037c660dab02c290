"""MixUp with a random permutation from rng, but the Gamma draws for lam use fixed seeds (1, 2) and (3, 4) instead of seeds made by rng: the 64 weights are the same on every call, so over many batches they do not follow Beta(alpha, alpha).

expect: test_mixup_beta
"""
# %% mixup
def mixup(images, labels, alpha):
    """MixUp per image: lam ~ Beta(alpha, alpha), a partner from the same batch, pixels and
    one-hot labels mixed with the same lam."""
    n = tf.shape(images)[0]
    x = tf.random.stateless_gamma([n], seed=(1, 2), alpha=alpha)
    y = tf.random.stateless_gamma([n], seed=(3, 4), alpha=alpha)
    lam = x / (x + y)
    j = tf.argsort(rng.uniform([n]))
    lam_x = tf.reshape(lam, [-1, 1, 1, 1])
    lam_y = tf.reshape(lam, [-1, 1])
    return (lam_x * images + (1 - lam_x) * tf.gather(images, j),
            lam_y * labels + (1 - lam_y) * tf.gather(labels, j))
