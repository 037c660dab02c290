"""Lesson 08 (overfitting): every statement the lesson makes about TensorFlow and Keras, and the
measurements its story rests on, asserted on the installed versions. The section is named in
each docstring. (That load_tf_flowers raises at once without the data is tested in
test_augcourse.py.)"""

import augcourse  # noqa: F401  (quiet TensorFlow before it loads)
import keras
import numpy as np
import pytest
import tensorflow as tf

from augcourse.data import digits_split
from augcourse.models import accuracy, digit_augmenter, small_cnn, train
from lesson_code import lesson_definitions


@pytest.fixture(scope="module")
def digits():
    return digits_split(size=32)


def test_dropout_zeroes_a_share_in_training_and_nothing_at_inference():
    """3: Dropout(0.3) switches off about 30 % of the outputs at each training step (scaling the
    rest up) and passes everything at inference."""
    layer = keras.layers.Dropout(0.3, seed=1)
    ones = np.ones((200, 100), np.float32)
    trained = np.asarray(layer(ones, training=True))
    assert 0.27 < np.mean(trained == 0) < 0.33
    assert np.allclose(trained[trained != 0], 1 / 0.7)
    assert np.array_equal(np.asarray(layer(ones, training=False)), ones)


def test_adamw_pulls_weights_towards_zero_at_each_step():
    """3: AdamW with weight_decay shrinks a weight by learning_rate * weight_decay of itself per
    step, even when the loss gives it no gradient."""
    weight = keras.Variable(np.ones(3, np.float32))
    optimizer = keras.optimizers.AdamW(learning_rate=0.01, weight_decay=0.05)
    optimizer.apply_gradients([(tf.zeros(3), weight)])
    assert np.allclose(np.asarray(weight), 1 - 0.01 * 0.05)


def test_sensible_augmentation_beats_none_and_flips_mix_up_sixes_and_nines(digits):
    """1, 2: on 300 digits, the sensible augmentation gives a higher held-out accuracy than none
    and a smaller train-validation gap; flips score lower and mix up more 6s and 9s. (One seed
    here; the lesson uses three.)"""
    (x, y), (x_val, y_val), (x_test, y_test) = digits
    scores = {}
    for kind, augmenter in (("none", None), ("sensible", digit_augmenter()),
                            ("wrong", keras.layers.RandomFlip("horizontal_and_vertical"))):
        model = small_cnn(augmenter=augmenter, seed=0)  # every kind from the same weights
        train(model, x, y, 60, seed=0)
        scores[kind] = (accuracy(model, x, y) - accuracy(model, x_val, y_val),
                        accuracy(model, x_test, y_test), model)
    assert scores["sensible"][1] > scores["none"][1] + 0.01
    assert scores["sensible"][0] < scores["none"][0]
    assert scores["wrong"][1] < scores["sensible"][1] - 0.01

    def six_nine_mixups(model):
        read = np.argmax(np.asarray(model(x_test, training=False)), axis=1)
        return np.sum(read[y_test == 9] == 6) + np.sum(read[y_test == 6] == 9)

    assert six_nine_mixups(scores["wrong"][2]) > six_nine_mixups(scores["none"][2])


def test_random_zoom_factor_draws_sizes_between_one_over_one_plus_and_one_minus_it():
    """Problem set 8, [1d]: RandomZoom(0.15) zooms both ways, and a zoom of 15 % "as RandomZoom
    counts it" draws a digit between 1 / 1.15 and 1 / 0.85 of its size (a positive factor zooms
    out). Measured as ps08's grader measures it, the spread of a centred square's brightness."""
    keras.utils.set_random_seed(3)
    square = np.zeros((400, 32, 32, 1), np.float32)
    square[:, 8:24, 8:24] = 1.0
    out = np.asarray(keras.layers.RandomZoom(0.15, fill_mode="constant")(square, training=True))

    def spread(images):
        pixels = images[..., 0].astype(np.float64)
        rows, columns = np.mgrid[:32, :32]
        mass = pixels.sum(axis=(1, 2))
        total = 0.0
        for grid in (rows, columns):
            centre = (pixels * grid).sum(axis=(1, 2)) / mass
            total = total + (pixels * (grid - centre[:, None, None]) ** 2).sum(axis=(1, 2)) / mass
        return np.sqrt(total)

    size = spread(out) / spread(square[:1])
    # bilinear interpolation blurs a little, which adds up to about 0.02 to a measured size
    assert 1 / 1.15 - 0.005 <= size.min() <= 1 / 1.15 + 0.03
    assert 1 / 0.85 - 0.01 <= size.max() <= 1 / 0.85 + 0.03


def test_every_kind_starts_from_the_same_weights(digits):
    """1: the lesson's own build() gives none, sensible and wrong (and any dropout rate) the same
    initial weights for a seed, and another seed other weights; its fingerprint tells them
    apart."""
    (x, _), _, _ = digits
    lesson = lesson_definitions("08_overfitting", "s1-train", keras=keras, np=np,
                                small_cnn=small_cnn, digit_augmenter=digit_augmenter,
                                DATA="digits", x_train=x, CLASSES=10)
    build, fingerprint = lesson["build"], lesson["start_fingerprint"]

    def kernels(model):
        return [np.asarray(layer.kernel) for layer in model.layers if hasattr(layer, "kernel")]

    starts = [kernels(build(kind, 1)) for kind in ("none", "sensible", "wrong")]
    starts.append(kernels(build("none", 1, dropout=0.4)))
    for start in starts[1:]:
        assert all(np.array_equal(a, b) for a, b in zip(starts[0], start, strict=True))
    assert fingerprint(build("none", 1)) == fingerprint(build("sensible", 1))
    assert fingerprint(build("none", 1)) != fingerprint(build("none", 2))
