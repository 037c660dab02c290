"""Helpers for the course *Image Data Augmentation in TensorFlow*.

Import this package before TensorFlow: it quiets TensorFlow's C++ start-up log lines
(they go to stderr, and nbgrader scores a test cell 0 when anything reaches stderr).

What students call (each module says more; the lesson is where it is taught)
--------------------------------------------------------------------------
augcourse.config         fast mode (``FAST``, ``pick``) and ``set_seed``            lesson 1 on
augcourse.data           offline datasets: digits, arrows, photos, image folders,
                         tf_flowers when on disk                                     lesson 1 on
augcourse.plots          image grids and before/after figures                        lesson 1 on
augcourse.checks         input validation with clear error messages                 every helper
augcourse.pipelines      the steps of a tf.data pipeline, and its images per second  lesson 4
augcourse.detectors      checks for silent augmentation bugs (per-image draws,
                         no-ops, frozen epochs, repeatable validation)               lessons 4-5
augcourse.models         the small CNN the course trains, a seeded timed ``train``,
                         ``accuracy``                                                lessons 5-9
augcourse.mixing_checks  statistical checks of MixUp / CutMix / Cutout draws          lesson 6
augcourse.project        the overfitting project's data split and train-once files   problem set 8
augcourse.cases          generated inputs for the problem sets' hidden tests         problem sets

Grading infrastructure, run by instructors and never loaded into a student's kernel except the
guard, lives in ``augcourse.grading`` (see its docstring).
"""

import os

# Must happen before TensorFlow is imported anywhere in the process.
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

from augcourse.checks import ImageInputError, check_images  # noqa: E402
from augcourse.config import FAST, pick, set_seed  # noqa: E402

# the modules above; the grading guard imports (and locks) these and nothing else
STUDENT_MODULES = ("cases", "checks", "config", "data", "detectors", "mixing_checks", "models",
                   "pipelines", "plots", "project")

__all__ = ["FAST", "ImageInputError", "check_images", "pick", "set_seed"]
__version__ = "0.1.0"
