"""Lesson 03 (colour and noise): every statement the lesson makes about TensorFlow, Keras and
NumPy, asserted on the installed versions. The section is named in each docstring."""

import augcourse  # noqa: F401  (quiet TensorFlow before it loads)
import keras
import numpy as np
import pytest
import tensorflow as tf

from lesson_code import lesson_definitions

RNG = np.random.default_rng(3)
PHOTO = RNG.uniform(0.0, 1.0, (12, 16, 3)).astype(np.float32)


# the lesson's own measures (section 5): distinct values, and each image's spread
MEASURES = lesson_definitions("03_colour_noise", "s5-measures", np=np, tf=tf)
distinct, spread = MEASURES["distinct"], MEASURES["spread"]


def test_adjust_brightness_adds_and_does_not_clip_floats():
    """1: adjust_brightness adds delta; on floats it does not clip."""
    out = tf.image.adjust_brightness(PHOTO, 0.3).numpy()
    np.testing.assert_allclose(out, PHOTO + 0.3, atol=1e-6)
    assert out.max() > 1.0


def test_adjust_brightness_saturates_uint8_while_plain_addition_wraps():
    """1: on uint8, adjust_brightness saturates (200 + half the range is 255); plain addition
    wraps (200 + 100 is 44)."""
    pixel = tf.constant([[[200]]], tf.uint8)
    assert int(tf.image.adjust_brightness(pixel, 0.5)[0, 0, 0]) == 255
    assert int((pixel + 100)[0, 0, 0]) == 44


def test_adjust_contrast_formula_per_image_per_channel():
    """2: (x - mean) * factor + mean, with the mean of each channel of each image."""
    batch = RNG.uniform(0, 1, (3, 5, 6, 3)).astype(np.float32)
    mean = batch.mean(axis=(1, 2), keepdims=True)
    np.testing.assert_allclose(tf.image.adjust_contrast(batch, 1.7).numpy(),
                               (batch - mean) * 1.7 + mean, atol=1e-5)


def test_saturation_hue_gamma():
    """3: saturation 0 is gray; hue delta is a fraction of the wheel (1.0 is a full circle,
    0.5 moves far); random_hue refuses max_delta above 0.5; gamma is x ** gamma with 0 and 1
    fixed."""
    gray = tf.image.adjust_saturation(PHOTO, 0.0).numpy()
    assert np.allclose(gray[..., 0], gray[..., 1], atol=1e-5)
    assert np.allclose(gray[..., 1], gray[..., 2], atol=1e-5)
    assert np.abs(tf.image.adjust_hue(PHOTO, 1.0).numpy() - PHOTO).max() < 1e-4
    assert np.abs(tf.image.adjust_hue(PHOTO, 0.5).numpy() - PHOTO).max() > 0.3
    with pytest.raises(ValueError, match="max_delta must be <= 0.5"):
        tf.image.random_hue(PHOTO, 0.6)
    np.testing.assert_allclose(tf.image.adjust_gamma(PHOTO, 2.0).numpy(), PHOTO**2, rtol=1e-5)
    ends = tf.constant([[[0.0, 1.0, 0.5]]])
    out = tf.image.adjust_gamma(ends, 2.0).numpy().ravel()
    assert out[0] == 0.0 and out[1] == 1.0 and out[2] < 0.5


def test_which_colour_ops_leave_the_float_range():
    """Key points: brightness and contrast leave [0, 1] on floats; saturation, hue and gamma
    (gain 1) keep a [0, 1] image in range; a gain above 1 leaves it."""
    x = tf.constant(np.random.default_rng(0).random((64, 8, 8, 3)).astype(np.float32))

    def inside(y):
        return float(tf.reduce_min(y)) >= 0.0 and float(tf.reduce_max(y)) <= 1.0

    assert not inside(tf.image.adjust_brightness(x, 0.3))
    assert not inside(tf.image.adjust_contrast(x, 2.0))
    for factor in (0.2, 3.0):
        assert inside(tf.image.adjust_saturation(x, factor))
    for delta in (-0.3, 0.4):
        assert inside(tf.image.adjust_hue(x, delta))
    for gamma in (0.5, 2.0):
        assert inside(tf.image.adjust_gamma(x, gamma))
    assert not inside(tf.image.adjust_gamma(x, 2.0, gain=1.5))


def test_numpy_noise_is_float64_and_tf_noise_float32():
    """4: NumPy's normal draws are float64 and make a float32 image float64; TF draws float32."""
    assert (PHOTO + np.random.normal(0, 0.05, PHOTO.shape)).dtype == np.float64
    assert tf.random.Generator.from_seed(1).normal((2, 2)).dtype == tf.float32


def test_unscaled_noise_vanishes_on_uint8():
    """4: noise of std 0.05 added to uint8 values and rounded changes no pixel."""
    image = RNG.integers(0, 256, (32, 32, 3), dtype=np.uint8)
    noise = tf.random.Generator.from_seed(2).normal(image.shape, stddev=0.05)
    out = tf.cast(tf.round(tf.cast(image, tf.float32) + noise), tf.uint8).numpy()
    assert np.array_equal(out, image)


def test_tf_image_random_ops_draw_once_keras_layers_per_image():
    """5: on a batch, tf.image.random_brightness and random_contrast draw once per call;
    keras RandomBrightness and RandomContrast draw per image."""
    gray = tf.fill((32, 8, 8, 3), 0.5)
    textured = tf.random.stateless_uniform((32, 8, 8, 3), seed=(1, 2), minval=0.3, maxval=0.7)

    assert distinct(tf.image.random_brightness(gray, 0.2)[:, 0, 0, 0]) == 1
    keras_brightness = keras.layers.RandomBrightness(0.2, value_range=(0, 1))
    assert distinct(keras_brightness(gray, training=True)[:, 0, 0, 0]) > 16
    factors = spread(tf.image.random_contrast(textured, 0.5, 1.5)) / spread(textured)
    assert distinct(factors) == 1
    keras_contrast = keras.layers.RandomContrast((0.5, 0.5), value_range=(0, 1))
    assert distinct(spread(keras_contrast(textured, training=True)) / spread(textured)) > 16


def test_keras_colour_layers_assume_0_255():
    """6: value_range defaults to (0, 255); RandomBrightness(0.2) on [0, 1] images shifts by up
    to 51 and leaves [0, 1]; value_range=(0, 1) keeps them in range."""
    assert tuple(keras.layers.RandomBrightness(0.2).value_range) == (0, 255)
    assert tuple(keras.layers.RandomContrast(0.2).value_range) == (0, 255)
    small = tf.random.stateless_uniform((16, 8, 8, 3), seed=(5, 6))
    wrong = keras.layers.RandomBrightness(0.2)(small, training=True)
    right = keras.layers.RandomBrightness(0.2, value_range=(0, 1))(small, training=True)
    assert float(tf.reduce_max(wrong)) > 2.0
    assert float(tf.reduce_min(right)) >= 0.0 and float(tf.reduce_max(right)) <= 1.0


def test_random_contrast_single_number_only_increases_contrast():
    """6: RandomContrast(0.5) draws factors in [1.0, 1.5], not the documented [0.5, 1.5];
    the pair (0.5, 0.5) gives [0.5, 1.5]; a pair is sorted, (0.5, 0.2) gives [0.8, 1.5]. If Keras
    fixes this, the lesson must change."""
    many = tf.random.stateless_uniform((2000, 4, 4, 1), seed=(3, 4), minval=0.3, maxval=0.7)
    single = spread(keras.layers.RandomContrast(0.5, value_range=(0, 1))(many, training=True))
    pair = spread(keras.layers.RandomContrast((0.5, 0.5), value_range=(0, 1))(many,
                                                                               training=True))
    single, pair = (np.asarray(x / spread(many)) for x in (single, pair))
    assert single.min() >= 1.0 - 1e-4 and single.max() > 1.45
    assert pair.min() < 0.55 and pair.max() > 1.45
    # the pair is sorted: (0.5, 0.2) draws from 1 - 0.2 to 1 + 0.5, not from 0.5 to 1.2
    swapped = np.asarray(spread(keras.layers.RandomContrast((0.5, 0.2), value_range=(0, 1))(
        many, training=True)) / spread(many))
    assert swapped.min() > 0.8 - 1e-3 and swapped.min() < 0.82 and swapped.max() > 1.45


def test_tf_image_random_op_mapped_per_element_draws_per_image():
    """5: mapped over single images (map before batch), one draw per call is one per image."""
    dataset = tf.data.Dataset.from_tensor_slices(tf.fill((32, 4, 4, 3), 0.5))
    batch = next(iter(dataset.map(lambda image: tf.image.random_brightness(image, 0.2))
                      .batch(32)))
    assert len(np.unique(np.round(batch[:, 0, 0, 0].numpy(), 5))) > 16


def test_random_brightness_default_shift_is_at_most_51():
    """6: with the default value_range, RandomBrightness(0.2) shifts by at most 0.2 * 255 = 51."""
    zeros = tf.fill((64, 2, 2, 1), 100.0)
    out = keras.layers.RandomBrightness(0.2)(zeros, training=True)
    shift = np.abs(out.numpy() - 100.0)
    assert shift.max() <= 51.0 + 1e-3 and shift.max() > 25.0


def saturation_multipliers(layer, n=2000):
    """What ``layer`` multiplies the saturation of n copies of one colour (saturation 0.4) by."""
    patches = tf.broadcast_to(tf.constant([0.5, 0.3, 0.4]), (n, 2, 2, 3))
    return tf.image.rgb_to_hsv(layer(patches, training=True))[:, 0, 0, 1].numpy() / 0.4


def test_keras_colour_layers_draw_per_image():
    """6: RandomBrightness, RandomContrast, RandomSaturation, RandomHue and RandomGrayscale each
    change eight copies of one photo in more than one way (a draw per image)."""
    same_photo = tf.repeat(PHOTO[tf.newaxis], 8, axis=0)
    layers = [keras.layers.RandomBrightness(0.3, value_range=(0, 1), seed=1),
              keras.layers.RandomContrast((0.5, 0.5), value_range=(0, 1), seed=1),
              keras.layers.RandomSaturation((1 / 3, 2 / 3), value_range=(0, 1), seed=1),
              keras.layers.RandomHue(0.2, value_range=(0, 1), seed=1),
              keras.layers.RandomGrayscale(0.5, seed=1)]
    for layer in layers:
        out = layer(same_photo, training=True).numpy().reshape(8, -1)
        assert len(np.unique(np.round(out, 3), axis=0)) > 1, type(layer).__name__


def test_random_grayscale_factor_is_a_probability_per_image():
    """6: RandomGrayscale(factor) turns each image gray with probability factor."""
    patches = tf.broadcast_to(tf.constant([0.5, 0.3, 0.4]), (2000, 2, 2, 3))
    out = keras.layers.RandomGrayscale(0.5, seed=4)(patches, training=True).numpy()
    gray = np.ptp(out[:, 0, 0, :], axis=-1) < 1e-6
    assert 0.45 < gray.mean() < 0.55


def test_random_hue_turns_by_up_to_half_its_factor_either_way():
    """6: RandomHue(f) turns the hue by up to f / 2 of the colour wheel, in both directions."""
    patches = tf.broadcast_to(tf.constant([0.5, 0.3, 0.4]), (2000, 2, 2, 3))
    before = float(tf.image.rgb_to_hsv(patches[:1])[0, 0, 0, 0])
    after = tf.image.rgb_to_hsv(keras.layers.RandomHue(0.2, value_range=(0, 1), seed=5)(
        patches, training=True))[:, 0, 0, 0].numpy()
    turn = (after - before + 0.5) % 1.0 - 0.5  # signed, the short way round the wheel
    assert turn.min() < -0.09 and turn.max() > 0.09
    assert np.abs(turn).max() <= 0.1 + 1e-3


def test_random_saturation_single_number_grays_about_half():
    """6: RandomSaturation's drawn f multiplies saturation by f / (1 - f), so 0.5 is no change.
    A single number f draws from -f to f (its documentation says 0 to f): RandomSaturation(0.5)
    turns about half the images gray and never raises saturation. The pair (1/3, 2/3) multiplies
    by 0.5 to 2 and grays none. RandomColorJitter builds a RandomSaturation from its factor. If
    Keras fixes this, the lesson must change."""
    assert "between `0.0` and the passed" in keras.layers.RandomSaturation.__doc__
    single = saturation_multipliers(keras.layers.RandomSaturation(0.5, value_range=(0, 1), seed=2))
    assert 0.45 < np.mean(single < 0.01) < 0.55
    assert single.max() <= 1.0 + 1e-3 and single.max() > 0.95
    pair = saturation_multipliers(keras.layers.RandomSaturation((1 / 3, 2 / 3),
                                                                value_range=(0, 1), seed=2))
    assert pair.min() > 0.5 - 1e-3 and pair.min() < 0.52
    assert pair.max() < 2.0 + 1e-3 and pair.max() > 1.95
    unchanged = saturation_multipliers(keras.layers.RandomSaturation((0.5, 0.5),
                                                                     value_range=(0, 1)))
    np.testing.assert_allclose(unchanged, 1.0, atol=1e-3)
    jitter = keras.layers.RandomColorJitter(value_range=(0, 1), saturation_factor=0.5)
    assert isinstance(jitter.random_saturation, keras.layers.RandomSaturation)
    assert tuple(jitter.random_saturation.factor) == (-0.5, 0.5)
