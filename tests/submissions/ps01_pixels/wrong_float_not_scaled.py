"""Casts to float32 but forgets to divide by 255, so values stay 0..255.

expect: test_to_float01
"""
# %% to_float01
def to_float01(images):
    return tf.cast(images, tf.float32)
