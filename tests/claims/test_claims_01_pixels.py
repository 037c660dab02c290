"""Lesson 01 (pixels): every statement the lesson makes about TensorFlow, Keras, NumPy or
matplotlib, asserted on the installed versions. The section is named in each docstring."""

import logging
import warnings

import augcourse  # noqa: F401  (quiet TensorFlow before it loads)
import keras
import matplotlib
import numpy as np
import pytest
import tensorflow as tf

from augcourse.data import load_digits, load_photo

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402


def test_photo_is_height_width_channels_uint8():
    """1: chelsea is 451 wide and 300 tall: shape (300, 451, 3), uint8."""
    photo = load_photo("chelsea")
    assert photo.shape == (300, 451, 3) and photo.dtype == np.uint8


def test_uint8_addition_wraps_silently_in_numpy_and_tensorflow():
    """3: 200 + 100 in uint8 is 44, with no error or warning from NumPy arrays or TensorFlow."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        numpy_sum = np.array([200, 250, 10], np.uint8) + np.uint8(100)
        tf_sum = (tf.constant([200, 250, 10], tf.uint8) + 100).numpy()
    assert numpy_sum.tolist() == [44, 94, 110]
    assert tf_sum.tolist() == [44, 94, 110]


def test_cast_keeps_numbers_convert_image_dtype_rescales():
    """4: tf.cast keeps 255 as 255.0; convert_image_dtype maps the uint8 range onto [0, 1]."""
    pixels = tf.constant([0, 128, 255], tf.uint8)
    assert tf.cast(pixels, tf.float32).numpy().tolist() == [0.0, 128.0, 255.0]
    converted = tf.image.convert_image_dtype(pixels, tf.float32).numpy()
    np.testing.assert_allclose(converted, [0.0, 128 / 255, 1.0], rtol=1e-6)
    np.testing.assert_allclose(converted, tf.cast(pixels, tf.float32).numpy() / 255.0)


def test_float32_takes_four_times_the_memory():
    """4: float32 takes four bytes per value instead of one."""
    photo = load_photo("chelsea")
    assert tf.image.convert_image_dtype(photo, tf.float32).numpy().nbytes == 4 * photo.nbytes


def test_keras_image_loader_gives_float_0_to_255(tmp_path):
    """4: Keras's image loaders give float32 with values 0 to 255."""
    from augcourse.data import load_image_folder, write_image_folder

    digits, labels = load_digits(n=20)
    write_image_folder(tmp_path, digits, labels, [str(k) for k in range(10)])
    dataset, _ = load_image_folder(tmp_path, image_size=(8, 8), color_mode="grayscale")
    images, _ = next(iter(dataset))
    assert images.dtype == tf.float32 and float(tf.reduce_max(images)) > 1.0
    assert float(tf.reduce_max(images)) <= 255.0


def test_adjust_brightness_adds_delta_to_any_float_range():
    """4: tf.image.adjust_brightness adds its delta to whatever range it is given."""
    image = tf.constant([[[100.0], [200.0]]])
    np.testing.assert_allclose(tf.image.adjust_brightness(image, 0.1).numpy(),
                               image.numpy() + 0.1)


def test_grayscale_conversions():
    """2: rgb_to_grayscale uses weights 0.2989, 0.5870, 0.1140; grayscale_to_rgb repeats."""
    for channel, weight in enumerate([0.2989, 0.5870, 0.1140]):
        pixel = np.zeros((1, 1, 3), np.float32)
        pixel[..., channel] = 1.0
        np.testing.assert_allclose(tf.image.rgb_to_grayscale(pixel).numpy().ravel(), [weight],
                                   atol=1e-4)
    gray = tf.constant(np.arange(6, dtype=np.uint8).reshape(2, 3, 1))
    rgb = tf.image.grayscale_to_rgb(gray).numpy()
    assert rgb.shape == (2, 3, 3) and all((rgb[..., k] == gray.numpy()[..., 0]).all()
                                          for k in range(3))


def _render(array, **kwargs):
    """Draw ``array`` with imshow over the whole canvas and read back the RGB pixels."""
    fig = plt.figure(figsize=(1, 1), dpi=20)
    ax = fig.add_axes([0, 0, 1, 1])
    ax.axis("off")
    image = ax.imshow(array, interpolation="nearest", **kwargs)
    fig.canvas.draw()
    pixels = np.asarray(fig.canvas.buffer_rgba())[..., :3].astype(int)
    plt.close(fig)
    return image, pixels


def test_imshow_reads_uint8_as_0_255_and_float_as_0_1_clipping_the_rest(caplog):
    """5: imshow reads uint8 RGB as 0..255 and float RGB as 0..1; floats above 1 are clipped,
    with only a logged warning."""
    _, from_uint8 = _render(np.full((4, 4, 3), 128, np.uint8))
    _, from_float = _render(np.full((4, 4, 3), 0.5, np.float32))
    assert abs(from_uint8.mean() - 128) <= 1 and abs(from_float.mean() - 128) <= 1
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no Python warning, only a log record
        with caplog.at_level(logging.WARNING, logger="matplotlib"):
            _, from_big_float = _render(np.full((4, 4, 3), 128.0, np.float32))
    assert from_big_float.min() == 255, "a float 128.0 should be drawn at full brightness"
    assert any("Clipping input data" in r.getMessage() for r in caplog.records)


def test_imshow_stretches_single_channel_images():
    """5: for one channel imshow uses a colour map stretched between the image's min and max."""
    dark = np.array([[10, 20], [30, 40]], np.uint8)
    image, _ = _render(dark)
    assert image.get_clim() == (10, 40)
    assert image.get_cmap().name == plt.rcParams["image.cmap"] != "gray"


def test_digits_dataset():
    """6: 1,797 real handwritten digits of 8 by 8 pixels (values 0..16 in scikit-learn)."""
    from sklearn.datasets import load_digits as sk_digits

    raw = sk_digits()
    assert raw.images.shape == (1797, 8, 8) and raw.images.max() == 16 and raw.images.min() == 0
    digits, labels = load_digits()
    assert digits.shape == (1797, 8, 8, 1) and digits.dtype == np.uint8 and digits.max() == 255
    assert load_digits(size=32, n=3)[0].shape == (3, 32, 32, 1)


def test_conv2d_needs_a_batch_axis():
    """6: a Conv2D layer given one (8, 8, 1) image raises ValueError; a batch of one works."""
    conv = keras.layers.Conv2D(4, 3)
    with pytest.raises(ValueError, match="expected min_ndim=4, found ndim=3"):
        conv(np.zeros((8, 8, 1), np.float32))
    assert conv(np.zeros((1, 8, 8, 1), np.float32)).shape == (1, 6, 6, 4)


def test_tf_image_takes_image_or_batch_but_needs_channel_axis():
    """6: tf.image.flip_left_right accepts (H, W, C) and (N, H, W, C), not (H, W)."""
    assert tf.image.flip_left_right(np.zeros((8, 8, 1))).shape == (8, 8, 1)
    assert tf.image.flip_left_right(np.zeros((5, 8, 8, 1))).shape == (5, 8, 8, 1)
    with pytest.raises(ValueError, match="at least three-dimensional"):
        tf.image.flip_left_right(np.zeros((8, 8)))


def test_random_flip_is_per_image_random_brightness_is_per_batch():
    """6: on a batch, random_flip_left_right flips each image on its own, while random_brightness
    draws one change for the whole batch."""
    batch = tf.constant(np.tile(np.arange(4, dtype=np.float32).reshape(1, 1, 4, 1), (64, 1, 1, 1)))
    flipped = tf.image.random_flip_left_right(batch, seed=1).numpy()
    first_pixel = flipped[:, 0, 0, 0]
    assert set(first_pixel.tolist()) == {0.0, 3.0}, "some images flipped and some not"
    zeros = tf.zeros((64, 2, 2, 1))
    deltas = tf.image.random_brightness(zeros, max_delta=0.5, seed=1).numpy()
    assert np.unique(deltas).size == 1 and deltas.flat[0] != 0.0


def test_reduce_mean_of_uint8_stays_integer():
    """Key points: tf.reduce_mean of a uint8 tensor returns uint8 (the mean of 1 and 2 is 1)."""
    mean = tf.reduce_mean(tf.constant([1, 2], tf.uint8))
    assert mean.dtype == tf.uint8 and int(mean) == 1


def test_resize_returns_float_in_the_input_range_and_rescaling_only_scales():
    """7: tf.image.resize of a uint8 photo gives float32 from 0 to 255 (not rescaled);
    keras.layers.Resizing blends the same way and rounds a uint8 photo back to uint8;
    Rescaling(1/255) multiplies and does nothing else."""
    photo = load_photo("chelsea")
    resized = tf.image.resize(photo, (64, 96))
    assert resized.dtype == tf.float32 and 200 < float(tf.reduce_max(resized)) <= 255
    layer = np.asarray(keras.layers.Resizing(64, 96)(photo))
    assert layer.dtype == np.uint8 and np.abs(layer - resized.numpy()).max() <= 0.5 + 1e-3
    rescaled = keras.layers.Rescaling(1 / 255)(resized)
    np.testing.assert_allclose(rescaled, resized / 255, rtol=1e-6)
