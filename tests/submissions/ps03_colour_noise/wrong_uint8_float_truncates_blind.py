"""Goes through [0, 1] floats (x / 255 + delta / 255, clip, * 255) and converts back with .astype,
which cuts off the fraction: about 10% of (value, delta) pairs come out one level low, e.g.
254 - 253 gives 0 instead of 1. Violates [2a] "add `delta` to every value".

expect: test_brighten_uint8
"""
# %% brighten_uint8
def brighten_uint8(images, delta):
    """Add the integer `delta` to uint8 `images`, saturating at 0 and 255; return uint8."""
    x = np.asarray(images) / 255.0  # to [0, 1]
    shifted = np.clip(x + delta / 255.0, 0.0, 1.0)
    return (shifted * 255).astype(np.uint8)
