"""Fast mode and seeding.

Fast mode shrinks data and epochs so that every lesson runs in CI in seconds. It is on when
the environment variable ``AUGCOURSE_FAST`` is set to anything but ``""`` or ``"0"``.
"""

import os
import random

import numpy as np

FAST = os.environ.get("AUGCOURSE_FAST", "") not in ("", "0")


def pick(full, fast):
    """Return ``fast`` in fast mode and ``full`` otherwise (for sizes, epochs, counts).

    Used in lessons 4 to 9.
    """
    return fast if FAST else full


def set_seed(seed=42):
    """Seed Python, NumPy and TensorFlow (through Keras) with one call; return the seed.

    Seeding makes a notebook give the same numbers on every run on the same machine and
    versions. Ops that are non-deterministic on a GPU may still differ there.

    Used from lesson 1 on; what it seeds is taught in lesson 4.
    """
    if not isinstance(seed, (int, np.integer)) or isinstance(seed, bool) or seed < 0:
        raise ValueError(f"seed must be a non-negative integer, got {seed!r}")
    import keras  # imported here so that importing augcourse stays light

    seed = int(seed)
    random.seed(seed)
    np.random.seed(seed)
    keras.utils.set_random_seed(seed)
    return seed
