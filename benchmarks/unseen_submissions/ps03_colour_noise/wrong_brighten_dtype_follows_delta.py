"""brighten adds and clips but never casts: the result is float32 only when delta is a Python float; a NumPy float64 delta (or any float64 number) gives float64.

expect: test_brighten
"""
# %% brighten
def brighten(images, delta):
    """Add `delta` to float32 `images` in [0, 1] and clip the result to [0, 1]."""
    return np.clip(np.asarray(images) + delta, 0.0, 1.0)
