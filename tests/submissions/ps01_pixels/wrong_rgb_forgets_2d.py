"""Repeats the last axis of every non-RGB image, which breaks (H, W) images: (H, W) -> (H, 3W).

expect: test_to_rgb_batch
"""
# %% to_rgb_batch
def to_rgb_batch(images):
    rgb = []
    for image in images:
        image = np.asarray(image)
        if image.shape[-1] != 3:
            image = np.repeat(image, 3, axis=-1)
        rgb.append(image)
    return np.stack(rgb)
