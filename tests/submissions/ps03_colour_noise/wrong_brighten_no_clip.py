"""Adds delta with tf.image.adjust_brightness but never clips: 0.95 + 0.1 leaves [0, 1].

expect: test_brighten
"""
# %% brighten
def brighten(images, delta):
    return tf.image.adjust_brightness(tf.cast(images, tf.float32), delta)
