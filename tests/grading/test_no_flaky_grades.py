"""No flaky grades: the solution of every assignment, autograded by the real nbgrader with many
different seeds, always gets full marks.

Each seed is one student of a class: the instructor's solution, with every seed its cells set
(``set_seed(0)``, ``seed=0``, ``Generator.from_seed(6)``) replaced by the student's number, and
the global seed set to it before the first solution cell. The test cells that draw random
numbers after that draw other numbers too, so a threshold that a correct solution misses by
chance shows up here. Slow (minutes per assignment; the project trains two models per seed):
``bash course.sh test -m slow tests/grading/test_no_flaky_grades.py``;
``AUGCOURSE_GRADE_SEEDS`` sets how many seeds (20 unless told). The figures go to
``results/no_flaky_grades.txt``.
"""

import os

import nbformat
import pytest

from augcourse.grading import metadata
from augcourse.grading.environment import results_dir

from course_harness import REPO, Course, assignments, reseeded

SEEDS = int(os.environ.get("AUGCOURSE_GRADE_SEEDS", "20"))


def test_reseeded_replaces_every_kind_of_fixed_seed():
    source = "set_seed(0)\nfit(x, seed=0, epochs=3)\nrng = tf.random.Generator.from_seed(6)\n"
    assert reseeded(source, 17) == (
        "set_seed(17)\nfit(x, seed=17, epochs=3)\nrng = tf.random.Generator.from_seed(17)\n")
    assert reseeded("keras.layers.RandomFlip(seed=None)", 3) == (
        "keras.layers.RandomFlip(seed=None)")
    # a default in a signature is the function's contract (tests check it): left alone
    assert reseeded("def split(x, seed=0):\n    return f(x, seed=0)\n", 5) == (
        "def split(x, seed=0):\n    return f(x, seed=5)\n")


def seeded_solution(course, seed):
    """The solution's code cells for one seed, as ``{grade_id: source}``."""
    cells, first = {}, True
    for cell in nbformat.read(course.solution, as_version=4).cells:
        if not metadata.is_solution_code(cell):
            continue
        source = reseeded(cell.source, seed)
        if first:  # also the generators a locked setup cell made (ps06's rng)
            source = (f"import augcourse\naugcourse.set_seed({seed})\n"
                      "for _value in list(globals().values()):\n"
                      "    if type(_value).__name__ == 'Generator' and hasattr(_value, "
                      f"'reset_from_seed'):\n        _value.reset_from_seed({seed})\n" + source)
            first = False
        cells[metadata.grade_id(cell)] = source
    return cells


@pytest.mark.slow
@pytest.mark.parametrize("assignment", assignments())
def test_the_solution_gets_full_marks_whatever_the_seed(assignment, tmp_path):
    course = Course(tmp_path, assignment)
    students = [f"seed{seed:03d}" for seed in range(1, SEEDS + 1)]
    for seed, student in enumerate(students, start=1):
        course.submit(student, course.student_notebook(seeded_solution(course, seed)))
    seconds, _ = course.autograde()
    lost = {}
    for student in students:
        scores = course.scores(student)
        missed = {name: f"{score}/{most}" for name, (score, most) in scores.items()
                  if score != most}
        if missed:
            lost[student] = missed
    line = (f"{assignment}: {SEEDS} seeds, {len(lost)} graded below full marks, autograde "
            f"{seconds:.0f} s ({seconds / SEEDS:.1f} s per seed)")
    with open(results_dir(REPO) / "no_flaky_grades.txt", "a") as figures:
        figures.write(line + "".join(f"\n  {s}: {m}" for s, m in lost.items()) + "\n")
    assert not lost, f"{line}: {lost}"
