"""Counts the validation images with int() instead of round(): 0.3 * 39 = 11.7 gives 11.

expect: test_split
"""
# %% split_then_augment
def split_then_augment(x, y, augment, copies=3, val_fraction=0.2, seed=0):
    order = np.random.default_rng(seed).permutation(len(x))
    n_val = int(val_fraction * len(x))
    val, train = order[:n_val], order[n_val:]
    x_train = np.concatenate([x[train]] + [np.asarray(augment(x[train])) for _ in range(copies)])
    y_train = np.concatenate([y[train]] * (copies + 1))
    return x_train, y_train, x[val], y[val]
