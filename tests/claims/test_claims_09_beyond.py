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
        model = small_cnn(augmenter=digit_augmenter(), seed=0)  # as the lesson builds it
        train(model, data, y, 60, seed=0)
        read = np.argmax(np.asarray(model(fakes, training=False)), axis=1)
        results[name] = (np.mean(read == 3), accuracy(model, real, np.full(len(real), 3)))
    assert results["marked"][0] > 0.15 > 0.05 > results["clean"][0], results
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


def test_keras_layers_move_boxes_and_masks_with_the_image():
    """4: given a dict with bounding_boxes (and a bounding_box_format) and segmentation_masks,
    RandomFlip flips the boxes and masks with the images, and RandomRotation returns a box that
    still encloses the turned object."""
    import keras

    scenes = np.zeros((16, 32, 48, 3), np.float32)
    scenes[:, 4:12, 2:10] = 1.0
    labelled = {"images": scenes,
                "bounding_boxes": {"boxes": np.tile([[[2.0, 4.0, 10.0, 12.0]]], (16, 1, 1)),
                                   "labels": np.zeros((16, 1), np.int32)},
                "segmentation_masks": scenes[..., :1].copy()}
    flip = keras.layers.RandomFlip("horizontal", bounding_box_format="xyxy", seed=1)
    out = flip(labelled, training=True)
    images, masks = np.asarray(out["images"]), np.asarray(out["segmentation_masks"])
    boxes = np.asarray(out["bounding_boxes"]["boxes"])[:, 0]
    flipped = boxes[:, 0] > 24
    assert 0 < flipped.sum() < 16, "a random flip flips some images, not all"
    np.testing.assert_allclose(boxes[flipped], [[38, 4, 46, 12]] * int(flipped.sum()))
    np.testing.assert_allclose(boxes[~flipped], [[2, 4, 10, 12]] * int((~flipped).sum()))
    assert np.array_equal(masks[..., 0] > 0, images[..., 0] > 0), "masks move with the pixels"
    turn = keras.layers.RandomRotation(0.05, fill_mode="constant", bounding_box_format="xyxy",
                                       seed=2)
    out = turn(labelled, training=True)
    for image, box in zip(np.asarray(out["images"]),
                          np.asarray(out["bounding_boxes"]["boxes"])[:, 0], strict=True):
        rows, cols = np.nonzero(image[..., 0] > 0.5)
        assert box[0] <= cols.min() + 1 and cols.max() <= box[2] + 1
        assert box[1] <= rows.min() + 1 and rows.max() <= box[3] + 1
        assert (box[2] - box[0]) * (box[3] - box[1]) >= 8 * 8 - 1e-3, "upright boxes grow"
