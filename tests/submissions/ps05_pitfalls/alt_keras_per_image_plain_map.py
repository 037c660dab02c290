"""Correct: a Keras layer per image in a plain map (no shared draws), a rotation factor given
as a range with nearest-pixel interpolation returned as NumPy, a coin from integer draws, and a
split built from lists.

expect: full
"""
# %% make_train_dataset
def make_train_dataset(x, y, batch_size=32, seed=0):
    shift = keras.layers.RandomBrightness((-0.2, 0.2), value_range=(0.0, 1.0))

    def one(image, label):
        return shift(image, training=True), label

    dataset = tf.data.Dataset.from_tensor_slices((x, y))
    dataset = dataset.shuffle(buffer_size=len(x) + 100, seed=seed)
    dataset = dataset.map(one)
    return dataset.batch(batch_size).prefetch(tf.data.AUTOTUNE)


# %% random_small_rotation
def random_small_rotation(images):
    layer = keras.layers.RandomRotation(factor=(-18 / 360, 18 / 360), fill_mode="constant",
                                        interpolation="nearest")
    return np.asarray(layer(tf.convert_to_tensor(images), training=True)).astype(np.float32)


# %% flip_with_label
coin = tf.random.Generator.from_non_deterministic_state()


def flip_with_label(images, labels):
    heads = coin.uniform_full_int([tf.shape(images)[0]], dtype=tf.int32) % 2 == 0
    images = tf.convert_to_tensor(images)
    labels = tf.convert_to_tensor(labels)
    out_images = tf.where(tf.reshape(heads, [-1, 1, 1, 1]), images[:, :, ::-1, :], images)
    out_labels = tf.where(heads, 1 - labels, labels)
    return out_images, out_labels


# %% split_then_augment
def split_then_augment(x, y, augment, copies=3, val_fraction=0.2, seed=0):
    shuffled = list(np.random.default_rng(seed).permutation(len(x)))
    n_val = int(round(val_fraction * len(x)))
    val, train = shuffled[:n_val], shuffled[n_val:]
    x_train, y_train = [x[train]], [y[train]]
    for _ in range(copies):
        x_train.append(np.asarray(augment(x[train]), dtype=x.dtype))
        y_train.append(y[train])
    return (np.concatenate(x_train), np.concatenate(y_train), np.array(x[val]), np.array(y[val]))
