"""Lesson 09 (beyond): the statements and measurements the lesson rests on, asserted on the
installed versions. The section is named in each docstring."""

import augcourse  # before TensorFlow: it keeps its start-up log quiet
import numpy as np
import pytest
import tensorflow as tf

from augcourse.data import digits_split
from augcourse.models import accuracy, digit_augmenter, small_cnn, train


@pytest.fixture(scope="module")
def digits():
    split = digits_split(size=32)
    return (*split.train, *split.test)


def test_a_corner_mark_on_the_threes_becomes_a_shortcut_augmentation_keeps(digits):
    """2: trained with the digit augmentation on data where every 3 carries a 5 x 5 mark, the
    model reads many marked non-3s as 3 and misses more real 3s than the same model trained on
    clean data."""
    x, y, x_test, y_test = digits
    biased = x.copy()
    biased[y == 3, 1:6, 1:6] = 1.0
    fakes = x_test[y_test != 3][:100].copy()
    fakes[:, 1:6, 1:6] = 1.0
    real = x_test[y_test == 3]
    results = {}
    for name, data in (("clean", x), ("marked", biased)):
        augcourse.set_seed(0)  # the initial weights too: without it they depend on earlier tests
        model = small_cnn(augmenter=digit_augmenter())
        train(model, data, y, 60, seed=0)
        read = np.argmax(np.asarray(model(fakes, training=False)), axis=1)
        results[name] = (np.mean(read == 3), accuracy(model, real, np.full(len(real), 3)))
    # measured: marked non-3s read as 3 by 68 % (marked data) and 5 % (clean); real 3s 56 % / 100 %
    assert results["marked"][0] > 0.3 > 0.15 > results["clean"][0], results
    assert results["marked"][1] < results["clean"][1] - 0.1, results


def test_a_class_missing_from_training_is_never_predicted(digits):
    """3: without any 8 in the training data, the model reads no held-out 8 as an 8."""
    x, y, x_test, y_test = digits
    keep = y != 8
    augcourse.set_seed(0)
    model = small_cnn(augmenter=digit_augmenter())
    train(model, x[keep], y[keep], 20, seed=0)
    read = np.argmax(np.asarray(model(x_test[y_test == 8], training=False)), axis=1)
    assert not np.any(read == 8)


def test_stft_of_one_second_gives_122_frames_of_129_bins():
    """4: tf.signal.stft with frames of 256 samples every 64 gives 1 + (8000 - 256) // 64 = 122
    frames and 256 // 2 + 1 = 129 frequency bins for 8,000 samples."""
    signal = tf.sin(tf.linspace(0.0, 100.0, 8000))
    assert tf.signal.stft(signal, frame_length=256, frame_step=64).shape == (122, 129)
