"""Lesson 06 (mixing): every statement the lesson makes about TensorFlow and Keras, asserted on
the installed versions. The section is named in each docstring."""

import inspect

import augcourse  # noqa: F401  (quiet TensorFlow before it loads)
import keras
import numpy as np
import pytest
import tensorflow as tf

from augcourse.mixing_checks import beta_check, boxes, cutmix_reference_shares, shares_check

from lesson_code import lesson_definitions

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


# ------------------------------------------------------------- added with the paper-versus-Keras
# table (section 4) and the per-batch CutMix comparison (section 3)

def test_random_erasing_probability_box_shape_and_fill():
    """1 and the table in 4: RandomErasing decides per image; factor=1.0 and factor=(0.5, 0.5) both
    erase about half of the images (the Random Erasing paper's p = 0.5); each erased region is one
    box inside the image, with width and height drawn separately so that its aspect ratio goes
    beyond the paper's 0.3 to 1/0.3 on both sides; with value_range=(0, 1) about half of the erased
    pixels are 0 and about one in six is 1; Keras has no Cutout layer."""
    gray = np.full((2048, 32, 32, 1), 0.5, np.float32)
    transformation = keras.layers.RandomErasing().get_random_transformation(gray[:16])
    assert tuple(transformation["apply_erasing"].shape) == (16,), "one decision per image"
    for factor in (1.0, (0.5, 0.5)):
        erased = (np.asarray(keras.layers.RandomErasing(factor=factor)(gray, training=True))
                  != 0.5).any(axis=(1, 2, 3))
        assert 0.45 < erased.mean() < 0.55, factor
    layer = keras.layers.RandomErasing(factor=(1.0, 1.0), value_range=(0, 1))
    out = np.asarray(layer(gray, training=True))[..., 0]
    erased = out != 0.5
    corners, whole = boxes(erased)
    assert whole.all()
    ratio = (corners[:, 3] - corners[:, 2]) / (corners[:, 1] - corners[:, 0])
    assert ratio.min() < 0.3 and ratio.max() > 1 / 0.3
    values = out[erased]
    assert 0.45 < np.mean(values == 0) < 0.55 and 0.12 < np.mean(values == 1) < 0.2
    assert not hasattr(keras.layers, "Cutout")


def test_tf_random_has_no_beta_and_keras_random_beta_draws_beta():
    """2: tf.random has no Beta sampler; keras.random.beta exists and its draws follow
    Beta(alpha, alpha)."""
    assert not hasattr(tf.random, "beta")
    for alpha in (0.2, 1.0):
        draws = np.asarray(keras.random.beta((4000,), alpha, alpha, seed=1), dtype=np.float64)
        assert not beta_check(draws, alpha).differs


def test_keras_cutmix_mixes_every_batch_with_a_weight_per_image():
    """4 and the table: keras.layers.CutMix has no probability of leaving a batch alone: every
    batch gets boxes, each image its own weight."""
    keras.utils.set_random_seed(4)
    layer = keras.layers.CutMix(factor=(1.0, 1.0))
    assert "cutmix_prob" not in str(inspect.signature(keras.layers.CutMix))
    for _ in range(30):
        lams = np.asarray(layer.get_random_transformation(SQUARES)["mix_weight"]).ravel()
        assert len(lams) == 64 and len(np.unique(np.round(lams, 6))) > 56, "a weight per image"
        assert np.mean(lams < 0.999) > 0.9, "every batch is mixed"


def _lesson_cutmix():
    return lesson_definitions("06_mixing", "s3-cutmix", "s3-batch-defs", np=np)


def test_lesson_cutmix_batch_follows_the_official_per_batch_recipe():
    """3: the lesson's cutmix_batch (the official code's recipe) gives every mixed image of a batch
    the same label weight (images paired with themselves aside), leaves about half of the batches
    untouched at cutmix_prob = 0.5 (halving the mean weight), and image by image gives the same
    weights as the per-image variant, whose batch means vary far less."""
    ns = _lesson_cutmix()
    rng = np.random.default_rng(0)
    images = np.random.default_rng(1).random((32, 32, 32, 1)).astype(np.float32)
    own = np.eye(32)

    def weights(recipe, n=400):
        return np.stack([1 - np.diag(recipe(images, own)[1]) for _ in range(n)])

    each = weights(lambda x, y: ns["cutmix_each"](x, y, 1.0, rng))
    batch = weights(lambda x, y: ns["cutmix_batch"](x, y, 1.0, 1.0, rng))
    half = weights(lambda x, y: ns["cutmix_batch"](x, y, 1.0, 0.5, rng))
    for row in batch:
        assert len(np.unique(np.round(row[row > 0], 9))) <= 1, "one weight per batch"
    assert np.median(each.std(axis=1)) > 0.1
    assert not shares_check(batch, each.ravel()).differs
    assert batch.mean(axis=1).std() > 3 * each.mean(axis=1).std()
    untouched = np.mean(half.max(axis=1) == 0)
    assert 0.4 < untouched < 0.6
    assert 0.35 < half.mean() / batch.mean() < 0.65
    assert np.mean(batch.max(axis=1) == 0) < 0.02


def test_keras_mixup_and_cutmix_take_no_probability_argument():
    """The table in 4: keras.layers.MixUp and CutMix have no argument for leaving a batch alone
    (no cutmix_prob): they mix every batch they are called on in training."""
    assert set(inspect.signature(keras.layers.MixUp).parameters) == {
        "alpha", "data_format", "seed", "kwargs"}
    assert set(inspect.signature(keras.layers.CutMix).parameters) == {
        "factor", "seed", "data_format", "kwargs"}
