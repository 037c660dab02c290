"""MixUp with lam on the pixels of image i but 1 - lam on its label.

expect: test_mixup
"""
# %% mixup
def mixup(images, labels, alpha):
    images = tf.convert_to_tensor(images, tf.float32)
    labels = tf.cast(labels, tf.float32)
    n = tf.shape(images)[0]
    weight = sample_beta(n, alpha)
    other = partners(n)
    w_images, w_labels = tf.reshape(weight, [-1, 1, 1, 1]), tf.reshape(weight, [-1, 1])
    return (w_images * images + (1 - w_images) * tf.gather(images, other),
            (1 - w_labels) * labels + w_labels * tf.gather(labels, other))
