"""Correct throughout, another way: tf.random.Generator draws per image in an element-wise map,
a functional augmenter, the flip through a Keras layer's own output, and a split by index arrays.

expect: full
"""
# %% make_train_dataset
def make_train_dataset(x, y, batch_size=32, seed=0):
    generator = tf.random.Generator.from_seed(seed)

    def shift(image, label):
        return tf.clip_by_value(image + generator.uniform([], -0.2, 0.2), 0.0, 1.0), label

    return (tf.data.Dataset.from_tensor_slices((x, y))
            .shuffle(len(x), seed=seed)
            .map(shift)
            .batch(batch_size)
            .prefetch(tf.data.AUTOTUNE))


# %% random_small_rotation
def random_small_rotation(images):
    return keras.layers.RandomRotation((-0.05, 0.05), fill_mode="constant",
                                       fill_value=0.0)(images, training=True)


# %% make_digit_augmenter
def make_digit_augmenter():
    inputs = keras.Input((32, 32, 1))
    turned = keras.layers.RandomRotation(0.04, fill_mode="constant")(inputs)
    shifted = keras.layers.RandomTranslation(0.08, 0.08, fill_mode="constant")(turned)
    return keras.Model(inputs, shifted)


# %% flip_with_label
mirror_layer = keras.layers.RandomFlip("horizontal")


def flip_with_label(images, labels):
    flipped = mirror_layer(images, training=True)
    # arrows are not symmetric, so a mirrored one differs from its input
    mirrored = tf.reduce_any(tf.not_equal(flipped, images), axis=[1, 2, 3])
    return flipped, tf.where(mirrored, 1 - labels, labels)


# %% split_then_augment
def split_then_augment(x, y, augment, copies=3, val_fraction=0.2, seed=0):
    rng = np.random.default_rng(seed)
    is_val = np.zeros(len(x), bool)
    is_val[rng.choice(len(x), round(val_fraction * len(x)), replace=False)] = True
    x_keep, y_keep = x[~is_val], y[~is_val]
    x_parts, y_parts = [x_keep], [y_keep]
    for _ in range(copies):
        x_parts.append(np.asarray(augment(x_keep)))
        y_parts.append(y_keep)
    return np.concatenate(x_parts), np.concatenate(y_parts), x[is_val], y[is_val]
