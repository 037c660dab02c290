"""Fast mode and seeding.

Fast mode shrinks data and epochs so that every lesson runs in CI in seconds. It is on when
the environment variable ``AUGCOURSE_FAST`` is set to anything but ``""`` or ``"0"``.
"""

import os
import random

import numpy as np

FAST = os.environ.get("AUGCOURSE_FAST", "") not in ("", "0")


def results_dir(repo_root):
    """Where benchmarks and tests write figures: ``$AUGCOURSE_RESULTS`` or ``<repo>/results``."""
    from pathlib import Path

    folder = Path(os.environ.get("AUGCOURSE_RESULTS", Path(repo_root) / "results"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def program_environment(**extra):
    """``os.environ`` for running this environment's programs (nbgrader, jupyter) as child
    processes, with ``extra`` added: its bin/ folder comes first on PATH, because nbgrader runs
    helper programs (alembic) by name."""
    import sys
    from pathlib import Path

    bin_folder = str(Path(sys.executable).parent)
    return dict(os.environ, PATH=os.pathsep.join([bin_folder, os.environ.get("PATH", "")]),
                **extra)


def pick(full, fast):
    """Return ``fast`` in fast mode and ``full`` otherwise (for sizes, epochs, counts)."""
    return fast if FAST else full


def set_seed(seed=42):
    """Seed Python, NumPy and TensorFlow (through Keras) with one call; return the seed.

    Seeding makes a notebook give the same numbers on every run on the same machine and
    versions. Ops that are non-deterministic on a GPU may still differ there.
    """
    if not isinstance(seed, (int, np.integer)) or isinstance(seed, bool) or seed < 0:
        raise ValueError(f"seed must be a non-negative integer, got {seed!r}")
    import keras  # imported here so that importing augcourse stays light

    seed = int(seed)
    random.seed(seed)
    np.random.seed(seed)
    keras.utils.set_random_seed(seed)
    return seed
