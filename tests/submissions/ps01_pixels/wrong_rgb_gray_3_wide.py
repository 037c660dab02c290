"""Takes any image whose last axis is 3 for RGB, so an (H, 3) grayscale image is not converted.

expect: test_to_rgb_batch
"""
# %% to_rgb_batch
def to_rgb_batch(images):
    rgb = []
    for image in images:
        image = np.asarray(image)
        if image.shape[-1] != 3:
            if image.ndim == 2:
                image = image[..., np.newaxis]
            image = np.concatenate([image, image, image], axis=-1)
        rgb.append(image)
    return np.stack(rgb)
