"""Uses tf.image.convert_image_dtype(saturate=True): it clips, but scales by 255.5 and truncates.

expect: test_to_uint8
"""
# %% to_uint8
def to_uint8(images):
    images = tf.cast(images, tf.float32)
    return tf.image.convert_image_dtype(images, tf.uint8, saturate=True)
