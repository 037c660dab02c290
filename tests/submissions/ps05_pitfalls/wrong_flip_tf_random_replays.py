"""Per image and label swap right, but with tf.random.uniform, which under the global seed
mirrors the same arrows in every pass over the dataset.

expect: test_flip_with_label
"""
# %% flip_with_label
def flip_with_label(images, labels):
    mirror = tf.random.uniform([tf.shape(images)[0]]) < 0.5
    flipped = tf.where(mirror[:, None, None, None], tf.reverse(images, axis=[2]), images)
    return flipped, tf.where(mirror, 1 - labels, labels)
