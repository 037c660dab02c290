"""Flips per image, but draws from tf.random.uniform instead of rng: not reproducible by seed.

expect: test_random_flip_batch
"""
# %% random_flip_batch
def random_flip_batch(images, rng):
    images = tf.convert_to_tensor(images)
    flip = tf.random.uniform([tf.shape(images)[0], 1, 1, 1]) < 0.5
    return tf.where(flip, tf.image.flip_left_right(images), images)
