"""Keeps the seed text's idea, per image: rot90 with round(angle / 1.57), which is always 0.

expect: test_rotation
"""
# %% random_small_rotation
def random_small_rotation(images):
    def one(image):
        angle = tf.random.uniform([], minval=-0.1, maxval=0.1) * 3.14159
        return tf.image.rot90(image, tf.cast(tf.round(angle / 1.57), dtype=tf.int32))

    return tf.map_fn(one, tf.convert_to_tensor(images))
