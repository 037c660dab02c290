"""Calls the rotation layer with training=False, as for inference: it returns its input.

expect: test_rotation
"""
# %% random_small_rotation
def random_small_rotation(images):
    return keras.layers.RandomRotation(0.05, fill_mode="constant")(images, training=False)
