"""Flips top-bottom by multiplying with an anti-identity matrix; the result is float64, not the input dtype.

expect: test_flip_up_down
"""
# %% flip_up_down
def flip_up_down(images):
    """Mirror `images` (H, W, C) or (N, H, W, C) top to bottom."""
    images = np.asarray(images)
    h = images.shape[-3]
    reverse_rows = np.eye(h)[::-1]  # permutation matrix that reverses the rows
    return np.einsum("ij,...jwc->...iwc", reverse_rows, images)
