"""Split first and augment the training part only, but the random split uses NumPy's global np.random.permutation and ignores `seed`: the same seed gives another split on each call.

expect: test_split
"""
# %% split_then_augment
def split_then_augment(x, y, augment, copies=3, val_fraction=0.2, seed=0):
    """Split first, then make augmented copies of the training part only."""
    order = np.random.permutation(len(x))
    n_val = round(val_fraction * len(x))
    val, train = order[:n_val], order[n_val:]
    x_train, y_train = x[train], y[train]
    x_all = np.concatenate([x_train] + [np.asarray(augment(x_train)) for _ in range(copies)])
    y_all = np.concatenate([y_train] * (copies + 1))
    return x_all, y_all, x[val], y[val]
