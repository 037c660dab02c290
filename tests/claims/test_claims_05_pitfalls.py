"""Claims of lesson 05 (pitfalls), asserted on the installed TensorFlow and Keras.

Claims already asserted for earlier lessons are not repeated here: per-batch draws of
tf.image.random_* and RandomCrop (test_claims_02/03), cache after a random map and shuffle after
batch (test_claims_04), direct calls augment (test_claims_02/04).
"""

from collections import Counter

import augcourse  # noqa: F401  (quiet TensorFlow logs)
import keras
import numpy as np
import pytest
import tensorflow as tf

from augcourse.data import digits_split, left_right_arrows
from augcourse.detectors import fraction_changed
from augcourse.models import accuracy, digit_augmenter, small_cnn, train


@pytest.fixture(scope="module")
def digits():
    """Lesson 5's data: the course's split with 1,000 training digits."""
    return digits_split(size=32, n_train=1000)


@pytest.fixture(scope="module")
def plain_model(digits):
    augcourse.set_seed(0)  # a module fixture: built before the claims' own seeding (conftest)
    model = small_cnn()
    train(model, *digits.train, epochs=6)
    return model


def test_half_turn_not_mirror_turns_sixes_into_nines(digits, plain_model):
    x_test, y_test = digits.test
    sixes = y_test == 6

    def six_as_nine(batch):
        predicted = np.argmax(np.asarray(plain_model(batch, training=False)), axis=1)
        return np.mean(predicted[sixes] == 9), np.mean(predicted == y_test)

    clean = accuracy(plain_model, x_test, y_test)
    mirrored_69, mirrored_acc = six_as_nine(x_test[:, :, ::-1])
    turned_69, turned_acc = six_as_nine(x_test[:, ::-1, ::-1])
    assert clean > 0.9
    assert mirrored_69 < 0.1, "a mirrored 6 is not read as a 9"
    assert turned_69 > 0.5, "a 6 turned by half a turn is read as a 9"
    assert mirrored_acc < clean - 0.3 and turned_acc < clean - 0.3


def test_augmented_validation_scores_lower_and_moves(digits, plain_model):
    x_test, y_test = digits.test
    augment = digit_augmenter()
    honest = accuracy(plain_model, x_test, y_test)
    scores = [accuracy(plain_model, np.asarray(augment(x_test)), y_test) for _ in range(3)]
    assert max(scores) < honest and len(set(scores)) > 1


def test_strong_rotation_hurts_and_mild_rotation_does_not(digits):
    """9: the strength curve's ends on the validation digits (what the lesson's curve shows), with
    one seed and fewer epochs than the lesson: a small rotation scores about as well as none or
    better (within 0.02), the strongest one far lower."""
    (x_train, y_train), (x_val, y_val) = digits.train, digits.validation
    x_small, y_small = x_train[:300], y_train[:300]
    scores = {}
    for strength in (0.0, 0.05, 0.5):
        rotate = (keras.Sequential([keras.layers.RandomRotation(strength, fill_mode="constant")])
                  if strength else None)
        model = small_cnn(augmenter=rotate)
        train(model, x_small, y_small, epochs=15)
        scores[strength] = accuracy(model, x_val, y_val)
    assert scores[0.5] < scores[0.0] - 0.08, scores
    assert scores[0.05] > scores[0.0] - 0.02, scores


def test_seed_text_rotation_never_rotates():
    angles = np.random.default_rng(0).uniform(-0.1, 0.1, 10000) * 3.14159
    assert set(np.round(angles / 1.57).astype(int)) == {0}
    image = tf.constant(np.random.default_rng(1).random((8, 8, 1)), tf.float32)
    angle = tf.constant(0.1 * 3.14159)
    assert np.array_equal(tf.image.rot90(image, tf.cast(tf.round(angle / 1.57), tf.int32)), image)


def test_shear_and_colour_jitter_defaults_change_nothing():
    batch = np.random.default_rng(0).random((8, 16, 16, 3)).astype(np.float32)
    assert fraction_changed(lambda b: keras.layers.RandomShear()(b), batch) == 0.0
    assert fraction_changed(lambda b: keras.layers.RandomColorJitter()(b), batch) == 0.0
    assert fraction_changed(lambda b: keras.layers.RandomShear(x_factor=0.3)(b), batch) > 0.5


def test_random_flip_on_both_axes_never_flips_one_axis_alone():
    marked = np.zeros((256, 4, 4, 1), np.float32)
    marked[:, 0, 0] = 1.0
    out = np.asarray(keras.layers.RandomFlip("horizontal_and_vertical", seed=1)(marked))
    corners = Counter(tuple(int(v) for v in np.argwhere(o[..., 0] == 1)[0]) for o in out)
    assert set(corners) == {(0, 0), (3, 3)}, corners


def test_random_crop_does_not_crop_at_inference():
    model = keras.Sequential([keras.Input((16, 16, 1)), keras.layers.RandomCrop(10, 10)])
    assert tuple(model.output_shape[1:]) == (10, 10, 1)
    assert model.predict(np.zeros((2, 16, 16, 1)), verbose=0).shape[1:] == (16, 16, 1)


def test_global_seed_makes_random_ops_in_a_map_replay_each_epoch():
    augcourse.set_seed(0)
    keras_shift = keras.layers.RandomBrightness(0.2, value_range=(0, 1))
    generator = tf.random.Generator.from_seed(0)

    def two_epochs(draw):
        dataset = tf.data.Dataset.range(6).map(lambda i: draw())
        return [[float(v) for v in dataset] for _ in range(2)]

    first, second = two_epochs(lambda: tf.random.uniform([]))
    assert first == second, "tf.random.uniform in a map repeats under a global seed"
    first, second = two_epochs(lambda: tf.image.random_brightness(tf.zeros([1]), 0.2)[0])
    assert first == second
    parallel = tf.data.Dataset.range(32).map(lambda i: tf.random.uniform([]),
                                             num_parallel_calls=tf.data.AUTOTUNE)
    first, second = ([float(v) for v in parallel] for _ in range(2))
    assert sorted(first) == sorted(second), "a parallel map replays the same draws, reordered"
    first, second = two_epochs(
        lambda: tf.reshape(keras_shift(tf.fill((1, 1, 1), 0.5), training=True), []))
    assert first != second, "Keras layers keep drawing"
    first, second = two_epochs(lambda: generator.uniform([]))
    assert first != second, "a Generator keeps drawing"


def test_leaky_split_scores_higher_than_a_split_by_source(digits):
    images, labels = digits.train
    augment = keras.Sequential([
        keras.layers.RandomRotation(0.05, fill_mode="constant"),
        keras.layers.RandomTranslation(0.1, 0.1, fill_mode="constant")])
    keras.utils.set_random_seed(0)
    copies = np.concatenate([images[:300]] + [np.asarray(augment(images[:300], training=True))
                                              for _ in range(4)])
    sources = np.tile(np.arange(300), 5)
    y = labels[sources]
    rng = np.random.default_rng(0)

    def nn_accuracy(fit, evaluate):
        a = copies[fit].reshape(len(fit), -1)
        b = copies[evaluate].reshape(len(evaluate), -1)
        d = (b ** 2).sum(1)[:, None] - 2 * b @ a.T + (a ** 2).sum(1)[None]
        return np.mean(y[fit][d.argmin(1)] == y[evaluate])

    shuffled = rng.permutation(1500)
    leaky = nn_accuracy(shuffled[:1200], shuffled[1200:])
    in_val = np.isin(sources, rng.permutation(300)[:60])
    honest = nn_accuracy(np.flatnonzero(~in_val), np.flatnonzero(in_val))
    assert leaky > honest + 0.02, (leaky, honest)


def test_arrows_flip_into_the_other_class():
    images, labels = left_right_arrows(64, seed=3)
    mass_right = images[:, :, 16:].sum(axis=(1, 2, 3))
    mass_left = images[:, :, :16].sum(axis=(1, 2, 3))
    # the head (wide end) is at the tip: a right arrow has it on the right of its own centre;
    # mirroring swaps which side every pixel is on
    mirrored = images[:, :, ::-1]
    assert np.allclose(mirrored[:, :, 16:].sum(axis=(1, 2, 3)), mass_left)
    assert np.allclose(mirrored[:, :, :16].sum(axis=(1, 2, 3)), mass_right)
    assert set(labels.tolist()) == {0, 1}
