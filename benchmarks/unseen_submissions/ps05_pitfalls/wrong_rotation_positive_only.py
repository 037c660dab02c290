"""Per-image angles from a Generator and a real rotation with black fill, but the angle is drawn with maxval only (minval defaults to 0): turns by 0..+18 degrees, never the other way.

expect: test_rotation
"""
# %% random_small_rotation
rotation_generator = tf.random.Generator.from_seed(0)


def random_small_rotation(images):
    """Turn each image of the batch by its own random angle in [-18, 18] degrees; black fill."""
    images = tf.convert_to_tensor(images, tf.float32)
    n = tf.shape(images)[0]
    height = tf.cast(tf.shape(images)[1], tf.float32)
    width = tf.cast(tf.shape(images)[2], tf.float32)
    angles = rotation_generator.uniform([n], maxval=np.radians(18.0))
    cos, sin = tf.cos(angles), tf.sin(angles)
    cx, cy = (width - 1) / 2, (height - 1) / 2
    zeros = tf.zeros_like(angles)
    transforms = tf.stack([cos, -sin, cx - cos * cx + sin * cy,
                           sin, cos, cy - sin * cx - cos * cy, zeros, zeros], axis=1)
    return tf.raw_ops.ImageProjectiveTransformV3(
        images=images, transforms=transforms, output_shape=tf.shape(images)[1:3],
        fill_value=0.0, interpolation="BILINEAR", fill_mode="CONSTANT")
