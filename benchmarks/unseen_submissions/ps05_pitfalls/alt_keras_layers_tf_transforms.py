"""Correct: index dataset shuffled then gathered, Keras RandomBrightness per element (clips to its value_range); ImageProjectiveTransformV3 rotation; custom Layer augmenter; keras.ops flip with 0/1 blend; permutation split.

expect: full
"""
# %% make_train_dataset
def make_train_dataset(x, y, batch_size=32, seed=0):
    """Shuffle examples (seeded, every epoch), shift each image's brightness, clip, batch."""
    x_all = tf.constant(np.asarray(x, np.float32))
    y_all = tf.constant(np.asarray(y))
    brightness = keras.layers.RandomBrightness(factor=(-0.2, 0.2), value_range=(0.0, 1.0))

    def load_and_shift(index):
        image = tf.gather(x_all, index)
        shifted = brightness(image, training=True)
        return tf.clip_by_value(shifted, 0.0, 1.0), tf.gather(y_all, index)

    indices = tf.data.Dataset.range(len(x)).shuffle(len(x), seed=seed)
    return indices.map(load_and_shift).batch(batch_size).prefetch(tf.data.AUTOTUNE)

# %% random_small_rotation
angle_generator = tf.random.Generator.from_non_deterministic_state()


def random_small_rotation(images):
    """Turn each image of the batch by its own random angle in [-18, 18] degrees; black fill."""
    images = tf.convert_to_tensor(images, tf.float32)
    n = tf.shape(images)[0]
    height = tf.cast(tf.shape(images)[1], tf.float32)
    width = tf.cast(tf.shape(images)[2], tf.float32)
    angles = angle_generator.uniform([n], -np.pi / 10, np.pi / 10)  # 0.1 pi = 18 degrees
    cos, sin = tf.cos(angles), tf.sin(angles)
    cx, cy = (width - 1) / 2, (height - 1) / 2
    # output pixel (x, y) samples input (cos*x - sin*y + a2, sin*x + cos*y + b2): a turn about the centre
    a2 = cx - cos * cx + sin * cy
    b2 = cy - sin * cx - cos * cy
    zeros = tf.zeros_like(angles)
    transforms = tf.stack([cos, -sin, a2, sin, cos, b2, zeros, zeros], axis=1)
    return tf.raw_ops.ImageProjectiveTransformV3(
        images=images, transforms=transforms, output_shape=tf.shape(images)[1:3],
        fill_value=0.0, interpolation="BILINEAR", fill_mode="CONSTANT")

# %% make_digit_augmenter
class DigitAugmenter(keras.layers.Layer):
    """Small turns, shifts and zooms on black; no flips."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.turn = keras.layers.RandomRotation((-0.03, 0.03), fill_mode="constant")
        self.shift = keras.layers.RandomTranslation((-0.08, 0.08), (-0.08, 0.08),
                                                    fill_mode="constant")
        self.zoom = keras.layers.RandomZoom((-0.12, 0.08), fill_mode="constant")

    def call(self, inputs, training=None):
        if training is False:
            return inputs
        return self.zoom(self.shift(self.turn(inputs, training=True), training=True),
                         training=True)


def make_digit_augmenter():
    """Small rotations and zooms that keep a digit the same digit."""
    return DigitAugmenter()

# %% flip_with_label
coin_generator = tf.random.Generator.from_seed(7)


def flip_with_label(images, labels):
    """Mirror each image with probability 1/2 and swap the label (0 <-> 1) of the mirrored ones."""
    mirror = coin_generator.uniform(tf.shape(labels)[:1]) < 0.5
    picked = keras.ops.cast(mirror, images.dtype)[:, None, None, None]
    mirrored = keras.ops.flip(images, axis=2)
    out_images = picked * mirrored + (1 - picked) * images  # exact: weights are 0 or 1
    out_labels = keras.ops.where(mirror, 1 - labels, labels)
    return out_images, out_labels

# %% split_then_augment
def split_then_augment(x, y, augment, copies=3, val_fraction=0.2, seed=0):
    """Split first, then make augmented copies of the training part only."""
    x, y = np.asarray(x), np.asarray(y)
    order = np.random.default_rng(seed).permutation(len(x))
    n_val = round(val_fraction * len(x))
    val_rows, train_rows = order[:n_val], order[n_val:]
    x_train = np.take(x, train_rows, axis=0)
    y_train = np.take(y, train_rows, axis=0)
    augmented = [np.asarray(augment(x_train)) for _ in range(copies)]
    return (np.concatenate([x_train, *augmented], axis=0),
            np.concatenate([y_train] * (copies + 1), axis=0),
            np.take(x, val_rows, axis=0), np.take(y, val_rows, axis=0))
