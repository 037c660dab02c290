"""Scales each input by its own minimum and maximum (min-max normalisation) instead of dividing by 255.

expect: test_to_float01
"""
# %% to_float01
def to_float01(images):
    """Return uint8 `images` (values 0..255, any shape) as float32 values in [0, 1]."""
    images = np.asarray(images).astype(np.float32)
    low = images.min()
    high = images.max()
    return (images - low) / (high - low)
