"""Lesson 02 (geometry): every statement the lesson makes about TensorFlow and Keras, asserted
on the installed versions. The section is named in each docstring."""

import augcourse  # noqa: F401  (quiet TensorFlow before it loads)
import keras
import numpy as np
import pytest
import tensorflow as tf

RNG = np.random.default_rng(0)
IMAGE = RNG.integers(0, 256, (6, 9, 3), dtype=np.uint8)
BATCH = RNG.integers(0, 256, (4, 6, 9, 3), dtype=np.uint8)


def test_flips_are_slicing():
    """1: photo[:, ::-1] is flip_left_right and photo[::-1] is flip_up_down, for one image;
    images[..., ::-1, :] flips both an image and a batch; batch[:, ::-1] flips the height."""
    assert np.array_equal(IMAGE[:, ::-1], tf.image.flip_left_right(IMAGE).numpy())
    assert np.array_equal(IMAGE[::-1], tf.image.flip_up_down(IMAGE).numpy())
    assert np.array_equal(IMAGE[..., ::-1, :], tf.image.flip_left_right(IMAGE).numpy())
    assert np.array_equal(BATCH[..., ::-1, :], tf.image.flip_left_right(BATCH).numpy())
    assert np.array_equal(BATCH[:, ::-1], tf.image.flip_up_down(BATCH).numpy())


def test_rot90_is_transpose_then_vertical_flip_and_swaps_sides():
    """2: transposing then flipping top-bottom is tf.image.rot90(k=1), counter-clockwise."""
    turned = tf.image.rot90(IMAGE, k=1).numpy()
    assert np.array_equal(np.swapaxes(IMAGE, 0, 1)[::-1], turned)
    assert turned.shape == (9, 6, 3)
    assert np.array_equal(turned, np.rot90(IMAGE, 1))  # NumPy's rot90 is counter-clockwise


def test_half_turn_maps_a_six_like_shape_onto_a_nine_like_shape():
    """3: a half turn is a flip on both axes, which is what makes a 6 read as a 9."""
    assert np.array_equal(tf.image.rot90(IMAGE, k=2).numpy(), IMAGE[::-1, ::-1])


def test_random_rotation_factor_is_a_fraction_of_a_turn_positive_counter_clockwise():
    """4: factor is a fraction of a full turn and a positive angle turns counter-clockwise:
    exactly 0.25 is one quarter turn, the same as tf.image.rot90(k=1)."""
    x = np.arange(25, dtype=np.float32).reshape(1, 5, 5, 1)
    layer = keras.layers.RandomRotation((0.25, 0.25), fill_mode="constant",
                                        interpolation="nearest")
    assert np.array_equal(layer(x, training=True).numpy(), tf.image.rot90(x, k=1).numpy())


def test_rotation_zoom_translation_defaults():
    """4, 5: defaults are bilinear interpolation and reflect fill."""
    rotation = keras.layers.RandomRotation(0.1)
    assert rotation.interpolation == "bilinear" and rotation.fill_mode == "reflect"
    assert keras.layers.RandomZoom(0.1).fill_mode == "reflect"
    assert keras.layers.RandomTranslation(0.1, 0.1).fill_mode == "reflect"


@pytest.mark.parametrize("mode, corner_is_zero", [
    ("reflect", False), ("constant", True), ("nearest", False), ("wrap", False)])
def test_fill_modes(mode, corner_is_zero):
    """4: "constant" fills the corners with 0; reflect, nearest and wrap reuse image pixels."""
    ones = np.ones((1, 32, 32, 1), np.float32)
    out = keras.layers.RandomRotation((0.125, 0.125), fill_mode=mode)(ones, training=True)
    assert (float(out[0, 0, 0, 0]) == 0.0) == corner_is_zero


def test_nearest_keeps_values_bilinear_makes_new_ones():
    """4: nearest copies existing values; bilinear blends and creates new ones."""
    x = np.arange(16, dtype=np.float32).reshape(1, 4, 4, 1)
    values = set(range(16))
    nearest = keras.layers.RandomRotation((0.05, 0.05), interpolation="nearest")
    bilinear = keras.layers.RandomRotation((0.05, 0.05), interpolation="bilinear")
    assert set(nearest(x, training=True).numpy().ravel().tolist()) <= values
    assert not set(np.round(bilinear(x, training=True).numpy().ravel(), 4).tolist()) <= values


def test_training_false_is_identity_and_direct_call_augments():
    """4: training=False returns the input; a direct call without the argument augments."""
    x = RNG.random((2, 16, 16, 3)).astype(np.float32)
    layer = keras.layers.RandomRotation(0.1)
    assert np.array_equal(layer(x, training=False).numpy(), x)
    assert not np.array_equal(layer(x).numpy(), x)


def test_random_crop_per_image_versus_keras_random_crop_per_batch():
    """5: tf.image.random_crop mapped per image gives each its own window; keras RandomCrop
    uses one window for the whole batch."""
    counting = np.tile(np.arange(256, dtype=np.float32).reshape(1, 16, 16, 1), (16, 1, 1, 1))
    per_image = tf.map_fn(lambda image: tf.image.random_crop(image, (8, 8, 1)), counting)
    per_batch = keras.layers.RandomCrop(8, 8)(counting, training=True)
    assert len(np.unique(per_image[:, 0, 0, 0])) > 1
    assert len(np.unique(per_batch[:, 0, 0, 0])) == 1


def test_rotate_then_crop_keeps_the_fill_out():
    """6: rotating then cropping the centre shows no fill; cropping then rotating does."""
    image = np.full((1, 64, 96, 3), 0.5, np.float32)
    turn = keras.layers.RandomRotation((0.06, 0.06), fill_mode="constant")
    rotate_then_crop = tf.image.central_crop(turn(image, training=True)[0], 0.6).numpy()
    crop_then_rotate = turn(tf.image.central_crop(image, 0.6), training=True)[0].numpy()
    assert not np.any(np.all(rotate_then_crop == 0, axis=-1))
    assert np.mean(np.all(crop_then_rotate == 0, axis=-1)) > 0.05


def test_flip_and_crop_order():
    """6: with a fixed window the two orders differ; flip-then-crop equals cropping the mirrored
    window and flipping; over all window positions both orders give the same set of results."""
    width = 6
    fixed_flip_then_crop = IMAGE[:, ::-1][:, :width]
    fixed_crop_then_flip = IMAGE[:, :width][:, ::-1]
    assert not np.array_equal(fixed_flip_then_crop, fixed_crop_then_flip)
    assert np.array_equal(fixed_flip_then_crop, IMAGE[:, IMAGE.shape[1] - width:][:, ::-1])
    offsets = range(IMAGE.shape[1] - width + 1)
    flip_then_crop = {IMAGE[:, ::-1][:, o:o + width].tobytes() for o in offsets}
    crop_then_flip = {IMAGE[:, o:o + width][:, ::-1].tobytes() for o in offsets}
    assert flip_then_crop == crop_then_flip


def test_batch_axis_zero_is_the_image_order():
    """1: batch[::-1] only reverses the order of the images."""
    assert all(np.array_equal(BATCH[::-1][i], BATCH[len(BATCH) - 1 - i])
               for i in range(len(BATCH)))


_TRAINING_SEEN = []  # module level: Keras would wrap a list stored on the layer


class _RecordTraining(keras.layers.Layer):
    """Passes its input through and records the `training` value Keras gives it."""

    def call(self, inputs, training=None):
        _TRAINING_SEEN.append(training)
        return inputs


def test_fit_passes_training_true_predict_and_evaluate_pass_false():
    """4: model.fit passes training=True; predict and evaluate pass False; and an augmentation
    layer inside a model is therefore inactive in predict."""
    seen = _TRAINING_SEEN
    model = keras.Sequential([keras.Input((4, 4, 1)), _RecordTraining(),
                              keras.layers.Flatten(), keras.layers.Dense(1)])
    model.compile(optimizer="sgd", loss="mse", run_eagerly=True)
    x, y = np.zeros((4, 4, 4, 1), np.float32), np.zeros((4, 1), np.float32)
    seen.clear()  # building the model called the layer symbolically
    model.fit(x, y, epochs=1, batch_size=4, verbose=0)
    assert seen and all(flag is True for flag in seen)
    seen.clear()
    model.predict(x, verbose=0)
    model.evaluate(x, y, verbose=0)
    assert seen and all(not flag for flag in seen)
    augmenting = keras.Sequential([keras.Input((16, 16, 3)), keras.layers.RandomRotation(0.2)])
    images = RNG.random((2, 16, 16, 3)).astype(np.float32)
    np.testing.assert_array_equal(augmenting.predict(images, verbose=0), images)


def test_random_zoom_negative_zooms_in_positive_zooms_out():
    """5: RandomZoom with a negative factor zooms in (objects grow), positive zooms out."""
    image = np.zeros((1, 16, 16, 1), np.float32)
    image[:, 6:10, 6:10] = 1.0  # a 4x4 white square in the middle
    zoom_in = keras.layers.RandomZoom((-0.5, -0.5), fill_mode="constant")(image, training=True)
    zoom_out = keras.layers.RandomZoom((0.5, 0.5), fill_mode="constant")(image, training=True)
    assert float(tf.reduce_sum(zoom_in)) > 16 > float(tf.reduce_sum(zoom_out))


def test_random_flip_draws_per_image_and_both_axes_flip_together():
    """1: RandomFlip("horizontal") mirrors each image on its own draw (about half of them);
    "horizontal_and_vertical" gives each image a half turn or leaves it, never one flip alone."""
    image = np.random.default_rng(3).random((6, 9, 3)).astype(np.float32)
    copies = np.repeat(image[np.newaxis], 64, axis=0)
    out = keras.layers.RandomFlip("horizontal")(copies, training=True).numpy()
    mirrored = np.array([np.array_equal(o, image[:, ::-1]) for o in out])
    same = np.array([np.array_equal(o, image) for o in out])
    assert np.all(mirrored | same) and 0.25 < mirrored.mean() < 0.75
    both = keras.layers.RandomFlip("horizontal_and_vertical")(copies, training=True).numpy()
    half = np.array([np.array_equal(o, image[::-1, ::-1]) for o in both])
    kept = np.array([np.array_equal(o, image) for o in both])
    assert np.all(half | kept) and 0.25 < half.mean() < 0.75


def test_mask_from_a_generator_chooses_per_image_and_repeats_for_a_seed():
    """1: the lesson's random_invert: each image inverted or kept on its own coin, the same
    choices for the same seed whatever the global seed, new choices on the next call."""
    from lesson_code import lesson_definitions

    random_invert = lesson_definitions("02_geometry", "s1-mask", tf=tf)["random_invert"]
    images = np.random.default_rng(0).random((400, 3, 3, 1)).astype(np.float32)
    rng = tf.random.Generator.from_seed(5)
    out = random_invert(images, rng).numpy()
    inverted = np.all(np.isclose(out, 1 - images), axis=(1, 2, 3))
    kept = np.all(out == images, axis=(1, 2, 3))
    assert np.all(inverted ^ kept) and 140 < inverted.sum() < 260
    tf.random.set_seed(99)
    again = random_invert(images, tf.random.Generator.from_seed(5)).numpy()
    np.testing.assert_array_equal(again, out)
    assert not np.array_equal(random_invert(images, rng).numpy(), out)
