"""Adds NumPy noise: float32 + float64 gives float64 (and ignores rng and uint8).

expect: test_add_noise
"""
# %% add_noise
def add_noise(images, stddev, rng):
    images = np.asarray(images)
    return np.clip(images + np.random.normal(0.0, stddev, images.shape), 0.0, 1.0)
