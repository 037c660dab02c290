"""Uses tf.image.random_contrast on the batch: one factor for all images, drawn outside rng.

expect: test_random_contrast
"""
# %% random_contrast
def random_contrast(images, labels, lower, upper, rng):
    out = tf.image.random_contrast(tf.cast(images, tf.float32), lower, upper)
    return tf.clip_by_value(out, 0.0, 1.0), labels
