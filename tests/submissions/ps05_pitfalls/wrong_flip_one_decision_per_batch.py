"""Swaps labels correctly, but decides once for the whole batch.

expect: test_flip_with_label
"""
# %% flip_with_label
flip_generator = tf.random.Generator.from_seed(5)


def flip_with_label(images, labels):
    mirror = flip_generator.uniform([]) < 0.5
    flipped = tf.cond(mirror, lambda: tf.reverse(images, axis=[2]), lambda: tf.identity(images))
    new_labels = tf.cond(mirror, lambda: 1 - labels, lambda: tf.identity(labels))
    return flipped, new_labels
