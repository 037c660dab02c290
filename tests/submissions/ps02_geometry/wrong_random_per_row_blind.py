"""The student draws the mask with shape images.shape[:2], i.e. one coin per row of each image, so
each row is mirrored on its own and most images come back neither unchanged nor mirrored. Breaks
[4a] "Each image comes back either unchanged or mirrored left to right as a whole (all its rows
and channels together, as in part 1)". The visible check looks only at a picture with a single
white pixel, so it cannot see the other rows.

expect: test_random_flip_batch
"""
# %% random_flip_batch
def random_flip_batch(images, rng):
    """Flip each image of `images` (N, H, W, C) left-right with probability 1/2, using `rng`."""
    images = tf.convert_to_tensor(images)
    coins = rng.uniform(tf.shape(images)[:2]) < 0.5  # (N, H)
    return tf.where(coins[:, :, None, None], tf.image.flip_left_right(images), images)
