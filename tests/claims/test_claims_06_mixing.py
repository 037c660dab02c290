"""Lesson 06 (mixing): every statement the lesson makes about TensorFlow and Keras, asserted on
the installed versions. The section is named in each docstring."""

import augcourse  # noqa: F401  (quiet TensorFlow before it loads)
import keras
import numpy as np
import pytest
import tensorflow as tf

from augcourse.mixing_checks import beta_check, boxes, cutmix_reference_shares, shares_check

BASIS = np.eye(64, dtype=np.float32).reshape(64, 8, 8, 1)
BASIS_LABELS = np.eye(64, dtype=np.float32)
CODES = np.linspace(0.2, 0.8, 64).astype(np.float32)
SQUARES = np.ones((64, 32, 32, 1), np.float32) * CODES[:, None, None, None]
GRAY = np.full((512, 32, 32, 1), 0.5, np.float32)


def test_random_erasing_defaults_erase_half_the_images_with_noise_scaled_to_255():
    """1: RandomErasing() erases only about half of the images; factor=(1, 1) erases all; the
    default noise fill follows value_range=(0, 255); the erased area is 2 % to 33 %."""
    keras.utils.set_random_seed(0)
    erased = (np.asarray(keras.layers.RandomErasing()(GRAY, training=True)) != 0.5)[..., 0]
    assert 0.3 < erased.any(axis=(1, 2)).mean() < 0.7
    always = keras.layers.RandomErasing(factor=(1.0, 1.0))
    out = np.asarray(always(GRAY, training=True))
    assert (out != 0.5).any(axis=(1, 2, 3)).all() and out.max() > 1.0
    scaled = np.asarray(keras.layers.RandomErasing(factor=(1.0, 1.0), value_range=(0, 1))(
        GRAY, training=True))
    share = (scaled != 0.5).mean(axis=(1, 2, 3))
    assert scaled.max() <= 1.0 and scaled.min() >= 0.0
    assert share.min() >= 0.015 and share.max() <= 0.34


def test_gamma_ratio_gives_beta_draws():
    """2: g1 / (g1 + g2) with g1, g2 ~ Gamma(alpha) follows Beta(alpha, alpha); a uniform draw
    does not pass the same check."""
    for alpha in (0.2, 2.0):
        g1 = tf.random.stateless_gamma([4000], [1, 2], alpha=alpha, dtype=tf.float64)
        g2 = tf.random.stateless_gamma([4000], [3, 4], alpha=alpha, dtype=tf.float64)
        assert not beta_check(np.asarray(g1 / (g1 + g2)), alpha).differs
    assert beta_check(np.random.default_rng(0).uniform(size=4000), 0.2).differs


def test_keras_mixup_draws_beta_weights_per_image_and_mixes_labels_with_them():
    """2: keras.layers.MixUp draws one Beta(alpha, alpha) weight per image and gives the labels
    the pixels' weights; training=False returns the input."""
    keras.utils.set_random_seed(1)
    layer = keras.layers.MixUp(alpha=0.2)
    weights = []
    for _ in range(40):
        out = layer({"images": BASIS, "labels": BASIS_LABELS}, training=True)
        mixed = np.asarray(out["images"]).reshape(64, 64)
        assert np.allclose(np.asarray(out["labels"]), mixed, atol=1e-6)
        weights.append(np.diag(mixed))
    assert len(np.unique(np.round(weights[0], 5))) > 32, "one weight per image"
    assert not beta_check(np.concatenate(weights), 0.2).differs
    unchanged = layer({"images": BASIS, "labels": BASIS_LABELS}, training=False)
    assert set(unchanged) == {"images", "labels"}
    assert np.array_equal(np.asarray(unchanged["images"]), BASIS)


def test_keras_mixup_rejects_integer_labels():
    """2: with integer class labels, MixUp cannot multiply them by a float weight."""
    with pytest.raises(Exception, match="expected to be a float tensor but is a int64 tensor"):
        keras.layers.MixUp()({"images": BASIS[:4], "labels": np.arange(4)}, training=True)


def _keras_cutmix(layer, batches):
    gaps, shares, weights = [], [], []
    for _ in range(batches):
        out = layer({"images": SQUARES, "labels": BASIS_LABELS}, training=True)
        pasted = np.abs(np.asarray(out["images"])[..., 0] - CODES[:, None, None]) > 1e-6
        assert boxes(pasted)[1].all(), "one box per image"
        share = pasted.mean(axis=(1, 2))
        weight = 1 - np.diag(np.asarray(out["labels"]))
        gaps.append(np.abs(weight - share))
        shares.append(share)
        weights.append(weight)
    return np.concatenate(gaps), np.concatenate(shares), np.concatenate(weights)


def test_keras_cutmix_weights_labels_by_a_fractional_box_that_stays_inside():
    """4: keras.layers.CutMix's label weights miss the pasted pixel share by about a hundredth
    (several hundredths at worst) on 32 x 32 images, never by as much as clipping would, and its
    pasted shares do not follow the paper's clipped recipe: more near nothing, many more near the
    whole image."""
    keras.utils.set_random_seed(2)
    gaps, shares, _ = _keras_cutmix(keras.layers.CutMix(), 40)
    assert 0.005 < gaps.mean() < 0.03 and 0.03 < gaps.max() < 0.1
    reference = cutmix_reference_shares(100_000, 1.0, 32, 32)
    assert shares_check(shares, reference).differs
    # more boxes near nothing and far more near the whole image than the clipped recipe gives
    assert np.mean(shares < 0.05) > np.mean(reference < 0.05) + 0.03
    assert np.mean(shares > 0.8) > 0.1 > 0.02 > np.mean(reference > 0.8)


def test_keras_cutmix_draws_alpha_per_batch_unless_factor_is_a_fixed_pair():
    """4: CutMix(factor=1.0) draws alpha between 0 and 1 per batch, so its weights do not follow
    Beta(1, 1); factor=(0.5, 0.5) fixes alpha at 0.5 and they follow Beta(0.5, 0.5)."""
    keras.utils.set_random_seed(3)
    _, _, weights = _keras_cutmix(keras.layers.CutMix(), 60)
    assert beta_check(weights, 1.0).differs
    _, _, weights = _keras_cutmix(keras.layers.CutMix(factor=(0.5, 0.5)), 60)
    assert not beta_check(weights, 0.5).differs


def test_categorical_accuracy_scores_a_soft_label_by_its_argmax():
    """6: under MixUp, Keras's accuracy compares the prediction with the argmax of the mixed
    label: a 0.6/0.4 blend predicted as the 0.4 class counts as wrong."""
    metric = keras.metrics.CategoricalAccuracy()
    metric.update_state([[0.6, 0.4]], [[0.4, 0.6]])
    assert float(metric.result()) == 0.0
    metric.update_state([[0.6, 0.4]], [[0.55, 0.45]])
    assert float(metric.result()) == 0.5
