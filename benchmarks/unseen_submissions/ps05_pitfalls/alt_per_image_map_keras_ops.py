"""Correct: per-image map before batch with a Generator (parallel), keras.ops.image.affine_transform rotation with NumPy angles, Sequential augmenter, xor label swap, argsort split with a loop.

expect: full
"""
# %% make_train_dataset
def make_train_dataset(x, y, batch_size=32, seed=0):
    """Shuffle examples (seeded, every epoch), shift each image's brightness, clip, batch."""
    draws = tf.random.Generator.from_seed(seed)

    def shift_one(image, label):
        delta = draws.uniform([], minval=-0.2, maxval=0.2, dtype=image.dtype)
        return tf.minimum(tf.maximum(image + delta, 0.0), 1.0), label

    examples = tf.data.Dataset.from_tensor_slices((np.asarray(x, np.float32), y))
    examples = examples.shuffle(buffer_size=len(x), seed=seed)
    examples = examples.map(shift_one, num_parallel_calls=tf.data.AUTOTUNE)
    return examples.batch(batch_size).prefetch(tf.data.AUTOTUNE)

# %% random_small_rotation
turn_rng = np.random.default_rng(12345)


def random_small_rotation(images):
    """Turn each image of the batch by its own random angle in [-18, 18] degrees; black fill."""
    images = np.asarray(images, np.float32)
    n, height, width = images.shape[:3]
    theta = np.deg2rad(turn_rng.uniform(-18, 18, size=n))
    c, s = np.cos(theta), np.sin(theta)
    x0, y0 = (width - 1) / 2, (height - 1) / 2
    transforms = np.stack([c, -s, x0 - c * x0 + s * y0,
                           s, c, y0 - s * x0 - c * y0,
                           np.zeros(n), np.zeros(n)], axis=1).astype(np.float32)
    turned = keras.ops.image.affine_transform(images, transforms, interpolation="bilinear",
                                              fill_mode="constant", fill_value=0)
    return keras.ops.convert_to_numpy(turned).astype(np.float32)

# %% make_digit_augmenter
def make_digit_augmenter():
    """Small rotations and zooms that keep a digit the same digit."""
    return keras.Sequential([
        keras.layers.RandomTranslation(height_factor=0.1, width_factor=0.1,
                                       fill_mode="constant", seed=3),
        keras.layers.RandomRotation(factor=(-0.05, 0.05), fill_mode="constant", seed=4),
    ])

# %% flip_with_label
mirror_draws = tf.random.Generator.from_seed(31)


def flip_with_label(images, labels):
    """Mirror each image with probability 1/2 and swap the label (0 <-> 1) of the mirrored ones."""
    mirror = mirror_draws.uniform([tf.shape(images)[0]]) >= 0.5
    flipped = tf.image.flip_left_right(images)
    out = tf.where(mirror[:, tf.newaxis, tf.newaxis, tf.newaxis], flipped, images)
    return out, tf.bitwise.bitwise_xor(labels, tf.cast(mirror, labels.dtype))

# %% split_then_augment
def split_then_augment(x, y, augment, copies=3, val_fraction=0.2, seed=0):
    """Split first, then make augmented copies of the training part only."""
    x, y = np.asarray(x), np.asarray(y)
    keys = np.random.default_rng(seed).random(len(x))
    ranked = np.argsort(keys, kind="stable")
    n_val = int(round(val_fraction * len(x)))
    val_idx = np.sort(ranked[:n_val])
    train_idx = np.sort(ranked[n_val:])
    x_tr, y_tr = x[train_idx], y[train_idx]
    xs, ys = [x_tr], [y_tr]
    for _ in range(copies):
        xs.append(np.asarray(augment(x_tr)))
        ys.append(y_tr.copy())
    return np.concatenate(xs), np.concatenate(ys), x[val_idx], y[val_idx]
