"""add_noise clips the float32 path but on the uint8 path only rounds and casts: values pushed past 255 or below 0 wrap around (256 -> 0, -1 -> 255).

expect: test_add_noise
"""
# %% add_noise
def add_noise(images, stddev, rng):
    """Add N(0, stddev) noise (in [0, 1] units) from `rng`; keep dtype and range."""
    x = np.asarray(images)
    if x.dtype == np.uint8:
        noise = rng.normal(x.shape, stddev=stddev * 255).numpy()
        return np.round(x + noise).astype(np.uint8)
    noise = rng.normal(x.shape, stddev=stddev).numpy()
    return np.clip(x + noise, 0.0, 1.0)
