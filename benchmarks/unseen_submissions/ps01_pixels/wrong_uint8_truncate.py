"""Clips to [0, 1] and scales by 255, but truncates (plain cast) instead of rounding.

expect: test_to_uint8
"""
# %% to_uint8
def to_uint8(images):
    """Return float `images` (about 0..1, any shape) as uint8 0..255, clipped and rounded."""
    images = np.clip(np.asarray(images, dtype=np.float32), 0.0, 1.0)
    return (images * 255).astype(np.uint8)
