"""Draws per image, but from its own np.random.default_rng(0) instead of `rng`: the flips never depend on the seed.

expect: test_random_flip_batch
"""
# %% random_flip_batch
def random_flip_batch(images, rng):
    """Flip each image of `images` (N, H, W, C) left-right with probability 1/2, using `rng`."""
    images = np.asarray(images)
    coins = np.random.default_rng(0).random(len(images))
    flipped = images[..., ::-1, :]
    return np.where((coins < 0.5)[:, None, None, None], flipped, images)
