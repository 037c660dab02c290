"""MixUp whose partners are the batch rolled by one (each image mixed with the next), a fixed
shift instead of a random permutation.

expect: test_mixup
"""
# %% mixup
def mixup(images, labels, alpha):
    images = tf.convert_to_tensor(images, tf.float32)
    labels = tf.cast(labels, tf.float32)
    n = tf.shape(images)[0]
    weight = sample_beta(n, alpha)
    other = tf.roll(tf.range(n), shift=1, axis=0)
    w_images, w_labels = tf.reshape(weight, [-1, 1, 1, 1]), tf.reshape(weight, [-1, 1])
    return (w_images * images + (1 - w_images) * tf.gather(images, other),
            w_labels * labels + (1 - w_labels) * tf.gather(labels, other))
