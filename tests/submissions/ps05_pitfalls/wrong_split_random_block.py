"""A seeded split, but not a random subset: the validation images are one block of neighbours
that starts at a random place.

expect: test_split
"""
# %% split_then_augment
def split_then_augment(x, y, augment, copies=3, val_fraction=0.2, seed=0):
    n_val = round(val_fraction * len(x))
    start = np.random.default_rng(seed).integers(0, len(x))
    val = (start + np.arange(n_val)) % len(x)
    train = np.setdiff1d(np.arange(len(x)), val)
    x_train = np.concatenate([x[train]] + [np.asarray(augment(x[train])) for _ in range(copies)])
    y_train = np.concatenate([y[train]] * (copies + 1))
    return x_train, y_train, x[val], y[val]
