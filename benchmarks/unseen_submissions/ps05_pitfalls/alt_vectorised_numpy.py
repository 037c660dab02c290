"""Correct: brightness drawn per image after batch with a tf.random.Generator of shape (n,1,1,1); NumPy bilinear rotation; index-mask split.

expect: full
"""
# %% make_train_dataset
def make_train_dataset(x, y, batch_size=32, seed=0):
    """Shuffle examples (seeded, every epoch), shift each image's brightness, clip, batch."""
    generator = tf.random.Generator.from_seed(seed + 1000)  # made once, outside the map function

    def shift_batch(images, labels):
        images = tf.cast(images, tf.float32)
        deltas = generator.uniform(tf.stack([tf.shape(images)[0], 1, 1, 1]), -0.2, 0.2)
        return keras.ops.clip(images + deltas, 0.0, 1.0), labels

    dataset = tf.data.Dataset.from_tensor_slices((x, y))
    dataset = dataset.shuffle(len(x), seed=seed, reshuffle_each_iteration=True)
    dataset = dataset.batch(batch_size).map(shift_batch)
    return dataset.prefetch(tf.data.AUTOTUNE)

# %% random_small_rotation
rotation_rng = np.random.default_rng()


def random_small_rotation(images):
    """Turn each image of the batch by its own random angle in [-18, 18] degrees; black fill."""
    images = np.asarray(images, dtype=np.float32)
    n, height, width, channels = images.shape
    out = np.zeros_like(images)
    centre_r, centre_c = (height - 1) / 2.0, (width - 1) / 2.0
    rows, cols = np.mgrid[0:height, 0:width].astype(np.float64)
    for i in range(n):
        theta = np.radians(rotation_rng.uniform(-18.0, 18.0))
        cos, sin = np.cos(theta), np.sin(theta)
        # inverse mapping: where does each output pixel come from?
        dr, dc = rows - centre_r, cols - centre_c
        src_r = cos * dr - sin * dc + centre_r
        src_c = sin * dr + cos * dc + centre_c
        r0, c0 = np.floor(src_r).astype(int), np.floor(src_c).astype(int)
        fr, fc = src_r - r0, src_c - c0
        result = np.zeros((height, width, channels), np.float64)
        for dr_, dc_, weight in ((0, 0, (1 - fr) * (1 - fc)), (0, 1, (1 - fr) * fc),
                                 (1, 0, fr * (1 - fc)), (1, 1, fr * fc)):
            rr, cc = r0 + dr_, c0 + dc_
            inside = (rr >= 0) & (rr < height) & (cc >= 0) & (cc < width)
            values = np.zeros((height, width, channels), np.float64)
            values[inside] = images[i][rr[inside], cc[inside]]
            result += weight[..., None] * values
        out[i] = result.astype(np.float32)
    return out

# %% make_digit_augmenter
def make_digit_augmenter():
    """Small rotations and zooms that keep a digit the same digit."""
    return keras.Sequential([
        keras.layers.RandomRotation(0.04, fill_mode="constant", fill_value=0.0),
        keras.layers.RandomTranslation(0.06, 0.06, fill_mode="constant", fill_value=0.0),
        keras.layers.RandomZoom((-0.1, 0.1), fill_mode="constant", fill_value=0.0),
    ], name="digit_augmenter")

# %% flip_with_label
flip_generator = tf.random.Generator.from_seed(2024)


def flip_with_label(images, labels):
    """Mirror each image with probability 1/2 and swap the label (0 <-> 1) of the mirrored ones."""
    n = tf.shape(images)[0]
    coin = flip_generator.uniform([n], minval=0, maxval=2, dtype=tf.int32)  # 0 or 1 per image
    mirror = tf.cast(coin, tf.bool)
    flipped = tf.where(tf.reshape(mirror, [-1, 1, 1, 1]), tf.reverse(images, axis=[2]), images)
    new_labels = tf.where(mirror, 1 - labels, labels)
    return flipped, new_labels

# %% split_then_augment
def split_then_augment(x, y, augment, copies=3, val_fraction=0.2, seed=0):
    """Split first, then make augmented copies of the training part only."""
    x, y = np.asarray(x), np.asarray(y)
    n_val = round(val_fraction * len(x))
    rng = np.random.default_rng(seed)
    in_val = np.zeros(len(x), bool)
    in_val[rng.choice(len(x), size=n_val, replace=False)] = True
    x_train, y_train = x[~in_val], y[~in_val]
    x_parts, y_parts = [x_train], [y_train]
    for _ in range(copies):
        x_parts.append(np.asarray(augment(x_train)).astype(x_train.dtype, copy=False))
        y_parts.append(y_train)
    return (np.concatenate(x_parts), np.concatenate(y_parts), x[in_val].copy(), y[in_val].copy())
