"""MixUp with a uniform weight instead of a Beta(alpha, alpha) draw.

expect: test_mixup_beta
"""
# %% mixup
def mixup(images, labels, alpha):
    images = tf.convert_to_tensor(images, tf.float32)
    labels = tf.cast(labels, tf.float32)
    n = tf.shape(images)[0]
    weight = rng.uniform([n])
    other = partners(n)
    w_images, w_labels = tf.reshape(weight, [-1, 1, 1, 1]), tf.reshape(weight, [-1, 1])
    return (w_images * images + (1 - w_images) * tf.gather(images, other),
            w_labels * labels + (1 - w_labels) * tf.gather(labels, other))
