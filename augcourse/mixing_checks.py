"""Checks for mixing augmentations (MixUp, CutMix, Cutout): distributions and boxes.

Lesson 06 uses them to compare its own MixUp and CutMix with the Keras layers, and problem set 6
grades with them; run them on your own implementation too. Nothing here mixes images: the
implementations are yours to write.

The distribution checks use a Kolmogorov-Smirnov test and call two samples different only when
both the test is sure (p below ``P_VALUE``) and the difference is large (KS distance above
``DISTANCE``). A correct implementation then fails by chance far less often than once in a
million checks, while small differences in rounding a box to whole pixels still pass.
"""

from typing import NamedTuple

import numpy as np

P_VALUE = 1e-6
DISTANCE = 0.08



class DistributionCheck(NamedTuple):
    """A check's result: the KS ``distance``, its ``p_value``, the sample size ``n``, and
    ``differs``, True when the test is both sure and the difference large (as above).

    Taught in lesson 6.
    """

    distance: float
    p_value: float
    n: int
    differs: bool


def _verdict(result, n):
    distance, p_value = float(result.statistic), float(result.pvalue)
    return DistributionCheck(distance, p_value, n, p_value < P_VALUE and distance > DISTANCE)


def _as_weights(weights, name):
    values = np.asarray(weights, dtype=np.float64).ravel()
    if values.size == 0:
        raise ValueError(f"{name} is empty: pass the mixing weights of many images")
    if not np.all(np.isfinite(values)):
        raise ValueError(f"{name} must hold numbers in [0, 1] (mixing weights); found "
                         f"{int((~np.isfinite(values)).sum())} NaN or infinite values")
    if values.min() < 0 or values.max() > 1:
        raise ValueError(f"{name} must hold numbers in [0, 1] (mixing weights); found values "
                         f"from {values.min():.3g} to {values.max():.3g}")
    return values


def _check_alpha(alpha):
    if isinstance(alpha, bool) or not isinstance(alpha, (int, float)) or not alpha > 0:
        raise ValueError(f"alpha must be a positive number, got {alpha!r}")


def beta_check(weights, alpha, floor=1e-3):
    """Do mixing ``weights`` follow Beta(alpha, alpha)? Return a :data:`DistributionCheck`.

    Each weight w is folded to min(w, 1 - w), which is the same whichever of the two images you
    call the first, and only folded values of at least ``floor`` are tested (against the folded
    Beta distribution cut at ``floor``). That leaves out images mixed with themselves, whose
    weight cannot be read from the pixels, and weights so close to 0 or 1 that float32 rounds them
    away. ``n`` is the number of weights tested; use a few thousand.

    Taught in lesson 6.
    """
    from scipy import stats

    _check_alpha(alpha)
    values = _as_weights(weights, "weights")
    folded = np.minimum(values, 1.0 - values)
    folded = folded[folded >= floor]
    if len(folded) < 100:
        raise ValueError(f"only {len(folded)} weights are at least {floor} away from 0 and 1; "
                         "the test needs at least 100")
    below = 2.0 * stats.beta.cdf(floor, alpha, alpha)

    def cdf(t):
        return (2.0 * stats.beta.cdf(np.minimum(t, 0.5), alpha, alpha) - below) / (1.0 - below)

    return _verdict(stats.kstest(folded, cdf), len(folded))


def cutmix_reference_shares(n, alpha, height, width, seed=0):
    """Pasted-area fractions of ``n`` CutMix boxes drawn as in the CutMix paper's code.

    lambda ~ Beta(alpha, alpha); a box of height ``int(height * sqrt(1 - lambda))`` and width
    ``int(width * sqrt(1 - lambda))`` centred on a pixel drawn uniformly over the whole image,
    each side extending half the cut (rounded down) from the centre, then clipped at the border.
    The label weight of the pasted image is the clipped box's share of the pixels.

    Taught in lesson 6.
    """
    _check_alpha(alpha)
    rng = np.random.default_rng(seed)
    side = np.sqrt(1.0 - rng.beta(alpha, alpha, n))
    shares = np.ones(n)
    for length in (height, width):
        cut = (side * length).astype(int)
        centre = rng.integers(0, length, n)
        low = np.clip(centre - cut // 2, 0, length)
        high = np.clip(centre + cut // 2, 0, length)
        shares *= (high - low) / length
    return shares


def shares_check(shares, reference, floor=0.02):
    """Do pasted-area ``shares`` follow the ``reference`` shares? A :data:`DistributionCheck`.

    Only shares above ``floor`` are compared (in both): that leaves out images pasted onto
    themselves and boxes of a pixel or two, whose share rounding decides.

    Taught in lesson 6.
    """
    from scipy import stats

    values = _as_weights(shares, "shares")
    reference = _as_weights(reference, "reference")
    values, reference = values[values > floor], reference[reference > floor]
    if len(values) < 100:
        raise ValueError(f"only {len(values)} shares are above {floor}; the test needs 100")
    return _verdict(stats.ks_2samp(values, reference), len(values))


def boxes(masks):
    """For a batch of 2-D boolean ``masks`` return ``(corners, filled)``.

    ``corners[i]`` is ``(top, bottom, left, right)`` of the smallest box around mask i's True
    pixels (bottom and right exclusive; all 0 for an empty mask) and ``filled[i]`` says whether
    mask i is exactly that box, every pixel in it True (an empty mask counts as filled).

    Taught in lesson 6.
    """
    masks = np.asarray(masks)
    if masks.ndim != 3 or masks.dtype != bool:
        raise ValueError(f"masks must be a boolean array (batch, height, width), got "
                         f"{masks.dtype} of shape {masks.shape}")
    corners = np.zeros((len(masks), 4), dtype=int)
    filled = np.ones(len(masks), dtype=bool)
    for i, mask in enumerate(masks):
        rows, cols = np.flatnonzero(mask.any(axis=1)), np.flatnonzero(mask.any(axis=0))
        if len(rows) == 0:
            continue
        top, bottom, left, right = rows[0], rows[-1] + 1, cols[0], cols[-1] + 1
        corners[i] = top, bottom, left, right
        filled[i] = mask.sum() == (bottom - top) * (right - left)
    return corners, filled
