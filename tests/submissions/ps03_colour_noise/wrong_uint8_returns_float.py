"""Computes in float and clips correctly, but returns float32 instead of uint8.

expect: test_brighten_uint8
"""
# %% brighten_uint8
def brighten_uint8(images, delta):
    return np.clip(np.asarray(images, np.float32) + delta, 0, 255)
