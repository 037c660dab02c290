"""NumPy clip without a cast back: a float32 image plus an np.float64 delta comes back float64.

expect: test_brighten
"""
# %% brighten
def brighten(images, delta):
    return np.clip(np.asarray(images) + delta, 0.0, 1.0)
