"""Correct, with stateless ops: per-image seeds from Dataset.random with
rerandomize_each_iteration=True, a rotation built from tf image transforms, and a boolean mask flip.

expect: full
"""
# %% make_train_dataset
def make_train_dataset(x, y, batch_size=32, seed=0):
    seeds = tf.data.Dataset.random(seed=seed, rerandomize_each_iteration=True).batch(2)
    examples = tf.data.Dataset.from_tensor_slices((x, y)).shuffle(len(x), seed=seed)

    def shift(example, pair):
        image, label = example
        shifted = tf.image.stateless_random_brightness(image, 0.2, seed=pair)
        return tf.clip_by_value(shifted, 0.0, 1.0), label

    return (tf.data.Dataset.zip((examples, seeds))
            .map(shift, num_parallel_calls=tf.data.AUTOTUNE)
            .batch(batch_size)
            .prefetch(tf.data.AUTOTUNE))


# %% random_small_rotation
def random_small_rotation(images):
    images = tf.convert_to_tensor(images, tf.float32)
    n, height, width = tf.shape(images)[0], tf.shape(images)[1], tf.shape(images)[2]
    angles = tf.random.uniform([n], -np.pi / 10, np.pi / 10)
    cx = (tf.cast(width, tf.float32) - 1) / 2
    cy = (tf.cast(height, tf.float32) - 1) / 2
    cos, sin = tf.cos(angles), tf.sin(angles)
    # maps output pixel (x, y) to input pixel: a rotation about the centre
    transforms = tf.stack([cos, -sin, cx - cos * cx + sin * cy,
                           sin, cos, cy - sin * cx - cos * cy,
                           tf.zeros([n]), tf.zeros([n])], axis=1)
    return tf.raw_ops.ImageProjectiveTransformV3(
        images=images, transforms=transforms, output_shape=tf.stack([height, width]),
        interpolation="BILINEAR", fill_mode="CONSTANT", fill_value=0.0)


# %% flip_with_label
flip_generator = tf.random.Generator.from_seed(123)


def flip_with_label(images, labels):
    mirror = flip_generator.uniform([tf.shape(images)[0]], 0, 2, dtype=tf.int32) == 1
    mirrored_images = tf.image.flip_left_right(images)
    flipped = tf.where(tf.reshape(mirror, [-1, 1, 1, 1]), mirrored_images, images)
    return flipped, tf.where(mirror, tf.ones_like(labels) - labels, labels)
