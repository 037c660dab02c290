"""Converts with NumPy's .astype, which works for a NumPy array but raises for a tf.Tensor input.

expect: test_to_float01
"""
# %% to_float01
def to_float01(images):
    """Return uint8 `images` (values 0..255, any shape) as float32 values in [0, 1]."""
    return images.astype(np.float32) / 255.0
