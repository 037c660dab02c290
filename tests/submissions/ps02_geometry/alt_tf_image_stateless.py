"""tf.image all the way: tf.image flips and rot90, and a stateless draw seeded from rng.make_seeds.

expect: full
"""
# %% flip_left_right
def flip_left_right(images):
    return tf.image.flip_left_right(images)

# %% flip_up_down
def flip_up_down(images):
    return tf.image.flip_up_down(images)

# %% rot90
def rot90(images, k=1):
    return tf.image.rot90(images, k)

# %% random_flip_batch
def random_flip_batch(images, rng):
    images = tf.convert_to_tensor(images)
    seed = rng.make_seeds(1)[:, 0]
    draws = tf.random.stateless_uniform([tf.shape(images)[0]], seed=seed)
    flips = tf.reshape(draws >= 0.5, [-1, 1, 1, 1])
    return tf.where(flips, tf.reverse(images, [2]), images)
