"""Keeps the Keras default fill ('reflect'), which repeats the image into the corners.

expect: test_rotation
"""
# %% random_small_rotation
def random_small_rotation(images):
    return keras.layers.RandomRotation(0.05)(images, training=True)
