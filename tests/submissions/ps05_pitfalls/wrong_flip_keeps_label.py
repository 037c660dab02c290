"""Flips per image but never swaps the label: mirrored left arrows are still called "left".

expect: test_flip_with_label
"""
# %% flip_with_label
flip_generator = tf.random.Generator.from_seed(5)


def flip_with_label(images, labels):
    mirror = flip_generator.uniform([tf.shape(images)[0]]) < 0.5
    return tf.where(mirror[:, None, None, None], tf.reverse(images, axis=[2]), images), labels
