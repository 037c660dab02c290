"""Rounds x * 255 and clips only the top (np.minimum(..., 255)), so negative values wrap around when cast to uint8.

expect: test_to_uint8
"""
# %% to_uint8
def to_uint8(images):
    """Return float `images` (about 0..1, any shape) as uint8 0..255, clipped and rounded."""
    scaled = np.round(np.asarray(images, dtype=np.float32) * 255)
    scaled = np.minimum(scaled, 255)
    return scaled.astype(np.uint8)
