"""Reads "up to 18 degrees" as a factor (0, 0.05): every image turns the same way.

expect: test_rotation
"""
# %% random_small_rotation
def random_small_rotation(images):
    return keras.layers.RandomRotation((0.0, 0.05), fill_mode="constant")(images, training=True)
