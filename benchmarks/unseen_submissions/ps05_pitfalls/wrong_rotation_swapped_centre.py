"""Per-image angles in [-18, 18] with a projective transform and black fill, but the centre of rotation takes x from the height and y from the width: fine on square images, off-centre on non-square ones.

expect: test_rotation
"""
# %% random_small_rotation
rotation_generator = tf.random.Generator.from_seed(0)


def random_small_rotation(images):
    """Turn each image of the batch by its own random angle in [-18, 18] degrees; black fill."""
    images = tf.convert_to_tensor(images, tf.float32)
    n, height, width = tf.shape(images)[0], tf.shape(images)[1], tf.shape(images)[2]
    angles = rotation_generator.uniform([n], -np.pi / 10, np.pi / 10)
    cos, sin = tf.cos(angles), tf.sin(angles)
    cx = (tf.cast(height, tf.float32) - 1) / 2
    cy = (tf.cast(width, tf.float32) - 1) / 2
    zeros = tf.zeros_like(angles)
    transforms = tf.stack([cos, -sin, cx - cos * cx + sin * cy,
                           sin, cos, cy - sin * cx - cos * cy, zeros, zeros], axis=1)
    return tf.raw_ops.ImageProjectiveTransformV3(
        images=images, transforms=transforms, output_shape=tf.shape(images)[1:3],
        fill_value=0.0, interpolation="BILINEAR", fill_mode="CONSTANT")
