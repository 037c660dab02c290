"""Draws one random number per call, so the whole batch is flipped or none of it is.

expect: test_random_flip_batch
"""
# %% random_flip_batch
def random_flip_batch(images, rng):
    if rng.uniform([]) < 0.5:
        return flip_left_right(images)
    return images
