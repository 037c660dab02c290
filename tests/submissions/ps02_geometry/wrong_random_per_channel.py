"""One draw per image AND per channel: a colour image can come back half mirrored.

expect: test_random_flip_batch
"""
# %% random_flip_batch
def random_flip_batch(images, rng):
    images = tf.convert_to_tensor(images)
    flip = rng.uniform([tf.shape(images)[0], 1, 1, tf.shape(images)[3]]) < 0.5
    return tf.where(flip, tf.image.flip_left_right(images), images)
