"""Draws one number from rng per call: the whole batch is flipped or none of it.

expect: test_random_flip_batch
"""
# %% random_flip_batch
def random_flip_batch(images, rng):
    """Flip each image of `images` (N, H, W, C) left-right with probability 1/2, using `rng`."""
    if rng.uniform([]) < 0.5:
        return tf.image.flip_left_right(images)
    return tf.convert_to_tensor(images)
