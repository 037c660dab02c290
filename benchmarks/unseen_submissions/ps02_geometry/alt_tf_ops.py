"""All four functions in TensorFlow ops (tf.reverse, tf.transpose with a rank-built perm, rng.binomial + tf.where); returns tf tensors.

expect: full
"""
# %% flip_left_right
def flip_left_right(images):
    """Mirror `images` (H, W, C) or (N, H, W, C) left to right."""
    return tf.reverse(images, axis=[-2])


# %% flip_up_down
def flip_up_down(images):
    """Mirror `images` (H, W, C) or (N, H, W, C) top to bottom."""
    return tf.reverse(images, axis=[-3])


# %% rot90
def rot90(images, k=1):
    """Turn `images` (H, W, C) or (N, H, W, C) by k quarter turns counter-clockwise."""
    images = tf.convert_to_tensor(images)
    rank = len(images.shape)
    perm = list(range(rank))
    perm[-3], perm[-2] = perm[-2], perm[-3]  # swap height and width
    k = int(k) % 4
    if k == 0:
        return images
    if k == 2:
        return tf.reverse(images, axis=[-3, -2])
    transposed = tf.transpose(images, perm)
    if k == 1:
        return tf.reverse(transposed, axis=[-3])  # transpose, then upside down
    return tf.reverse(transposed, axis=[-2])  # k == 3: transpose, then mirror


# %% random_flip_batch
def random_flip_batch(images, rng):
    """Flip each image of `images` (N, H, W, C) left-right with probability 1/2, using `rng`."""
    images = tf.convert_to_tensor(images)
    n = tf.shape(images)[0]
    coins = rng.binomial(shape=[n], counts=1.0, probs=0.5)  # one 0/1 draw per image
    flip = tf.reshape(coins > 0, [-1, 1, 1, 1])
    return tf.where(flip, tf.image.flip_left_right(images), images)
