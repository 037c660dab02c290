"""Per image, label swapped, fresh each pass, but mirrors with probability 0.4, not 1/2.

expect: test_flip_with_label
"""
# %% flip_with_label
flip_generator = tf.random.Generator.from_seed(5)


def flip_with_label(images, labels):
    mirror = flip_generator.uniform([tf.shape(images)[0]]) < 0.4
    flipped = tf.where(mirror[:, None, None, None], tf.reverse(images, axis=[2]), images)
    return flipped, tf.where(mirror, 1 - labels, labels)
