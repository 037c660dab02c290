"""NumPy with index arrays (np.take), rot90 image by image, and a Python loop that draws one rng.uniform per image.

expect: full
"""
# %% flip_left_right
def flip_left_right(images):
    """Mirror `images` (H, W, C) or (N, H, W, C) left to right."""
    images = np.asarray(images)
    width = images.shape[-2]
    return np.take(images, np.arange(width - 1, -1, -1), axis=images.ndim - 2)


# %% flip_up_down
def flip_up_down(images):
    """Mirror `images` (H, W, C) or (N, H, W, C) top to bottom."""
    images = np.asarray(images)
    height = images.shape[-3]
    return np.take(images, np.arange(height - 1, -1, -1), axis=images.ndim - 3)


# %% rot90
def rot90(images, k=1):
    """Turn `images` (H, W, C) or (N, H, W, C) by k quarter turns counter-clockwise."""
    images = np.asarray(images)
    if images.ndim == 3:
        return np.rot90(images, k)  # axes (0, 1) are height and width of one image
    turned = [np.rot90(image, k) for image in images]
    if not turned:  # an empty batch
        shape = images.shape if k % 2 == 0 else (0, images.shape[2], images.shape[1], images.shape[3])
        return np.empty(shape, dtype=images.dtype)
    return np.stack(turned)


# %% random_flip_batch
def random_flip_batch(images, rng):
    """Flip each image of `images` (N, H, W, C) left-right with probability 1/2, using `rng`."""
    images = np.asarray(images)
    out = images.copy()
    for i in range(len(images)):
        if float(rng.uniform([])) < 0.5:  # its own coin for every image
            out[i] = images[i][:, ::-1]
    return out
