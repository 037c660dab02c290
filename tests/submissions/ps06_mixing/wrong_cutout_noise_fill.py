"""Cutout that fills the square with noise and so changes pixels it should not (the test reads 0 as
erased).

expect: test_cutout
"""
# %% cutout
def cutout(images, size):
    images = tf.convert_to_tensor(images, tf.float32)
    shape = tf.shape(images)
    sizes = tf.fill([shape[0]], size)
    mask = box_mask(shape[1], shape[2], sizes, sizes)
    return tf.where(mask[..., None], rng.uniform(tf.shape(images)), images)
