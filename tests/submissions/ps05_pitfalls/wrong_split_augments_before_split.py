"""Copies the colleague's order (augment, then split) with the right sizes: copies leak.

expect: test_split
"""
# %% split_then_augment
def split_then_augment(x, y, augment, copies=3, val_fraction=0.2, seed=0):
    x_all = np.concatenate([x] + [np.asarray(augment(x)) for _ in range(copies)])
    y_all = np.concatenate([y] * (copies + 1))
    order = np.random.default_rng(seed).permutation(len(x_all))
    n_val = round(val_fraction * len(x))
    return (x_all[order[n_val:n_val + (len(x) - n_val) * (copies + 1)]],
            y_all[order[n_val:n_val + (len(x) - n_val) * (copies + 1)]],
            x_all[order[:n_val]], y_all[order[:n_val]])
