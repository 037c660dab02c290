"""augcourse.pipelines.make_batch_augmenter, the recipe of lesson 4: one composed transform per
image, drawn from the seed passed in. Each sentence of its docstring has a test here."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import augcourse  # noqa: F401  (quiet TensorFlow's start-up log)
import tensorflow as tf
from augcourse.detectors import repeated_draws
from augcourse.pipelines import _random_coefficients, _warp, make_batch_augmenter


def seed(a, b=0):
    return tf.constant([a, b], tf.int64)


def bar_angles(images):
    """Orientation in degrees of the bright shape in each image, from its second moments."""
    rows, cols = np.mgrid[0:images.shape[1], 0:images.shape[2]]
    angles = []
    for image in images[..., 0]:
        total = image.sum()
        r, c = (rows * image).sum() / total, (cols * image).sum() / total
        mu20, mu02 = ((cols - c) ** 2 * image).sum(), ((rows - r) ** 2 * image).sum()
        mu11 = ((cols - c) * (rows - r) * image).sum()
        angles.append(np.degrees(0.5 * np.arctan2(2 * mu11, mu20 - mu02)))
    return np.array(angles)


@settings(max_examples=25, deadline=None)
@given(count=st.integers(1, 3), height=st.integers(1, 12), width=st.integers(1, 12),
       channels=st.sampled_from([1, 3]), degrees=st.floats(-180, 180),
       scale=st.floats(0.5, 2.0), shift=st.tuples(st.floats(-3, 3), st.floats(-3, 3)),
       fill=st.sampled_from([0.0, 0.25, 1.0]), data=st.data())
def test_warp_reads_the_pixels_imageprojectivetransform_reads(count, height, width, channels,
                                                              degrees, scale, shift, fill, data):
    """The XLA-friendly warp gives what TensorFlow's own op gives, on any shape: bilinear
    reads, and fill_value for points outside the image (CONSTANT fill)."""
    pixels = data.draw(st.lists(st.floats(0, 1, width=32), min_size=count * height * width
                                * channels, max_size=count * height * width * channels))
    images = np.array(pixels, np.float32).reshape(count, height, width, channels)
    angle = math.radians(degrees)
    row = [math.cos(angle) / scale, -math.sin(angle) / scale, shift[0],
           math.sin(angle) / scale, math.cos(angle) / scale, shift[1]]
    coefficients = tf.constant([row] * count, tf.float32)
    ours = _warp(images, coefficients, fill).numpy()
    theirs = tf.raw_ops.ImageProjectiveTransformV3(
        images=images, transforms=tf.pad(coefficients, [[0, 0], [0, 2]]),
        output_shape=[height, width], fill_value=fill, interpolation="BILINEAR",
        fill_mode="CONSTANT").numpy()
    np.testing.assert_allclose(ours, theirs, atol=1e-4)


@pytest.mark.parametrize("dtype", [np.uint8, np.float32])
@pytest.mark.parametrize("shape", [(1, 5, 9, 1), (4, 20, 30, 3)])
def test_without_settings_it_returns_the_images_exactly(dtype, shape):
    images = (np.random.default_rng(0).random(shape) * (255 if dtype == np.uint8 else 1))
    images = images.astype(dtype)
    out = make_batch_augmenter()(images, seed(1))
    assert out.dtype == tf.as_dtype(dtype) and out.shape == shape
    np.testing.assert_array_equal(out.numpy(), images)


def test_flip_mirrors_about_half_of_the_images_each_on_its_own_draw():
    images = np.random.default_rng(1).random((256, 6, 11, 1)).astype(np.float32)
    out = make_batch_augmenter(flip=True)(images, seed(2)).numpy()
    same = np.all(out == images, axis=(1, 2, 3))
    mirrored = np.all(out == images[:, :, ::-1], axis=(1, 2, 3))
    assert np.all(same | mirrored), "a flip alone moves pixels exactly: no interpolation blur"
    assert 0.4 < mirrored.mean() < 0.6


def test_the_seed_alone_decides_the_draws():
    images = np.repeat(np.random.default_rng(2).random((1, 16, 16, 3)).astype(np.float32), 32, 0)
    augment = make_batch_augmenter(max_degrees=20, zoom=(0.9, 1.1), max_shift=0.1, flip=True,
                                   max_brightness=0.1)
    first = augment(images, seed(5)).numpy()
    tf.random.set_seed(123)  # the global seed, and draws in between, change nothing
    tf.random.uniform([10])
    np.testing.assert_array_equal(augment(images, seed(5)).numpy(), first)
    assert not np.array_equal(augment(images, seed(5, 1)).numpy(), first)
    assert len({image.tobytes() for image in first}) == 32, "32 copies, 32 different draws"


def test_rotations_reach_their_limit_both_ways_and_never_pass_it():
    bars = np.zeros((256, 33, 33, 1), np.float32)
    bars[:, 15:18, 4:29] = 1.0
    angles = bar_angles(make_batch_augmenter(max_degrees=18)(bars, seed(3)).numpy())
    assert np.abs(angles).max() <= 18 + 1.5
    assert angles.min() < -15 and angles.max() > 15


def test_zoom_scales_the_image_by_a_factor_from_its_range():
    # a centred square of side 11: its area scales by the zoom factor squared
    squares = np.zeros((128, 41, 41, 1), np.float32)
    squares[:, 15:26, 15:26] = 1.0
    out = make_batch_augmenter(zoom=(0.8, 1.25))(squares, seed(4)).numpy()
    factors = np.sqrt(out.sum(axis=(1, 2, 3)) / 121.0)
    assert factors.min() > 0.8 - 0.03 and factors.max() < 1.25 + 0.03
    assert factors.min() < 0.85 and factors.max() > 1.2


def test_shift_moves_the_centre_by_up_to_its_fraction_each_way():
    dots = np.zeros((256, 20, 40, 1), np.float32)
    dots[:, 9:11, 19:21] = 1.0
    out = make_batch_augmenter(max_shift=0.2)(dots, seed(6)).numpy()
    rows, cols = np.mgrid[0:20, 0:40]
    weight = out[..., 0].sum(axis=(1, 2))
    dy = (out[..., 0] * rows).sum(axis=(1, 2)) / weight - 9.5
    dx = (out[..., 0] * cols).sum(axis=(1, 2)) / weight - 19.5
    assert np.abs(dy).max() <= 0.2 * 20 + 0.1 and np.abs(dx).max() <= 0.2 * 40 + 0.1
    assert dy.min() < -3 and dy.max() > 3 and dx.min() < -6 and dx.max() > 6


@pytest.mark.parametrize("dtype, gray, top", [(np.float32, 0.5, 1.0), (np.uint8, 128, 255)])
def test_brightness_shifts_each_image_by_up_to_its_share_of_the_range(dtype, gray, top):
    flat = np.full((256, 4, 4, 1), gray, dtype)
    out = make_batch_augmenter(max_brightness=0.1)(flat, seed(7)).numpy().astype(np.float64)
    per_image = out[:, 0, 0, 0]
    assert np.all(out == per_image[:, None, None, None]), "one shift per image"
    shifts = (per_image - gray) / top
    assert np.abs(shifts).max() <= 0.1 + 0.5 / 255
    assert shifts.min() < -0.08 and shifts.max() > 0.08


def test_pixels_from_outside_get_the_fill_value_and_values_stay_in_range():
    ones = np.full((8, 16, 16, 1), 255, np.uint8)
    out = make_batch_augmenter(max_degrees=45, zoom=(0.5, 0.5), fill_value=0.0)(
        ones, seed(8)).numpy()
    assert out.dtype == np.uint8 and np.all(out[:, 0, 0] == 0), "a corner shows the fill"
    gray = np.full((8, 16, 16, 1), 0.5, np.float32)
    out = make_batch_augmenter(zoom=(0.5, 0.5), fill_value=1.0)(gray, seed(9)).numpy()
    assert np.all(out[:, 0, 0] == 1.0) and np.allclose(out[:, 8, 8], 0.5)
    bright = make_batch_augmenter(max_brightness=1.0)(np.full((64, 2, 2, 1), 0.9, np.float32),
                                                      seed(10)).numpy()
    assert bright.max() == 1.0 and bright.min() >= 0.0


def test_bad_input_gets_a_clear_error():
    with pytest.raises(TypeError, match="uint8 .* or floats"):
        make_batch_augmenter()(np.zeros((1, 4, 4, 1), np.int32), seed(0))
    with pytest.raises(ValueError, match=r"a batch \(N, H, W, C\)"):
        make_batch_augmenter()(np.zeros((4, 4, 1), np.float32), seed(0))
    for kwargs, message in [({"max_degrees": -1}, "max_degrees"), ({"zoom": (1.2, 1.0)}, "zoom"),
                            ({"zoom": (0.0, 1.0)}, "zoom"), ({"max_shift": 1.0}, "max_shift"),
                            ({"max_brightness": 2}, "max_brightness")]:
        with pytest.raises(ValueError, match=message):
            make_batch_augmenter(**kwargs)


def test_in_a_parallel_pipeline_every_epoch_is_new_no_draw_repeats_and_a_rerun_repeats():
    """The recipe: batches zipped with seeds from Dataset.random (new every epoch), mapped in
    parallel. Parallel calls cannot share draws (each call's seed is its own)."""
    augment = make_batch_augmenter(max_brightness=0.2)

    def pipeline():
        squares = tf.data.Dataset.from_tensor_slices(np.full((256, 4, 4, 1), 0.5, np.float32))
        seeds = tf.data.Dataset.random(seed=3, rerandomize_each_iteration=True).batch(2)
        return tf.data.Dataset.zip((squares.batch(32), seeds)).map(
            augment, num_parallel_calls=tf.data.AUTOTUNE)

    data = pipeline()
    epoch1, epoch2 = (np.concatenate(list(data.as_numpy_iterator())) for _ in range(2))
    assert not np.array_equal(epoch1, epoch2)
    np.testing.assert_array_equal(np.concatenate(list(pipeline().as_numpy_iterator())), epoch1)
    # two float32 draws can coincide by chance (about one epoch in 10 here, one repeat);
    # a shared draw repeats a whole batch of 32
    assert repeated_draws(data, epochs=20) < 0.001


def test_coefficients_compose_mirror_rotation_zoom_and_shift_about_the_centre():
    """With one setting at a time at its extreme, the map is the one the docstring names."""
    flat = _random_coefficients(seed(1), 64, 10, 20, max_degrees=0.0, zoom=(2.0, 2.0),
                                max_shift=0.0, flip=False).numpy()
    # zoom 2 about the centre (9.5, 4.5): the output's centre reads the input's centre
    np.testing.assert_allclose(flat[:, [0, 1, 3, 4]], [[0.5, 0, 0, 0.5]] * 64, atol=1e-6)
    np.testing.assert_allclose(flat[:, 0] * 9.5 + flat[:, 2], 9.5, atol=1e-5)
    np.testing.assert_allclose(flat[:, 4] * 4.5 + flat[:, 5], 4.5, atol=1e-5)
