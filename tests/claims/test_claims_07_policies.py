"""Lesson 07 (automatic augmentation policies): every statement the lesson makes about TensorFlow
and Keras, asserted on the installed versions. The section is named in each docstring."""

import inspect
import random
import time
from collections import Counter

import augcourse  # noqa: F401  (quiet TensorFlow before it loads)
import keras
import numpy as np
import pytest
import tensorflow as tf

from augcourse.data import load_digits, load_photos
from augcourse.detectors import count_distinct_draws, fraction_changed

from lesson_code import lesson_definitions

OPERATIONS = ["random_shear", "random_translation", "random_rotation", "random_brightness",
              "random_color_degeneration", "random_contrast", "random_sharpness",
              "random_posterization", "solarization", "auto_contrast", "equalization"]
GEOMETRIC = ["random_shear", "random_translation", "random_rotation"]
COLOUR = [name for name in OPERATIONS if name not in GEOMETRIC]


@pytest.fixture(scope="module")
def photos():
    """Four real photos, uint8, 48 x 64."""
    return load_photos(["chelsea", "coffee", "astronaut", "rocket"], size=(48, 64))


def run_alone(layer, name, images):
    """Apply one of RandAugment's (or AugMix's) operations alone; return a NumPy array."""
    return np.asarray(getattr(layer, name)(images, training=True))


# the lesson's probe (section 3): where one bright dot ends up after a layer
dot_positions = lesson_definitions("07_policies", "s3-dots", np=np)["dot_positions"]


def count_transform_calls(layer, names):
    """Wrap each named sub-layer's transform_images with a counter; return the Counter."""
    calls = Counter()
    for name in names:
        op = getattr(layer, name)

        def counted(images, transformation=None, training=True, _name=name,
                    _original=op.transform_images):
            calls[_name] += 1
            return _original(images, transformation, training=training)

        op.transform_images = counted
    return calls


# ------------------------------------------------------------------------------------ section 2

def test_keras_has_randaugment_and_augmix_but_no_autoaugment_and_tf_image_has_none():
    """2: keras.layers has RandAugment and AugMix and no AutoAugment; tf.image has no name with
    'aug' in it."""
    assert hasattr(keras.layers, "RandAugment") and hasattr(keras.layers, "AugMix")
    assert not hasattr(keras.layers, "AutoAugment")
    assert [n for n in dir(keras.layers) if "aug" in n.lower()] == ["AugMix", "RandAugment"]
    assert [n for n in dir(tf.image) if "aug" in n.lower()] == []


# ------------------------------------------------------------------------------------ section 3

def test_randaugment_chooses_from_eleven_keras_layers_and_no_flip_crop_zoom_or_noise():
    """3: RandAugment's list is these 11 operations, each an ordinary Keras layer kept as an
    attribute; none is a flip, crop, zoom or noise layer."""
    assert keras.layers.RandAugment._AUGMENT_LAYERS == OPERATIONS
    layer = keras.layers.RandAugment()
    types = [type(getattr(layer, name)).__name__ for name in OPERATIONS]
    assert types == ["RandomShear", "RandomTranslation", "RandomRotation", "RandomBrightness",
                     "RandomColorDegeneration", "RandomContrast", "RandomSharpness",
                     "RandomPosterization", "Solarization", "AutoContrast", "Equalization"]
    assert all(isinstance(getattr(layer, name), keras.layers.Layer) for name in OPERATIONS)
    assert not any(word in t for t in types for word in ("Flip", "Crop", "Zoom", "Noise"))


def test_randaugment_defaults_and_factor_becomes_a_range_from_zero():
    """3: defaults num_ops=2, factor=0.5, value_range=(0, 255); factor f becomes (0, f) for the
    operations, posterization gets (1, int(8 f)) bits, AutoContrast and Equalization take no
    strength."""
    parameters = inspect.signature(keras.layers.RandAugment).parameters
    assert parameters["num_ops"].default == 2 and parameters["factor"].default == 0.5
    assert parameters["value_range"].default == (0, 255)
    for factor in (0.1, 0.5, 0.9):
        layer = keras.layers.RandAugment(factor=factor)
        assert layer.random_rotation.factor == (0, factor)
        assert layer.random_translation.height_factor == (0, factor)
        assert layer.random_translation.width_factor == (0, factor)
        assert layer.random_shear.x_factor == (0, factor)
        assert layer.random_brightness.factor == (0, factor)
        assert layer.random_contrast.factor == (0, factor)
        assert layer.solarization.threshold_factor == (0, factor)
        assert layer.random_posterization.factor == (1, max(1, int(8 * factor)))
    for name in ("AutoContrast", "Equalization"):
        assert "factor" not in inspect.signature(getattr(keras.layers, name)).parameters


def test_randaugment_rotation_and_translation_go_one_way_only():
    """3: at factor 0.5 rotation angles lie between 0 and 180 degrees, counter-clockwise as
    displayed, about half past a quarter turn; translation moves only down and right, up to about
    half the image; shear picks its sign at random."""
    augcourse.set_seed(0)
    layer = keras.layers.RandAugment(seed=0)
    rows, cols = dot_positions(layer.random_rotation, 16, 28)
    angles = np.degrees(np.arctan2(16 - rows, cols - 16))
    assert angles.min() >= -1 and angles.max() <= 181 and angles.max() > 170
    assert 0.4 < np.mean(angles > 90) < 0.6
    rows, cols = dot_positions(layer.random_translation, 16, 16)
    assert rows.min() >= 16 and cols.min() >= 16
    assert rows.max() - 16 >= 14 and cols.max() - 16 >= 14
    rows, cols = dot_positions(layer.random_shear, 4, 16)  # a dot above the centre
    assert cols.min() < 16 < cols.max(), "x-shear moves it left in some images, right in others"


def test_randaugment_brightness_and_contrast_only_go_up():
    """3: RandAugment's brightness never darkens and its contrast never lowers the contrast."""
    layer = keras.layers.RandAugment(seed=0)
    gray = np.random.default_rng(0).uniform(80, 170, (64, 8, 8, 3)).astype(np.float32)
    brighter = run_alone(layer, "random_brightness", gray)
    assert np.all(brighter >= gray - 1e-3) and np.mean(brighter > gray + 1) > 0.9
    contrast = run_alone(layer, "random_contrast", gray)
    assert np.all(contrast.std(axis=(1, 2, 3)) >= gray.std(axis=(1, 2, 3)) - 1e-3)


def test_randaugment_returns_float32_and_is_identity_when_not_training(photos):
    """3: RandAugment returns float32 for uint8 input; with training=False it returns its input."""
    layer = keras.layers.RandAugment(seed=0)
    assert layer(photos, training=True).dtype == tf.float32
    assert np.array_equal(layer(photos, training=False), photos.astype(np.float32))


def test_wrong_value_range_sends_values_out_of_range_or_clips_them(photos):
    """3: with the right range every operation stays in [0, 1]; [0, 1] images with the default
    (0, 255) get brightness, solarization and AutoContrast values far above 1 and a black
    posterization; 0..255 images with (0, 1) keep their geometry but every colour operation clips
    into [0, 1]."""
    floats = photos.astype(np.float32) / 255.0
    right = keras.layers.RandAugment(value_range=(0, 1), seed=0)
    for name in OPERATIONS:
        out = run_alone(right, name, floats)
        assert out.min() >= -1e-4 and out.max() <= 1 + 1e-4, name
    default = keras.layers.RandAugment(seed=0)
    for name in ("random_brightness", "solarization", "auto_contrast"):
        assert run_alone(default, name, floats).max() > 50, name
    assert run_alone(default, "random_posterization", floats).max() == 0.0
    for name in GEOMETRIC:
        assert run_alone(default, name, floats).max() <= 1 + 1e-4
    too_small = keras.layers.RandAugment(value_range=(0, 1), seed=0)
    big = photos.astype(np.float32)
    for name in GEOMETRIC:
        assert run_alone(too_small, name, big).max() > 200, name
    for name in COLOUR:
        assert run_alone(too_small, name, big).max() <= 1 + 1e-4, name


# ------------------------------------------------------------------------------------ section 4

def test_factor_zero_still_changes_images(photos):
    """4: at factor 0, solarization, posterization, sharpness, AutoContrast and Equalization
    change the photos while the geometric operations, brightness, contrast and colour degeneration
    do not (solarization inverts the whole image, posterization keeps one bit per channel,
    sharpness blurs); RandAugment(factor=0, num_ops=1) on single images changes about half of
    them."""
    images = photos.astype(np.float32)
    layer = keras.layers.RandAugment(factor=0.0, seed=0)
    changing = {"solarization", "random_posterization", "random_sharpness", "auto_contrast",
                "equalization"}
    for name in OPERATIONS:
        change = np.abs(run_alone(layer, name, images) - images).max()
        assert (change > 1) == (name in changing), (name, change)
    assert np.allclose(run_alone(layer, "solarization", images), 255 - images, atol=1)
    assert set(np.unique(run_alone(layer, "random_posterization", images))) <= {0.0, 128.0}
    blurred = run_alone(layer, "random_sharpness", images)
    assert np.abs(np.diff(blurred, axis=2)).mean() < 0.8 * np.abs(np.diff(images, axis=2)).mean()
    single = keras.layers.RandAugment(factor=0.0, num_ops=1, seed=1)
    many = np.resize(photos, (64,) + photos.shape[1:])
    out = next(iter(tf.data.Dataset.from_tensor_slices(many).map(
        lambda image: single(image, training=True)).batch(64))).numpy()
    assert 0.25 < fraction_changed(lambda _: out, many, atol=0.5) < 0.75


def test_posterization_and_solarization_are_strongest_at_small_factors(photos):
    """4: alone, posterization, solarization and sharpness change the photos more at factor 0.1
    than at 0.9;
    rotation, translation and brightness change them more at 0.9; AutoContrast and Equalization
    do not depend on the factor."""
    images = np.repeat(photos, 4, axis=0).astype(np.float32)

    def change(factor, name):
        layer = keras.layers.RandAugment(factor=factor, seed=0)
        return np.abs(run_alone(layer, name, images) - images).mean()

    assert change(0.1, "random_posterization") > 1.5 * change(0.9, "random_posterization")
    assert change(0.1, "solarization") > 1.1 * change(0.9, "solarization")
    assert change(0.1, "random_sharpness") > 1.3 * change(0.9, "random_sharpness")
    for name in ("random_rotation", "random_translation", "random_brightness"):
        assert change(0.9, name) > 1.3 * change(0.1, name), name
    for name in ("auto_contrast", "equalization"):
        assert change(0.1, name) == pytest.approx(change(0.9, name)), name


# ------------------------------------------------------------------------------------ section 5

def test_augmix_defaults_and_operations():
    """5: AugMix defaults (3 chains, depth 3, factor 0.3, value_range (0, 255)); it picks from
    RandAugment's operations, and all_ops=False drops brightness, colour degeneration, contrast
    and sharpness."""
    parameters = inspect.signature(keras.layers.AugMix).parameters
    assert parameters["num_chains"].default == 3 and parameters["chain_depth"].default == 3
    assert parameters["factor"].default == 0.3 and parameters["all_ops"].default is True
    assert parameters["value_range"].default == (0, 255)
    assert sorted(keras.layers.AugMix()._augment_layers) == sorted(OPERATIONS)
    dropped = {"random_brightness", "random_color_degeneration", "random_contrast",
               "random_sharpness"}
    assert set(keras.layers.AugMix(all_ops=False)._augment_layers) == set(OPERATIONS) - dropped


def test_augmix_chains_can_be_shorter_or_empty(photos):
    """5: each slot of a chain may draw nothing: chains come out shorter than chain_depth, and a
    chain of depth 1 is sometimes empty."""
    random.seed(0)
    x = photos.astype(np.float32)
    deep = keras.layers.AugMix(seed=0)
    lengths = {len(chain) for _ in range(10)
               for chain in deep.get_random_transformation(x)["chain_transforms"]}
    assert lengths <= {0, 1, 2, 3} and min(lengths) < 3
    shallow = keras.layers.AugMix(chain_depth=1, seed=0)
    lengths = [len(chain) for _ in range(20)
               for chain in shallow.get_random_transformation(x)["chain_transforms"]]
    assert 0 in lengths and 1 in lengths


def test_augmix_output_stays_in_value_range_and_is_identity_when_not_training(photos):
    """5: AugMix's output stays in value_range for 0..255 and [0, 1] images; it clips to
    value_range even when that is wrong; with training=False it returns its input."""
    random.seed(0)
    for images, value_range in ((photos.astype(np.float32), (0, 255)),
                                (photos / np.float32(255), (0, 1))):
        layer = keras.layers.AugMix(value_range=value_range, seed=0)
        outs = np.stack([np.asarray(layer(images, training=True)) for _ in range(8)])
        assert outs.min() >= value_range[0] and outs.max() <= value_range[1]
        assert not np.allclose(outs[0], images)
    wrong = keras.layers.AugMix(value_range=(0, 1), seed=0)
    assert np.asarray(wrong(photos.astype(np.float32), training=True)).max() <= 1.0
    layer = keras.layers.AugMix(seed=0)
    assert np.array_equal(layer(photos, training=False), photos.astype(np.float32))


def test_augmix_draws_its_mixing_weights_once_per_batch(photos):
    """5: for a batch of 16, AugMix draws 3 Dirichlet weights and one Beta weight: one set for the
    whole batch; alpha is the parameter of both distributions (a large alpha gives weights near
    1/3 and 1/2)."""
    x = np.repeat(photos, 4, axis=0).astype(np.float32)
    mixing = keras.layers.AugMix(seed=0).get_random_transformation(x, training=True)
    assert tuple(mixing["chain_mixing_weights"].shape) == (3,)
    assert tuple(mixing["weight_sample"].shape) == ()
    assert np.isclose(float(np.sum(mixing["chain_mixing_weights"])), 1.0, atol=1e-5)
    even = keras.layers.AugMix(alpha=1e4, seed=0).get_random_transformation(x, training=True)
    assert np.allclose(even["chain_mixing_weights"], 1 / 3, atol=0.03)
    assert abs(float(even["weight_sample"]) - 0.5) < 0.03


def test_augmix_chain_operations_are_fixed_once_traced(photos):
    """5: direct calls change AugMix's operation from call to call; in a tf.data map, a
    tf.function and model.fit the operations are picked once, at tracing (Python's random state
    stops moving), and 4 identical copies then give the same number of distinct outputs in every
    batch."""
    photo = photos[0]
    random.seed(1)
    probe = keras.layers.AugMix(num_chains=1, chain_depth=1, all_ops=False, seed=0)
    direct = [count_distinct_draws(lambda b: probe(b, training=True), photo, batch_size=4)
              for _ in range(20)]
    assert set(direct) == {1, 4}, direct
    copies = np.repeat(photo[None], 4, axis=0)
    for seed in (1, 2, 3):
        random.seed(seed)
        mapped = [len({image.tobytes() for image in batch.numpy()}) for batch in
                  tf.data.Dataset.from_tensors(copies).repeat(12).map(
                      lambda b: probe(b, training=True))]
        assert len(set(mapped)) == 1, mapped
    compiled = tf.function(lambda b: probe(b, training=True))
    compiled(copies)
    state = random.getstate()
    counts = {len({image.tobytes() for image in np.asarray(compiled(copies))}) for _ in range(8)}
    assert random.getstate() == state and len(counts) == 1
    default = keras.layers.AugMix(seed=0)
    batches = [batch.numpy() for batch in tf.data.Dataset.from_tensors(copies).repeat(3).map(
        lambda b: default(b, training=True))]
    assert not np.array_equal(batches[0], batches[1]), "strengths and weights still vary"

    states = []

    class RecordState(keras.callbacks.Callback):
        def on_train_batch_end(self, batch, logs=None):
            states.append(random.getstate())

    x = np.random.default_rng(0).random((24, 16, 16, 3)).astype(np.float32)
    model = keras.Sequential([keras.Input((16, 16, 3)),
                              keras.layers.AugMix(value_range=(0, 1), seed=0),
                              keras.layers.Flatten(), keras.layers.Dense(2)])
    model.compile("adam", "sparse_categorical_crossentropy")
    model.fit(x, np.arange(24) % 2, batch_size=8, epochs=2, verbose=0, callbacks=[RecordState()])
    assert len(states) == 6 and all(s == states[0] for s in states)


# ------------------------------------------------------------------------------------ section 6

def trivial_operations():
    """The lesson's list of operations (section 6), as new layers."""
    return lesson_definitions("07_policies", "s6-ops", keras=keras)["trivial_ops"]


# the lesson's layer (section 6): one operation per image, picked uniformly
TrivialAugment = lesson_definitions("07_policies", "s6-trivial", keras=keras)["TrivialAugment"]


def test_trivial_augment_operations_draw_per_image(photos):
    """6: each random Keras layer of the lesson's list gives 32 copies 32 different results;
    Identity, AutoContrast and Equalization give 1."""
    for op in trivial_operations():
        distinct = count_distinct_draws(lambda b, op=op: op(b.astype(np.float32), training=True),
                                        photos[0])
        expected = 1 if type(op).__name__ in ("Identity", "AutoContrast", "Equalization") else 32
        assert distinct == expected, type(op).__name__


def test_keras_layers_draw_strengths_uniformly_in_their_range():
    """6: RandomRotation(30 / 360) turns by up to 30 degrees either way, spread over the whole
    range; RandomBrightness(0.3) adds up to 0.3 x 255 either way, spread evenly."""
    augcourse.set_seed(0)
    rows, cols = dot_positions(keras.layers.RandomRotation(30 / 360, seed=0), 16, 30, n=2000)
    angles = np.degrees(np.arctan2(16 - rows, cols - 16))  # read from pixels: about +/- 3 degrees
    assert angles.min() >= -34 and angles.max() <= 34
    assert np.all(np.histogram(angles, bins=3, range=(-34, 34))[0] / 2000 > 0.25)
    gray = np.full((2000, 1, 1, 1), 127.0, np.float32)
    deltas = np.asarray(keras.layers.RandomBrightness(0.3, seed=0)(gray, training=True)) - 127
    assert deltas.min() >= -0.3 * 255 - 1e-3 and deltas.max() <= 0.3 * 255 + 1e-3
    assert np.allclose(np.histogram(deltas, bins=4, range=(-76.5, 76.5))[0] / 2000, 0.25,
                       atol=0.05)


def test_randaugment_picks_its_operations_per_batch_and_the_trivial_layer_per_image(photos):
    """6: RandAugment draws num_ops operation indices per call, whatever the batch size, so 32
    copies sometimes give only 1 or 3 distinct outputs; mapped over single images it draws per
    image; the TrivialAugment-style layer never gives a batch so few, and works in a tf.data map
    and in fit."""
    x = np.repeat(photos, 2, axis=0).astype(np.float32)
    for num_ops in (1, 2):
        layer = keras.layers.RandAugment(num_ops=num_ops, seed=0)
        assert tuple(layer.get_random_transformation(x)["layer_idxes"].shape) == (num_ops,)
    photo = photos[0]
    randaugment = keras.layers.RandAugment(num_ops=1, seed=3)
    batched = [count_distinct_draws(lambda b: randaugment(b, training=True), photo)
               for _ in range(8)]
    assert min(batched) <= 3 and max(batched) == 32, batched
    assert count_distinct_draws(lambda b: randaugment.random_posterization(b, training=True),
                                photo) == 3, "posterization has 3 strengths at factor 0.5"
    single = tf.data.Dataset.from_tensors(photo).repeat(32).map(
        lambda image: randaugment(image, training=True)).batch(32)
    assert all(len({image.tobytes() for image in batch.numpy()}) > 15 for batch in single)

    trivial = TrivialAugment(trivial_operations(), seed=0)
    distinct = [count_distinct_draws(lambda b: trivial(b, training=True), photo)
                for _ in range(4)]
    assert min(distinct) > 15 and max(distinct) < 32, distinct
    mapped = tf.data.Dataset.from_tensors(np.repeat(photo[None], 32, axis=0)).map(
        lambda b: trivial(b, training=True))
    assert len({image.tobytes() for image in next(iter(mapped)).numpy()}) > 15
    assert np.array_equal(trivial(photos, training=False), photos.astype(np.float32))
    model = keras.Sequential([keras.Input((48, 64, 3)), TrivialAugment(trivial_operations()),
                              keras.layers.Rescaling(1 / 255), keras.layers.Flatten(),
                              keras.layers.Dense(2)])
    model.compile("adam", "sparse_categorical_crossentropy")
    model.fit(photos, np.array([0, 1, 0, 1]), epochs=1, verbose=0)


# ------------------------------------------------------------------------------------ section 7

def test_randaugment_runs_every_operation_each_step_and_augmix_only_its_chains(photos):
    """7: one RandAugment call with num_ops=2 runs each of the 11 operations twice, eagerly and
    when traced; a traced AugMix runs at most 3 x 3 operations and none after tracing."""
    x = photos.astype(np.float32)
    layer = keras.layers.RandAugment(num_ops=2, seed=0)
    calls = count_transform_calls(layer, OPERATIONS)
    layer(x, training=True)
    assert calls == Counter({name: 2 for name in OPERATIONS})
    traced = keras.layers.RandAugment(num_ops=2, seed=0)
    calls = count_transform_calls(traced, OPERATIONS)
    tf.function(lambda b: traced(b, training=True))(x)
    assert calls == Counter({name: 2 for name in OPERATIONS})

    augmix = keras.layers.AugMix(seed=0)
    calls = count_transform_calls(augmix, OPERATIONS)
    compiled = tf.function(lambda b: augmix(b, training=True))
    compiled(x)
    at_trace = sum(calls.values())
    assert at_trace <= 9
    compiled(x)
    compiled(x)
    assert sum(calls.values()) == at_trace


def test_randaugment_is_slower_than_three_layers_and_grows_with_num_ops(photos):
    """7: traced, RandAugment with its defaults takes more than twice as long per batch as a flip,
    a rotation and a contrast layer, and num_ops=3 takes longer than num_ops=1."""
    batch = np.repeat(photos, 8, axis=0).astype(np.float32)
    hand_picked = keras.Sequential([keras.layers.RandomFlip("horizontal"),
                                    keras.layers.RandomRotation(0.05),
                                    keras.layers.RandomContrast((0.2, 0.2))])

    def best_seconds(layer):
        compiled = tf.function(lambda images: layer(images, training=True))
        compiled(batch)
        seconds = []
        for _ in range(4):
            start = time.perf_counter()
            compiled(batch).numpy()
            seconds.append(time.perf_counter() - start)
        return min(seconds)

    hand = best_seconds(hand_picked)
    one = best_seconds(keras.layers.RandAugment(num_ops=1, seed=0))
    two = best_seconds(keras.layers.RandAugment(num_ops=2, seed=0))
    three = best_seconds(keras.layers.RandAugment(num_ops=3, seed=0))
    assert two > 2 * hand, (hand, two)
    assert three > 1.3 * one, (one, three)


def test_randaugment_fills_by_reflection_and_has_no_fill_mode_argument():
    """7: RandAugment's shear, translation and rotation fill with 'reflect' (the Keras default),
    and RandAugment takes no fill_mode."""
    layer = keras.layers.RandAugment()
    assert all(getattr(layer, name).fill_mode == "reflect" for name in GEOMETRIC)
    assert "fill_mode" not in inspect.signature(keras.layers.RandAugment).parameters
    assert inspect.signature(keras.layers.RandomRotation).parameters["fill_mode"].default == \
        "reflect"


def test_on_gray_digits_colour_degeneration_changes_nothing():
    """7: on grayscale digits (one channel, [0, 1]) RandAugment's colour degeneration changes no
    image, while its rotation, translation and solarization change all of them."""
    digits, _ = load_digits(size=32, n=128)
    images = (digits / 255.0).astype(np.float32)
    layer = keras.layers.RandAugment(value_range=(0, 1), seed=0)
    op = layer.random_color_degeneration
    assert fraction_changed(lambda b: op(b, training=True), images, atol=1 / 255) == 0.0
    for name in ("random_rotation", "random_translation", "solarization"):
        op = getattr(layer, name)
        assert fraction_changed(lambda b, op=op: op(b, training=True), images,
                                atol=1 / 255) == 1.0, name


# ------------------------------------------------- the paper-versus-Keras table (end of section 6)

def test_augmix_rotation_turns_up_to_108_degrees_one_way():
    """6 (table): AugMix() with factor=0.3 rotates by 0 to 0.3 x 360 = 108 degrees,
    counter-clockwise as displayed, never the other way."""
    augcourse.set_seed(0)
    layer = keras.layers.AugMix(seed=0)
    assert layer.random_rotation.factor == (0, 0.3)
    rows, cols = dot_positions(layer.random_rotation, 16, 28, n=512)
    angles = np.degrees(np.arctan2(16 - rows, cols - 16))
    assert angles.min() >= -3 and 95 < angles.max() < 113


def test_augmix_chains_are_mostly_full_length():
    """6 (table): each of AugMix's chain_depth slots draws one of the 11 operations or nothing, all
    equally likely, so about 77 % of the chains have 3 operations (mean length about 2.75), where
    the AugMix code draws a depth of 1, 2 or 3 uniformly (mean 2)."""
    random.seed(0)
    layer = keras.layers.AugMix(seed=0)
    x = np.zeros((4, 8, 8, 3), np.float32)
    lengths = np.array([len(chain) for _ in range(150)
                        for chain in layer.get_random_transformation(x)["chain_transforms"]])
    assert 0.68 < np.mean(lengths == 3) < 0.86
    assert 2.6 < lengths.mean() < 2.9


def test_randaugment_strength_is_drawn_per_image_and_operations_per_call(photos):
    """6 (table): RandAugment draws each operation's strength per image (32 copies, 32 rotations),
    while its operation indices have shape (num_ops,) whatever the batch size."""
    layer = keras.layers.RandAugment(seed=0)
    assert count_distinct_draws(lambda b: layer.random_rotation(b.astype(np.float32),
                                                                training=True), photos[0]) == 32
    for n in (4, 16):
        x = np.repeat(photos, n // 4, axis=0).astype(np.float32)
        assert tuple(layer.get_random_transformation(x)["layer_idxes"].shape) == (2,)


def test_no_trivial_augment_in_keras_and_the_lesson_layer_picks_per_image(photos):
    """6 (table): Keras has no TrivialAugment layer; the lesson's layer picks one operation index
    per image, uniformly over its 10 operations, and apply_operations gives each image the output
    of the operation it picked (all Identity: the input)."""
    assert not hasattr(keras.layers, "TrivialAugment")
    trivial = TrivialAugment(trivial_operations(), seed=0)
    picks = np.asarray(trivial.pick_operations(2000))
    assert picks.shape == (2000,) and set(picks) == set(range(10))
    assert np.all(np.abs(np.bincount(picks) / 2000 - 0.1) < 0.03)
    x = photos.astype(np.float32)
    assert np.array_equal(np.asarray(trivial.apply_operations(x, np.zeros(4, np.int32))), x)
    rotated = np.asarray(trivial.apply_operations(x, np.ones(4, np.int32)))
    assert not np.array_equal(rotated, x)
