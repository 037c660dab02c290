"""Split first, right sizes and labels, but calls augment once and repeats that one augmented batch `copies` times: the copies are identical, not `copies` augmented versions.

expect: test_split
"""
# %% split_then_augment
def split_then_augment(x, y, augment, copies=3, val_fraction=0.2, seed=0):
    """Split first, then make augmented copies of the training part only."""
    order = np.random.default_rng(seed).permutation(len(x))
    n_val = round(val_fraction * len(x))
    val, train = order[:n_val], order[n_val:]
    x_train, y_train = x[train], y[train]
    augmented = np.asarray(augment(x_train))
    x_all = np.concatenate([x_train] + [augmented] * copies)
    y_all = np.concatenate([y_train] * (copies + 1))
    return x_all, y_all, x[val], y[val]
