"""Scales and rounds but does not clip, so 1.2 wraps around to 50 and -0.1 to 230.

expect: test_to_uint8
"""
# %% to_uint8
def to_uint8(images):
    return tf.cast(tf.round(tf.cast(images, tf.float32) * 255.0), tf.uint8)
