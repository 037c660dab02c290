"""Uses the NumPy method .astype, which a tf.Tensor does not have: tensor input fails.

expect: test_to_float01
"""
# %% to_float01
def to_float01(images):
    return images.astype(np.float32) / np.float32(255.0)
