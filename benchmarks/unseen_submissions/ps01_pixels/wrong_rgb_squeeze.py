"""Normalises every image with np.squeeze, which also drops a height or width of 1, so 1-pixel-tall/wide images break.

expect: test_to_rgb_batch
"""
# %% to_rgb_batch
def to_rgb_batch(images):
    """Stack same-sized uint8 images ((H, W), (H, W, 1) or (H, W, 3)) into (N, H, W, 3) uint8."""
    out = []
    for image in images:
        image = np.squeeze(np.asarray(image))  # (H, W, 1) -> (H, W)
        if image.ndim == 2:
            image = np.stack([image, image, image], axis=-1)
        out.append(image)
    return np.stack(out).astype(np.uint8)
