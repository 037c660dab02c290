"""Reads RandomRotation's factor as degrees: 18 means up to 18 full turns, so any angle.

expect: test_rotation
"""
# %% random_small_rotation
def random_small_rotation(images):
    return keras.layers.RandomRotation(18, fill_mode="constant")(images, training=True)
