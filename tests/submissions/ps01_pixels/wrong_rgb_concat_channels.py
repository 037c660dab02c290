"""Converts each image correctly but joins them along the channel axis: (H, W, 3N), no batch axis.

expect: test_to_rgb_batch
"""
# %% to_rgb_batch
def to_rgb_batch(images):
    rgb = []
    for image in images:
        image = np.asarray(image)
        if image.ndim == 2:
            image = image[..., np.newaxis]
        rgb.append(np.repeat(image, 3 // image.shape[-1], axis=-1))
    return np.concatenate(rgb, axis=-1)
