"""TensorFlow ops: tf.reverse on negative axes, transpose-and-reverse turns, a boolean mask.

expect: full
"""
# %% flip_left_right
def flip_left_right(images):
    return tf.reverse(images, axis=[-2])

# %% flip_up_down
def flip_up_down(images):
    return tf.reverse(images, axis=[-3])

# %% rot90
def rot90(images, k=1):
    images = tf.convert_to_tensor(images)
    rank = images.shape.rank
    perm = list(range(rank))
    perm[-3], perm[-2] = perm[-2], perm[-3]
    for _ in range(k % 4):
        images = tf.reverse(tf.transpose(images, perm), axis=[-3])
    return images

# %% random_flip_batch
def random_flip_batch(images, rng):
    images = tf.convert_to_tensor(images)
    mask = rng.uniform([images.shape[0]]) < 0.5
    return tf.where(mask[:, None, None, None], flip_left_right(images), images)
