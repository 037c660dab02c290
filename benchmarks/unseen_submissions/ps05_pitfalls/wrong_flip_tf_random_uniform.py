"""One coin per image and the labels of mirrored images swapped, but the coins come from tf.random.uniform (no Generator made once): with the global seed, every pass over the mapped dataset mirrors the same arrows.

expect: test_flip_with_label
"""
# %% flip_with_label
FLIP_PROBABILITY = 0.5


def flip_with_label(images, labels):
    """Mirror each image with probability 1/2 and swap the label (0 <-> 1) of the mirrored ones."""
    mirror = tf.random.uniform([tf.shape(images)[0]]) < FLIP_PROBABILITY
    images = tf.where(mirror[:, None, None, None], tf.image.flip_left_right(images), images)
    labels = tf.where(mirror, 1 - labels, labels)
    return images, labels
