"""Uses the NumPy method images.astype, which a tensor does not have: breaks on tensor input.

expect: test_brighten_uint8
"""
# %% brighten_uint8
def brighten_uint8(images, delta):
    return np.clip(images.astype(np.int16) + delta, 0, 255).astype(np.uint8)
