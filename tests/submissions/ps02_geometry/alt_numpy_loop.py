"""NumPy: np.flip, np.rot90 with negative axes, and a loop that draws once per image.

expect: full
"""
# %% flip_left_right
def flip_left_right(images):
    return np.flip(np.asarray(images), axis=-2)

# %% flip_up_down
def flip_up_down(images):
    return np.flip(np.asarray(images), axis=-3)

# %% rot90
def rot90(images, k=1):
    return np.rot90(np.asarray(images), k, axes=(-3, -2))

# %% random_flip_batch
def random_flip_batch(images, rng):
    images = np.asarray(images)
    out = []
    for image in images:
        out.append(flip_left_right(image) if float(rng.uniform([])) < 0.5 else image)
    return np.stack(out)
