"""Turns clockwise instead of counter-clockwise.

expect: test_rot90
"""
# %% rot90
def rot90(images, k=1):
    return np.rot90(images, -k, axes=(-3, -2))
