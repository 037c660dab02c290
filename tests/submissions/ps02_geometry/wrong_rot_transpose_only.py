"""Swaps height and width and stops there: a transpose (mirror across the diagonal), not a turn.

expect: test_rot90
"""
# %% rot90
def rot90(images, k=1):
    images = np.asarray(images)
    for _ in range(k % 4):
        images = np.swapaxes(images, -3, -2)
    return images
