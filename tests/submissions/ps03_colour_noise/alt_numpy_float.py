"""NumPy with explicit float32 casts, a per-image loop for contrast, noise drawn from rng.

expect: full
"""
# %% brighten
def brighten(images, delta):
    return np.clip(np.asarray(images, np.float32) + np.float32(delta), 0, 1).astype(np.float32)

# %% brighten_uint8
def brighten_uint8(images, delta):
    return np.clip(np.asarray(images, np.float32) + delta, 0, 255).astype(np.uint8)

# %% random_contrast
def random_contrast(images, labels, lower, upper, rng):
    images = np.asarray(images, np.float32)
    out = np.empty_like(images)
    for i, image in enumerate(images):
        factor = float(rng.uniform([], lower, upper))
        mean = image.mean(axis=(0, 1), keepdims=True)
        out[i] = np.clip((image - mean) * factor + mean, 0, 1)
    return out, labels

# %% add_noise
def add_noise(images, stddev, rng):
    images = np.asarray(images)
    noise = rng.normal(images.shape, stddev=stddev).numpy()
    if images.dtype == np.uint8:
        return np.clip(np.rint(images + noise * 255), 0, 255).astype(np.uint8)
    return np.clip(images + noise, 0, 1).astype(np.float32)
