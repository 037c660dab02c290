"""The rotation is drawn once per batch (its own Keras layer turns every digit of a call by the
same angle), where the text asks for a new change for every image ([1f]); it comes with the
model answer's models, which fit_or_load trains again for this augmenter; the layer turns digits
at inference too, so the saved runs cannot be reproduced ([3h]).

expect: test_augmenter test_generalisation test_histories test_report test_saved_models
files: solution
"""
# %% make_augmenter
class RandomTurnPerBatch(keras.layers.Layer):
    """Turns the whole batch by one random angle of up to 18 degrees."""

    def call(self, images, training=None):
        if not training:
            return images
        angle = keras.random.uniform((), -0.1 * np.pi, 0.1 * np.pi)
        cos, sin = keras.ops.cos(angle), keras.ops.sin(angle)
        centre = 15.5
        # the projective transform maps output (x, y) to input coordinates
        transform = keras.ops.stack([cos, -sin, centre - centre * cos + centre * sin,
                                     sin, cos, centre - centre * sin - centre * cos, 0.0, 0.0])
        count = keras.ops.shape(images)[0]
        transforms = keras.ops.tile(keras.ops.expand_dims(transform, 0), (count, 1))
        return keras.ops.image.affine_transform(images, transforms, fill_mode="constant")


def make_augmenter():
    return keras.Sequential([
        RandomTurnPerBatch(),
        keras.layers.RandomTranslation(0.1, 0.1, fill_mode="constant"),
        keras.layers.RandomZoom(0.1, fill_mode="constant"),
    ])
