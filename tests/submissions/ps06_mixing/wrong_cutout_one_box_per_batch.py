"""Cutout with one square position for the whole batch.

expect: test_cutout
"""
# %% cutout
def cutout(images, size):
    images = tf.convert_to_tensor(images, tf.float32)
    shape = tf.shape(images)
    sizes = tf.fill([1], size)
    mask = box_mask(shape[1], shape[2], sizes, sizes)
    return tf.where(mask[..., None], tf.zeros_like(images), images)
