"""MixUp with lam per image from Beta(alpha, alpha), partners taken from the batch in reverse order (as timm's x.flip(0)) instead of a random permutation: image i is always mixed with image n-1-i.

expect: test_mixup
"""
# %% mixup
def mixup(images, labels, alpha):
    """MixUp per image: lam ~ Beta(alpha, alpha), a partner from the same batch, pixels and
    one-hot labels mixed with the same lam."""
    images = tf.convert_to_tensor(images)
    labels = tf.convert_to_tensor(labels)
    n = tf.shape(images)[0]
    seeds = rng.make_seeds(2)
    x = tf.random.stateless_gamma([n], seeds[:, 0], alpha=alpha)
    y = tf.random.stateless_gamma([n], seeds[:, 1], alpha=alpha)
    lam = x / (x + y)
    other_images = tf.reverse(images, axis=[0])   # the batch shuffled against itself
    other_labels = tf.reverse(labels, axis=[0])
    lam_x = lam[:, None, None, None]
    lam_y = lam[:, None]
    return (lam_x * images + (1 - lam_x) * other_images,
            lam_y * labels + (1 - lam_y) * other_labels)
