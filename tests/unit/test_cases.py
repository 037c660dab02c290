"""The hidden tests' generated inputs depend on the seed alone.

Hypothesis mixes numbers it finds in the source of "local" modules (imported files outside
site-packages and the standard library) into what it draws. A student's own helper module, or the
folder the course is run from, must not change the inputs a grader tries.
"""

import json
import subprocess
import sys
from pathlib import Path

import numpy as np

from augcourse import cases

ROOT = Path(__file__).resolve().parents[2]

# prints a digest of the drawn cases: sums and shapes of images of both dtypes, and shapes
DRAW = """
import json, sys
sys.path.insert(0, {root!r})
{before}
from augcourse import cases
images = cases.images(12, seed=3, dtype=("uint8", "float32"))
print(json.dumps({{"sums": [float(a.astype("float64").sum()) for a in images],
                   "shapes": [list(a.shape) for a in images],
                   "dims": [list(s) for s in cases.shapes(12, seed=4)]}}))
"""

# a module a student might write next to the notebook: full of numbers Hypothesis would collect
HELPER = """
SCALE = 0.123456
OFFSET = 777
LIMITS = (13, 201, 0.987654, 45.5)
NAME = "a string constant"
"""


def _draw(folder, before=""):
    script = DRAW.format(root=str(ROOT), before=before)
    run = subprocess.run([sys.executable, "-c", script], cwd=folder, capture_output=True,
                         text=True, timeout=120, check=False)
    assert run.returncode == 0, run.stderr[-2000:]
    return json.loads(run.stdout.splitlines()[-1])


def test_a_students_own_module_does_not_change_the_drawn_cases(tmp_path):
    plain = tmp_path / "plain"
    with_helper = tmp_path / "with_helper"
    plain.mkdir()
    with_helper.mkdir()
    (with_helper / "helper.py").write_text(HELPER)

    expected = _draw(plain)
    drawn = _draw(with_helper, before="import helper")

    assert drawn == expected, (
        "importing a module full of constants changed the hidden tests' inputs: Hypothesis's "
        "local constants leak into augcourse.cases.examples")
    # nothing left in the student's folder by the draws
    assert not (with_helper / ".hypothesis").exists()


def test_draws_repeat_in_one_process_and_differ_between_seeds():
    first = cases.images(8, seed=11)
    again = cases.images(8, seed=11)
    other = cases.images(8, seed=12)
    assert all(np.array_equal(a, b) for a, b in zip(first, again, strict=True))
    assert not all(a.shape == b.shape and np.array_equal(a, b)
                   for a, b in zip(first, other, strict=True))


def test_images_cover_the_inputs_the_module_promises():
    drawn = cases.images(40, seed=1, dtype=("uint8", "float32"), batch_sizes=(1, 6))
    assert {a.dtype.name for a in drawn} == {"uint8", "float32"}
    assert any(a.shape[0] == 1 for a in drawn), "no batch of one"
    assert any(a.shape[1] != a.shape[2] for a in drawn), "no non-square image"
    assert {a.shape[-1] for a in drawn} == {1, 3}
    for a in drawn:
        high = 255 if a.dtype == np.uint8 else 1.0
        assert 0 <= a.min() and a.max() <= high
