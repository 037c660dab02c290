"""Each detector fires on the buggy pipeline and stays quiet on the fixed one."""

import augcourse  # noqa: F401  (quiet TensorFlow before it loads)
import keras
import numpy as np
import pytest
import tensorflow as tf

from augcourse import ImageInputError
from augcourse.detectors import (count_distinct_draws, fraction_changed, is_repeatable,
                                 parallel_maps_writing_state, repeated_draws,
                                 repeats_across_epochs)
from augcourse.pipelines import make_batch_augmenter

RNG = np.random.default_rng(5)
IMAGE = RNG.random((16, 16, 3)).astype(np.float32) * 0.5 + 0.25
BATCH = RNG.random((32, 16, 16, 3)).astype(np.float32) * 0.5 + 0.25


def test_count_distinct_draws_tells_per_batch_from_per_image():
    per_batch = count_distinct_draws(lambda b: tf.image.random_brightness(b, 0.2), IMAGE)
    layer = keras.layers.RandomBrightness(0.2, value_range=(0, 1))
    per_image = count_distinct_draws(lambda b: layer(b, training=True), IMAGE)
    assert per_batch == 1 and per_image == 32


def test_fraction_changed_finds_augmentations_that_do_nothing():
    def rounds_to_no_turn(batch):  # a seed text's "custom rotation": k is always 0
        angle = tf.random.uniform([], -0.31, 0.31)
        return tf.image.rot90(batch, k=tf.cast(tf.round(angle / 1.57), tf.int32))

    rotation = keras.layers.RandomRotation(0.1)
    assert fraction_changed(rounds_to_no_turn, BATCH) == 0.0
    assert fraction_changed(lambda b: rotation(b, training=False), BATCH) == 0.0
    assert fraction_changed(lambda b: rotation(b, training=True), BATCH) == 1.0
    assert fraction_changed(lambda b: tf.image.random_crop(b, (32, 8, 8, 3)), BATCH) == 1.0


def test_repeats_across_epochs_fires_on_cache_after_the_random_map():
    layer = keras.layers.RandomRotation(0.1)
    source = tf.data.Dataset.from_tensor_slices(BATCH)
    frozen = source.map(lambda x: layer(x, training=True)).cache().shuffle(32).batch(8)
    fresh = source.cache().shuffle(32).map(lambda x: layer(x, training=True)).batch(8)
    assert repeats_across_epochs(frozen)
    assert not repeats_across_epochs(fresh)


def test_is_repeatable_separates_validation_from_training_pipelines():
    source = tf.data.Dataset.from_tensor_slices((BATCH, np.arange(32)))
    assert is_repeatable(source.batch(8).prefetch(2))
    assert not is_repeatable(source.shuffle(32).batch(8))
    layer = keras.layers.RandomContrast((0.5, 0.5), value_range=(0, 1))
    assert not is_repeatable(source.batch(8).map(lambda x, y: (layer(x, training=True), y)))


def test_repeated_draws_counts_images_that_share_a_draw():
    copies = tf.data.Dataset.from_tensor_slices(np.repeat(IMAGE[None], 64, axis=0)).batch(16)
    layer = keras.layers.RandomBrightness(0.2, value_range=(0, 1))
    assert repeated_draws(copies.map(lambda x: layer(x, training=True)), epochs=2) == 0.0
    # one draw per batch of 16: 15 of every 16 images repeat their batch's first
    per_batch = copies.map(lambda x: tf.image.random_brightness(x, 0.2))
    assert repeated_draws(per_batch) == 60 / 64
    with pytest.raises(ValueError, match="epochs must be 1 or more"):
        repeated_draws(copies, epochs=0)


def test_detectors_reject_bad_input():
    with pytest.raises(ImageInputError, match="rank 4"):
        count_distinct_draws(lambda b: b, BATCH)
    with pytest.raises(ValueError, match="at least 2"):
        count_distinct_draws(lambda b: b, IMAGE, batch_size=1)
    with pytest.raises(ValueError, match="returned 1 images for a batch of 32"):
        count_distinct_draws(lambda b: b[:1], IMAGE)
    with pytest.raises(ValueError, match="empty"):
        is_repeatable(tf.data.Dataset.from_tensor_slices(BATCH).take(0).batch(4))


def _gray_batches():
    return tf.data.Dataset.from_tensor_slices(np.full((64, 4, 4, 1), 0.5, np.float32)).batch(16)


def test_parallel_maps_writing_state_finds_keras_layers_in_parallel_maps_only():
    """A Keras random layer writes its seed state on every call: a hazard in a parallel map
    (also nested in a Sequential, or per image), none in a plain map; a Generator, stateless
    seeds per batch and tf.image ops write no variable."""
    autotune = tf.data.AUTOTUNE
    layer = keras.layers.RandomBrightness(0.2, value_range=(0, 1))
    nested = keras.Sequential([keras.layers.RandomTranslation(0.1, 0.1)])
    generator = tf.random.Generator.from_seed(1)
    seeds = tf.data.Dataset.random(seed=1, rerandomize_each_iteration=True).batch(2)
    augment = make_batch_augmenter(max_brightness=0.2)
    counter = tf.Variable(0)

    def count(images):
        counter.assign_add(1)
        return images

    batches = _gray_batches()
    images = batches.unbatch()
    hazards = {
        "keras layer, parallel map": batches.map(lambda x: layer(x, training=True),
                                                 num_parallel_calls=autotune),
        "Sequential per image, parallel map": images.map(lambda x: nested(x, training=True),
                                                         num_parallel_calls=autotune).batch(16),
        "a counter, parallel map": batches.map(count, num_parallel_calls=autotune),
    }
    safe = {
        "keras layer, plain map": batches.map(lambda x: layer(x, training=True)),
        "generator, parallel map": batches.map(lambda x: x + generator.uniform([16, 1, 1, 1]),
                                               num_parallel_calls=autotune),
        "recipe, parallel map": tf.data.Dataset.zip((batches, seeds)).map(
            augment, num_parallel_calls=autotune),
        "tf.image, parallel map": images.map(lambda x: tf.image.random_brightness(x, 0.2),
                                             num_parallel_calls=autotune),
        "no map": batches.prefetch(2),
    }
    for name, dataset in hazards.items():
        assert parallel_maps_writing_state(dataset) == ["ParallelMap"], name
    for name, dataset in safe.items():
        assert parallel_maps_writing_state(dataset) == [], name
    two = hazards["keras layer, parallel map"].map(lambda x: layer(x, training=True),
                                                   num_parallel_calls=autotune)
    assert parallel_maps_writing_state(two) == ["ParallelMap", "ParallelMap"]
    with pytest.raises(TypeError, match="expected a tf.data.Dataset"):
        parallel_maps_writing_state([1, 2])
