"""Draws per image from tf.random.uniform with an op seed: depends on the global seed, not on rng.

expect: test_random_flip_batch
"""
# %% random_flip_batch
def random_flip_batch(images, rng):
    images = tf.convert_to_tensor(images)
    flip = tf.random.uniform([tf.shape(images)[0], 1, 1, 1], seed=7) < 0.5
    return tf.where(flip, tf.image.flip_left_right(images), images)
