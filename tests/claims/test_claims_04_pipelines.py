"""Lesson 04 (pipelines): every statement the lesson makes about TensorFlow and Keras,
asserted on the installed versions. The section is named in each docstring."""

import json
from pathlib import Path

import augcourse  # noqa: F401  (quiet TensorFlow before it loads)
import keras
import numpy as np
import pytest
import tensorflow as tf

from augcourse.detectors import repeated_draws
from augcourse.pipelines import make_batch_augmenter

from lesson_code import lesson_definitions

RNG = np.random.default_rng(4)
IMAGES = RNG.random((64, 16, 16, 1)).astype(np.float32)
LABELS = np.arange(64) % 10


def augmenter():
    return keras.Sequential([keras.layers.RandomRotation(0.05, fill_mode="constant"),
                             keras.layers.RandomTranslation(0.1, 0.1, fill_mode="constant"),
                             keras.layers.RandomZoom(0.1, fill_mode="constant")])


# the lesson's counter (section 2): a pass-through layer counting its training-mode calls
CountTraining = lesson_definitions("04_pipelines", "s2-counter", keras=keras)["CountTraining"]


def test_fit_runs_the_model_in_training_mode_once_per_step_predict_evaluate_never():
    """2: after fit for 2 epochs of 5 batches the counter is 10; predict and evaluate add 0."""
    counter = CountTraining()
    model = keras.Sequential([keras.Input((16, 16, 1)), counter, augmenter(),
                              keras.layers.Flatten(), keras.layers.Dense(10)])
    model.compile("adam", keras.losses.SparseCategoricalCrossentropy(from_logits=True))
    model.fit(IMAGES[:40], LABELS[:40], batch_size=8, epochs=2, verbose=0)
    assert int(counter.calls.numpy()) == 10
    model.predict(IMAGES[:40], verbose=0)
    model.evaluate(IMAGES[:40], LABELS[:40], verbose=0)
    assert int(counter.calls.numpy()) == 10


def test_direct_model_call_augments_predict_and_training_false_do_not():
    """2: predict twice gives the same result; model(x) twice does not; training=False does."""
    model = keras.Sequential([keras.Input((16, 16, 1)), augmenter(), keras.layers.Flatten(),
                              keras.layers.Dense(3)])
    batch = IMAGES[:8]
    assert np.array_equal(model.predict(batch, verbose=0), model.predict(batch, verbose=0))
    assert not np.array_equal(model(batch), model(batch))
    assert np.array_equal(model(batch, training=False), model(batch, training=False))


def test_keras_layers_work_in_a_map_but_must_be_built_outside():
    """1: Keras layers run inside Dataset.map; creating one inside the map function fails."""
    layers = augmenter()
    dataset = tf.data.Dataset.from_tensor_slices(IMAGES).batch(8)
    out = next(iter(dataset.map(lambda x: layers(x, training=True))))
    assert out.shape == (8, 16, 16, 1) and not np.array_equal(out, IMAGES[:8])
    with pytest.raises(ValueError, match="singleton tf.Variables"):
        next(iter(dataset.map(lambda x: keras.layers.RandomRotation(0.1)(x, training=True))))


def test_map_before_batch_draws_per_image_after_batch_once():
    """4: tf.image.random_brightness mapped before batch gives each image its own change,
    after batch one change for the batch; keras RandomBrightness after batch draws per image."""
    gray = tf.data.Dataset.from_tensor_slices(tf.fill((64, 4, 4, 1), 0.5))
    layer = keras.layers.RandomBrightness(0.2, value_range=(0, 1))

    def distinct(dataset):
        return len(np.unique(next(iter(dataset)).numpy()[:, 0, 0, 0].round(5)))

    assert distinct(gray.map(lambda x: tf.image.random_brightness(x, 0.2)).batch(64)) > 32
    assert distinct(gray.batch(64).map(lambda x: tf.image.random_brightness(x, 0.2))) == 1
    assert distinct(gray.batch(64).map(lambda x: layer(x, training=True))) > 32


def test_shuffle_after_batch_only_shuffles_whole_batches():
    """5: after batch, shuffle moves whole batches: the same images always share a batch."""
    numbers = tf.data.Dataset.range(32)
    for batch in numbers.batch(4).shuffle(8, seed=1):
        values = sorted(batch.numpy().tolist())
        assert values == list(range(values[0], values[0] + 4)) and values[0] % 4 == 0
    mixed = [sorted(b.numpy().tolist()) for b in numbers.shuffle(32, seed=1).batch(4)]
    assert any(b != list(range(b[0], b[0] + 4)) for b in mixed)


def test_cache_after_shuffle_replays_the_first_order_cache_before_shuffle_does_not():
    """5: `shuffle().cache()` stores the first epoch's order and replays it; `cache().shuffle()`
    gives a new order every epoch (three epochs each, eight elements: 8! orders)."""
    replayed = tf.data.Dataset.range(8).shuffle(8).cache()
    fresh = tf.data.Dataset.range(8).cache().shuffle(8)
    epochs = [list(replayed.as_numpy_iterator()) for _ in range(3)]
    assert epochs[0] == epochs[1] == epochs[2] and sorted(epochs[0]) == list(range(8))
    epochs = [list(fresh.as_numpy_iterator()) for _ in range(3)]
    assert len({tuple(e) for e in epochs}) > 1


def test_cache_after_random_map_freezes_the_augmentation():
    """5: a cache after the random map replays epoch one; a cache before it does not."""
    layers = augmenter()
    source = tf.data.Dataset.from_tensor_slices(IMAGES)
    frozen = source.map(lambda x: layers(x, training=True)).cache().batch(64)
    fresh = source.cache().map(lambda x: layers(x, training=True)).batch(64)
    assert np.array_equal(next(iter(frozen)), next(iter(frozen)))
    assert not np.array_equal(next(iter(fresh)), next(iter(fresh)))


def test_set_random_seed_repeats_python_numpy_and_tensorflow_draws():
    """7: keras.utils.set_random_seed seeds Python, NumPy and TensorFlow at once."""
    import random

    def draws():
        return random.random(), np.random.rand(), float(tf.random.uniform(()))

    keras.utils.set_random_seed(11)
    first = draws()
    keras.utils.set_random_seed(11)
    assert draws() == first


def _seeded(rerandomize):
    seeds = tf.data.Dataset.random(seed=7, rerandomize_each_iteration=rerandomize).batch(2)
    pairs = tf.data.Dataset.zip((tf.data.Dataset.from_tensor_slices(IMAGES[:16]), seeds))
    return pairs.map(lambda image, seed: tf.image.stateless_random_flip_left_right(image, seed),
                     num_parallel_calls=tf.data.AUTOTUNE).batch(16)


@pytest.mark.parametrize("rerandomize", [False, True])
def test_stateless_seeds_reproduce_runs_and_rerandomize_each_epoch(rerandomize):
    """7: per-element seeds from Dataset.random make a parallel pipeline repeat a fresh run
    exactly; the seeds (and the augmentation) repeat every epoch unless
    rerandomize_each_iteration=True."""
    pipeline = _seeded(rerandomize)
    epoch1, epoch2 = (next(iter(pipeline)).numpy() for _ in range(2))
    assert np.array_equal(epoch1, next(iter(_seeded(rerandomize))).numpy())
    assert np.array_equal(epoch1, epoch2) == (not rerandomize)


def test_functional_training_false_at_construction_is_overridden_in_training_mode():
    """2: augmenter(inputs, training=False) inside a functional model still augments when the
    model runs with training=True (Keras 3 passes the outer flag down)."""
    layers = augmenter()
    inputs = keras.Input((16, 16, 1))
    model = keras.Model(inputs, keras.layers.Flatten()(layers(inputs, training=False)))
    batch = IMAGES[:8]
    assert not np.array_equal(model(batch, training=True), batch.reshape(8, -1))
    assert np.array_equal(model(batch, training=False), batch.reshape(8, -1))


def test_generator_from_seed_is_its_own_stream():
    """7: two generators from the same seed draw the same numbers, whatever global draws
    happen in between."""
    first, second = tf.random.Generator.from_seed(3), tf.random.Generator.from_seed(3)
    draws_first = first.uniform([4])
    tf.random.uniform([100])
    assert np.array_equal(draws_first, second.uniform([4]))


def _repeated_draws(batch_fn, parallel, epochs=100):
    """Share of the draws of an epoch (8 batches of 32 gray squares) that repeat another."""
    squares = tf.data.Dataset.from_tensor_slices(tf.fill((256, 4, 4, 1), 0.5)).batch(32)
    mapped = squares.map(batch_fn, num_parallel_calls=tf.data.AUTOTUNE if parallel else None)
    return repeated_draws(mapped, epochs)


def test_parallel_map_repeats_keras_layer_draws_plain_map_and_generator_do_not():
    """7: in a parallel map, calls of a Keras random layer can read the same seed state and
    repeat each other's draws (a few percent of them on 2 cores); a plain map and a
    tf.random.Generator in a parallel map do not."""
    layer = keras.layers.RandomBrightness(0.2, value_range=(0, 1))
    stream = tf.random.Generator.from_seed(5)

    def keras_shift(x):
        return layer(x, training=True)

    def generator_shift(x):
        return x + stream.uniform([32, 1, 1, 1], -0.2, 0.2)

    # 0.5 + a float32 draw takes one of a few million values, so two of an epoch's 256 draws
    # coincide by chance in about one epoch of 200: a chance repeat stays far below 0.001
    assert _repeated_draws(keras_shift, parallel=False) < 0.001
    assert _repeated_draws(keras_shift, parallel=True) > 0.005
    assert _repeated_draws(generator_shift, parallel=True) < 0.001


def test_sequential_first_called_on_one_image_mishandles_batches():
    """6: a keras.Sequential without an Input, first called on a single image, drops the channel
    axis of a batch given later; one built on a batch, or with an Input, keeps it."""
    batch = np.full((8, 16, 16, 1), 0.5, np.float32)
    single_first = augmenter()
    single_first(batch[0], training=True)
    assert np.asarray(single_first(batch, training=True)).shape == (8, 16, 16)
    assert np.asarray(augmenter()(batch, training=True)).shape == batch.shape
    with_input = keras.Sequential([keras.Input((16, 16, 1)), *augmenter().layers])
    assert np.asarray(with_input(batch, training=True)).shape == batch.shape


# ---- section 6: the committed benchmark run that the lesson plots --------------------------

MEASURED = json.loads((Path(__file__).resolve().parents[2] / "benchmarks" / "measured"
                       / "augmentation_throughput.json").read_text())["results"]
RECIPES = ("recipe", "recipe_unordered", "recipe_private_pool")


@pytest.mark.parametrize("setting", sorted(MEASURED))
def test_committed_benchmark_says_what_section_6_says(setting):
    """6 ("where each one wins") and the key points, on the committed figures, column by column."""
    rate = MEASURED[setting]["images_per_second"]
    others = {m: r for m, r in rate.items() if m not in RECIPES and m != "copy_floor"}
    assert min(rate[m] for m in RECIPES) > max(others.values()), "the recipes are the fastest"
    assert rate["recipe"] > rate["albumentations"]
    assert rate["recipe"] >= 2 * rate["tf_image_serial"]
    assert rate["recipe"] >= 2.5 * rate["projective_no_xla"], "XLA: several times faster"
    for variant in RECIPES[1:]:
        assert 0.5 < rate[variant] / rate["recipe"] < 1.5, "the options change less than half"
    assert rate["keras_batch"] < rate["tf_image_parallel"]
    assert rate["keras_batch_parallel"] > rate["keras_batch"]
    assert rate["albumentations_tf"] <= 1.05 * rate["albumentations"], "no faster than its loop"
    if MEASURED[setting]["size"] >= 224:
        assert rate["albumentations"] > max(rate["tf_image_serial"], rate["tf_image_parallel"])
    else:
        assert rate["albumentations"] < rate["tf_image_parallel"]


# ---- section 8: the recipe ------------------------------------------------------------------

training_pipeline = lesson_definitions("04_pipelines", "s8-recipe", tf=tf)["training_pipeline"]


def _epoch(pipeline):
    batches = list(pipeline.as_numpy_iterator())
    return np.concatenate([b[0] for b in batches]), np.concatenate([b[1] for b in batches])


def test_recipe_draws_per_image_anew_each_epoch_repeats_when_rebuilt_and_keeps_pairs():
    """8: each image its own draw; new seeds (and order) every epoch; the same images when the
    pipeline is built again; every example once per epoch with its own label."""
    augment = make_batch_augmenter(max_degrees=18, zoom=(0.9, 1.1), max_shift=0.1)
    ids = np.arange(40)
    coded = np.ones((40, 8, 8, 1), np.float32) * ((ids + 1) / 64.0)[:, None, None, None]
    data = training_pipeline(coded, ids, augment, seed=3, batch_size=16)
    first, second = _epoch(data), _epoch(data)
    again = _epoch(training_pipeline(coded, ids, augment, seed=3, batch_size=16))
    for images, labels in (first, second):
        assert sorted(labels.tolist()) == ids.tolist()
        centre = np.rint(images[:, 4, 4, 0] * 64).astype(int) - 1  # the centre survives
        assert np.array_equal(centre, labels), "each label stays with its image"
    assert not np.array_equal(first[1], second[1]), "a new order every epoch"
    np.testing.assert_array_equal(again[0], first[0])
    np.testing.assert_array_equal(again[1], first[1])
    copies = np.repeat(IMAGES[:1], 32, axis=0)
    one_batch = _epoch(training_pipeline(copies, LABELS[:32], augment, seed=1, batch_size=32))
    assert len({image.tobytes() for image in one_batch[0]}) == 32


def test_recipe_in_a_parallel_map_shares_no_draw():
    """8: parallel calls cannot share draws, because each call brings its own seed."""
    brighten = make_batch_augmenter(max_brightness=0.2)
    squares = np.full((256, 4, 4, 1), 0.5, np.float32)
    data = training_pipeline(squares, np.zeros(256), brighten, seed=0, batch_size=32).map(
        lambda images, labels: images)
    # two float32 draws can coincide by chance (about one epoch in 10 here, one repeat);
    # a shared draw repeats a whole batch of 32
    assert repeated_draws(data, epochs=30) < 0.001


def test_detector_finds_the_parallel_keras_map_and_passes_plain_map_and_generator():
    """7: parallel_maps_writing_state flags a parallel map of a Keras random layer, and not a
    plain map of it or a parallel map drawing from a tf.random.Generator (the lesson's three)."""
    from augcourse.detectors import parallel_maps_writing_state

    squares = tf.data.Dataset.from_tensor_slices(tf.fill((64, 4, 4, 1), 0.5)).batch(32)
    layer = keras.layers.RandomBrightness(0.2, value_range=(0, 1))
    stream = tf.random.Generator.from_seed(5)
    autotune = tf.data.AUTOTUNE
    assert parallel_maps_writing_state(squares.map(lambda x: layer(x, training=True),
                                                   num_parallel_calls=autotune)) == ["ParallelMap"]
    assert parallel_maps_writing_state(squares.map(lambda x: layer(x, training=True))) == []
    assert parallel_maps_writing_state(squares.map(
        lambda x: x + stream.uniform([32, 1, 1, 1]), num_parallel_calls=autotune)) == []


def test_keras_layers_over_batches_are_faster_than_over_single_images():
    """6 (and lesson 5, section 3): one call of the Keras layers per batch is much faster than
    one per image, each with a plain map (measured 3-7x on 2 cores; asserted: 1.5x)."""
    from augcourse.pipelines import images_per_second

    digits = np.repeat(IMAGES, 8, axis=0)  # 512 images
    per_image, per_batch = augmenter(), augmenter()
    source = tf.data.Dataset.from_tensor_slices(digits)
    rate_image = max(images_per_second(
        source.map(lambda x: per_image(x, training=True)).batch(64), min_seconds=0.3)
        for _ in range(2))
    rate_batch = max(images_per_second(
        source.batch(64).map(lambda x: per_batch(x, training=True)), min_seconds=0.3)
        for _ in range(2))
    assert rate_batch > 1.5 * rate_image, (rate_batch, rate_image)
