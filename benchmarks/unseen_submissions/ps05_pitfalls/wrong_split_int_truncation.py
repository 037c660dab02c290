"""Split first and augment the training part only, but the validation size is int(val_fraction * len(x)) (truncation), not round(...): 9 images at 0.2 give 1 validation image instead of 2.

expect: test_split
"""
# %% split_then_augment
def split_then_augment(x, y, augment, copies=3, val_fraction=0.2, seed=0):
    """Split first, then make augmented copies of the training part only."""
    order = np.random.default_rng(seed).permutation(len(x))
    n_val = int(val_fraction * len(x))
    val, train = order[:n_val], order[n_val:]
    x_train, y_train = x[train], y[train]
    x_all = np.concatenate([x_train] + [np.asarray(augment(x_train)) for _ in range(copies)])
    y_all = np.concatenate([y_train] * (copies + 1))
    return x_all, y_all, x[val], y[val]
