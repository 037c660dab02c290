"""Helpers for the course *Image Data Augmentation in TensorFlow*.

Import this package before TensorFlow: it quiets TensorFlow's C++ start-up log lines
(they go to stderr, and nbgrader scores a test cell 0 when anything reaches stderr).

Modules
-------
augcourse.data    offline datasets: digits, photos, image folders, tf_flowers when on disk
augcourse.plots   image grids and before/after figures
augcourse.checks  input validation with clear error messages
augcourse.config  fast mode and seeding
augcourse.pipelines  the steps of a tf.data pipeline, and its images per second
augcourse.detectors  checks for silent augmentation bugs (per-batch draws, no-ops, frozen epochs)
augcourse.models  the small CNN the course trains, a seeded timed `train`, and `accuracy`
"""

import os

# Must happen before TensorFlow is imported anywhere in the process.
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

from augcourse.checks import ImageInputError, check_images  # noqa: E402
from augcourse.config import FAST, pick, set_seed  # noqa: E402

__all__ = ["FAST", "ImageInputError", "check_images", "pick", "set_seed"]
__version__ = "0.1.0"
