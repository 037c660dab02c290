"""Squeezes the draws to one flag per image, which turns a batch of one into a scalar and breaks.

expect: test_random_flip_batch
"""
# %% random_flip_batch
def random_flip_batch(images, rng):
    images = tf.convert_to_tensor(images)
    flags = tf.squeeze(rng.uniform([tf.shape(images)[0], 1]) < 0.5)
    return tf.where(flags[:, None, None, None], tf.image.flip_left_right(images), images)
