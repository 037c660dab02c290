"""Generated inputs for the problem sets' hidden tests: Hypothesis, the same cases on every run.

A grader that tries a function on one square image of one dtype passes answers that break on
the next input (an x/y swap, a box side taken from the height, a batch of one). The hidden tests
draw their cases here instead, with Hypothesis's ``hypothesis.extra.numpy``: shapes that are not
square, batches of one, one or three channels, the edge values 0 and the maximum, ``uint8`` and
``float32``. Every draw is seeded, so a grade never changes between runs, and bounded (small
images, a few dozen cases), so a test cell stays within seconds.

Each case is a plain value, and the test loops over them with its own messages: a failure says
which requirement broke on which input, in words, instead of a Hypothesis report.
"""

import contextlib

import numpy as np

MAX_VALUE = {"uint8": 255, "float32": 1.0}


def examples(strategy, count, seed):
    """``count`` values drawn from the Hypothesis ``strategy``, the same ones on every run.

    The first values Hypothesis draws are its simplest (all zeros, the smallest shape): the edge
    cases come first. No shrinking and no example database: this only draws.

    Used by the problem sets' hidden tests; not taught.
    """
    from hypothesis import HealthCheck, Phase, given, settings
    from hypothesis import seed as fixed_seed

    found = []

    @fixed_seed(seed)
    @settings(max_examples=count, database=None, deadline=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck), derandomize=False)
    @given(strategy)
    def collect(value):
        found.append(value)

    with _no_local_constants():
        collect()
    return found[:count]


@contextlib.contextmanager
def _no_local_constants():
    """Draw without the constants Hypothesis collects from "local" modules.

    Hypothesis 6.170 reads the source of every imported module outside site-packages and the
    standard library (a student's own ``helper.py``, or this package when it is not pip-installed)
    and mixes the numbers it finds into what it draws, caching them in ``.hypothesis/`` in the
    working folder. Hidden inputs would then depend on which files a student imported. This keeps
    only Hypothesis's fixed global constants, so the draws depend on the seed alone. There is no
    setting for it, so this replaces the private function that collects them, and empties the
    cache that keeps them (keyed by choice type alone) before and after.
    """
    from hypothesis.internal.conjecture import providers
    from hypothesis.internal.constants_ast import Constants

    collect = providers._get_local_constants
    providers.CONSTANTS_CACHE.cache.clear()
    providers._get_local_constants = Constants
    try:
        yield
    finally:
        providers._get_local_constants = collect
        providers.CONSTANTS_CACHE.cache.clear()


def image_arrays(dtype="float32", batch=True, batch_sizes=(1, 6), sides=(1, 9), channels=(1, 3),
                 values=None):
    """A strategy for images ``(H, W, C)`` or batches ``(N, H, W, C)`` as NumPy arrays.

    ``dtype`` is ``"uint8"`` (0..255) or ``"float32"`` ([0, 1]), or a tuple of both (each case
    picks one); ``sides`` bounds height and width separately (non-square images come up);
    ``channels`` lists the channel counts allowed; ``values`` = ``(low, high)`` narrows the
    values (in the dtype's own units).

    Used by the problem sets' hidden tests; not taught.
    """
    from hypothesis import strategies as st
    from hypothesis.extra import numpy as hnp

    dtypes = (dtype,) if isinstance(dtype, str) else tuple(dtype)
    for name in dtypes:
        if name not in MAX_VALUE:
            raise ValueError(f"dtype must be 'uint8' or 'float32', got {name!r}")

    def one_dtype(name):
        low, high = values if values is not None else (0, MAX_VALUE[name])
        if name == "uint8":
            elements = st.integers(int(low), int(high))
        else:
            elements = st.floats(float(low), float(high), width=32)
        side = st.integers(*sides)
        dims = [side, side, st.sampled_from(tuple(channels))]
        if batch:
            dims.insert(0, st.integers(*batch_sizes))
        shapes = st.tuples(*dims)
        return shapes.flatmap(lambda shape: hnp.arrays(np.dtype(name), shape, elements=elements))

    return st.one_of(*(one_dtype(name) for name in dtypes))


def images(count, seed, **options):
    """``count`` generated images or batches (see :func:`image_arrays` for the options).

    Used by the problem sets' hidden tests; not taught.
    """
    return examples(image_arrays(**options), count, seed)


def shapes(count, seed, batch=True, batch_sizes=(1, 6), sides=(1, 9), channels=(1, 3)):
    """``count`` generated shapes ``(N, H, W, C)`` (or ``(H, W, C)``), non-square included.

    Used by the problem sets' hidden tests; not taught.
    """
    from hypothesis import strategies as st

    side = st.integers(*sides)
    dims = [side, side, st.sampled_from(tuple(channels))]
    if batch:
        dims.insert(0, st.integers(*batch_sizes))
    return examples(st.tuples(*dims), count, seed)
