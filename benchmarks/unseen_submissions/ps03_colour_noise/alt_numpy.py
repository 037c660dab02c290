"""All four functions in plain NumPy; the random numbers are drawn from rng and converted with .numpy().

expect: full
"""
# %% brighten
def brighten(images, delta):
    """Add `delta` to float32 `images` in [0, 1] and clip the result to [0, 1]."""
    shifted = np.asarray(images, dtype=np.float32) + np.float32(delta)
    return np.clip(shifted, 0.0, 1.0).astype(np.float32)


# %% brighten_uint8
def brighten_uint8(images, delta):
    """Add the integer `delta` to uint8 `images`, saturating at 0 and 255; return uint8."""
    wide = np.asarray(images).astype(np.int32) + int(delta)
    return np.clip(wide, 0, 255).astype(np.uint8)


# %% random_contrast
def random_contrast(images, labels, lower, upper, rng):
    """Scale each image's contrast by its own factor from U[lower, upper); keep the labels."""
    x = np.asarray(images, dtype=np.float32)
    factors = rng.uniform([x.shape[0]], minval=lower, maxval=upper).numpy()
    factors = factors.reshape(-1, 1, 1, 1).astype(np.float32)
    means = x.mean(axis=(1, 2), keepdims=True)
    out = (x - means) * factors + means
    return np.clip(out, 0.0, 1.0).astype(np.float32), labels


# %% add_noise
def add_noise(images, stddev, rng):
    """Add N(0, stddev) noise (in [0, 1] units) from `rng`; keep dtype and range."""
    x = np.asarray(images)
    noise = rng.normal(x.shape, stddev=stddev).numpy()
    if x.dtype == np.uint8:
        noisy = np.rint(x.astype(np.float32) + noise * 255.0)
        return np.clip(noisy, 0, 255).astype(np.uint8)
    return np.clip(x + noise, 0.0, 1.0).astype(np.float32)
