"""Tells uint8 from float by the values (max > 1), so an all-black uint8 image is treated as float.

expect: test_add_noise
"""
# %% add_noise
def add_noise(images, stddev, rng):
    array = np.asarray(images)
    noise = rng.normal(array.shape, stddev=stddev).numpy()
    if array.max() > 1:
        noisy = np.rint(array.astype(np.float32) + noise * 255.0)
        return np.clip(noisy, 0, 255).astype(np.uint8)
    return np.clip(array.astype(np.float32) + noise, 0.0, 1.0).astype(np.float32)
