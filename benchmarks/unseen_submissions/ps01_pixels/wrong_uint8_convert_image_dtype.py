"""Uses tf.image.convert_image_dtype(saturate=True), which scales by 255.5 and truncates instead of rounding x * 255.

expect: test_to_uint8
"""
# %% to_uint8
def to_uint8(images):
    """Return float `images` (about 0..1, any shape) as uint8 0..255, clipped and rounded."""
    images = tf.convert_to_tensor(images, dtype=tf.float32)
    return tf.image.convert_image_dtype(images, tf.uint8, saturate=True)
