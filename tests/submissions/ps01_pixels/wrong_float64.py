"""Divides a NumPy array by 255, which gives float64 instead of float32.

expect: test_to_float01
"""
# %% to_float01
def to_float01(images):
    return np.asarray(images) / 255
