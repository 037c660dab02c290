"""Adds a batch axis to single images and strips it with `len(out) == 1`: a batch of ONE comes back as a single image.

expect: test_flip_up_down
"""
# %% flip_up_down
def flip_up_down(images):
    """Mirror `images` (H, W, C) or (N, H, W, C) top to bottom."""
    images = np.asarray(images)
    batch = images[np.newaxis] if images.ndim == 3 else images
    out = batch[:, ::-1]  # on a batch, axis 1 is the height
    return out[0] if len(out) == 1 else out
