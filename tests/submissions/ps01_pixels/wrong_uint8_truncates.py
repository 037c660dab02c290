"""Clips and scales by 255 but converts without rounding, so 2.55 becomes 2 instead of 3.

expect: test_to_uint8
"""
# %% to_uint8
def to_uint8(images):
    images = np.clip(np.asarray(images, dtype=np.float32), 0.0, 1.0)
    return (images * 255.0).astype(np.uint8)
