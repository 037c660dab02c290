"""MixUp that ignores its alpha argument and always draws from Beta(0.2, 0.2).

expect: test_mixup_beta
"""
# %% mixup
def sample_beta(n, alpha):
    """n draws from Beta(alpha, alpha): x / (x + y) for x, y ~ Gamma(alpha)."""
    seeds = rng.make_seeds(2)
    x = tf.random.stateless_gamma([n], seeds[:, 0], alpha=alpha, dtype=tf.float64)
    y = tf.random.stateless_gamma([n], seeds[:, 1], alpha=alpha, dtype=tf.float64)
    return tf.cast(x / (x + y), tf.float32)


def partners(n):
    """A random order of 0..n-1: image i is mixed with image partners[i] of the same batch."""
    return tf.argsort(rng.uniform([n]))


def mixup(images, labels, alpha):
    images = tf.convert_to_tensor(images, tf.float32)
    labels = tf.cast(labels, tf.float32)
    n = tf.shape(images)[0]
    weight = sample_beta(n, 0.2)
    other = partners(n)
    w_images, w_labels = tf.reshape(weight, [-1, 1, 1, 1]), tf.reshape(weight, [-1, 1])
    return (w_images * images + (1 - w_images) * tf.gather(images, other),
            w_labels * labels + (1 - w_labels) * tf.gather(labels, other))
