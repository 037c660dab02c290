"""RandomRotation(0.05, constant fill) with seed=0, built inside the function: each image gets its own angle, but every call replays the same angles (a fixed own seed, the augmentation is frozen across batches and epochs).

expect: test_rotation
"""
# %% random_small_rotation
def random_small_rotation(images):
    """Turn each image of the batch by its own random angle in [-18, 18] degrees; black fill."""
    rotate = keras.layers.RandomRotation(0.05, fill_mode="constant", fill_value=0.0, seed=0)
    return rotate(images, training=True)
