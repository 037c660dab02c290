"""Decides "already RGB" by shape[-1] == 3, so an (H, W) grayscale image that is 3 pixels wide is taken for an RGB image.

expect: test_to_rgb_batch
"""
# %% to_rgb_batch
def to_rgb_batch(images):
    """Stack same-sized uint8 images ((H, W), (H, W, 1) or (H, W, 3)) into (N, H, W, 3) uint8."""
    out = []
    for image in images:
        image = np.asarray(image)
        if image.shape[-1] != 3:
            if image.ndim == 2:
                image = image[..., np.newaxis]
            image = np.repeat(image, 3, axis=-1)
        out.append(image)
    return np.stack(out, axis=0)
