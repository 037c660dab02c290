"""Repeats each label in place (np.repeat) while the copies come block by block.

expect: test_split
"""
# %% split_then_augment
def split_then_augment(x, y, augment, copies=3, val_fraction=0.2, seed=0):
    order = np.random.default_rng(seed).permutation(len(x))
    n_val = round(val_fraction * len(x))
    val, train = order[:n_val], order[n_val:]
    x_train = np.concatenate([x[train]] + [np.asarray(augment(x[train])) for _ in range(copies)])
    return x_train, np.repeat(y[train], copies + 1), x[val], y[val]
