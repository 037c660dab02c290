"""Hostile and broken submissions, graded in one class run with the real ``nbgrader autograde``
and the course's configuration (sandbox and guard), then audited.

For each: no points it did not earn, every other student graded, the honest students'
grades untouched, and the audit names every one that tampers. The class is problem set 1 (the
cheapest to grade); the tricks do not depend on the assignment.
"""

import copy
import json
import sqlite3

import nbformat
import pytest

from augcourse.grading import metadata
from augcourse.grading import audit

from course_harness import Course, always_equal_cells, nbgrader, strip_markers

ASSIGNMENT = "ps01_pixels"
# to_float01 that divides by 256: test_to_float01 (2 of 10 points) must fail
WRONG = "def to_float01(images):\n    return tf.cast(images, tf.float32) / 256.0\n"


def _prepend(code):
    return lambda course: course.student_notebook({"to_float01": code + "\n" + _solution(
        course, "to_float01")})


def _replace(code):
    return lambda course: course.student_notebook({"to_float01": code})


def _solution(course, grade_id):
    cell = next(c for c in nbformat.read(course.solution, as_version=4).cells
                if metadata.grade_id(c) == grade_id)
    return strip_markers(cell.source)


def _edit_cells(change, cells=None):
    def make(course):
        notebook = course.student_notebook(cells)
        ids = [metadata.grade_id(c) for c in notebook.cells]
        change(notebook.cells, ids)
        return notebook
    return make


def _duplicate(cells, ids):
    twin = copy.deepcopy(cells[ids.index("test_to_float01")])
    twin.id = "a-twin"
    cells.insert(ids.index("test_to_float01"), twin)


def _rename(cells, ids):
    cells[ids.index("test_to_float01")].metadata["nbgrader"]["grade_id"] = "my_own_test"
    cells[ids.index("test_to_float01")].source = "pass"


def _move(cells, ids):
    cells[ids.index("test_to_float01")], cells[ids.index("to_float01")] = (
        cells[ids.index("to_float01")], cells[ids.index("test_to_float01")])


# name: (how the notebook is made, most auto points it may get, what the audit must say)
HOSTILE = {
    "patches_numpy": (_replace("import numpy\nnumpy.allclose = lambda *a, **k: True\n"
                               "numpy.testing.assert_allclose = lambda *a, **k: None\n" + WRONG),
                      8, "patches numpy.allclose"),
    "patches_numpy_during_the_test": (_replace(
        "def to_float01(images):\n    import numpy\n    numpy.allclose = lambda *a, **k: True\n"
        "    return tf.cast(images, tf.float32) / 256.0\n"), 8, "patches numpy.allclose"),
    "patches_past_the_lock": (_replace("vars(np)['allclose'] = lambda *a, **k: True\n" + WRONG),
                              8, "writes into vars()"),
    "patches_past_the_lock_during_the_test": (_replace(
        "def to_float01(images):\n    vars(np)['allclose'] = lambda *a, **k: True\n"
        "    return tf.cast(images, tf.float32) / 256.0\n"), 8, "writes into vars()"),
    "always_equal": (lambda course: course.student_notebook(always_equal_cells(course.solution)),
                     0, "defines __eq__"),
    "shadows_builtins": (_replace("def isinstance(*args):\n    return True\n\n\n"
                                  "def abs(x):\n    return 0\n\n\n" + WRONG),
                         8, "redefines the builtin isinstance"),
    "reads_the_source": (_prepend("print(open('../../../source/ps01_pixels/ps01_pixels.ipynb')"
                                  ".read()[:200])"), 8, "names a grading file"),
    "exits_the_kernel": (_prepend("import os\nos._exit(0)"), 0, "ends the kernel (os._exit)"),
    "swallows_interrupts": (_prepend("import time\nwhile True:\n    try:\n        time.sleep(0.5)"
                                     "\n    except KeyboardInterrupt:\n        pass"),
                            0, "catches KeyboardInterrupt"),
    "sleeps_past_the_limit": (_prepend("import time\ntime.sleep(1000)"), 8, None),
    "memory_bomb": (_prepend("hoard = bytearray(64 * 2**30)"), 8, None),
    "deletes_a_test": (_edit_cells(lambda cells, ids: cells.pop(ids.index("test_to_float01")),
                                   {"to_float01": WRONG}), 8, "the cell was deleted"),
    "duplicates_a_test": (_edit_cells(_duplicate, {"to_float01": WRONG}), 8,
                          "the cell appears 2 times"),
    "renames_a_test": (_edit_cells(_rename, {"to_float01": WRONG}), 8,
                       "the cell has a grade_id that was never released"),
    "moves_a_test": (_edit_cells(_move, {"to_float01": WRONG}), 8,
                     "graded cells are in another order than released"),
}
# name: (file name, text): broken files, each graded 0 and reported
BROKEN = {"not_json": (None, "{ this is not json"), "empty_file": (None, ""),
          "wrong_file_name": ("my_homework.ipynb", None)}
HONEST = ("honest_first", "honest_last")


@pytest.fixture(scope="module")
def hostile_class(tmp_path_factory):
    course = Course(tmp_path_factory.mktemp("hostile"), ASSIGNMENT)
    for name in HONEST:
        course.submit(name, course.student_notebook())
    for name, (make, _, _) in HOSTILE.items():
        course.submit(name, make(course))
    for name, (file_name, text) in BROKEN.items():
        folder = course.root / "submitted" / name / ASSIGNMENT
        folder.mkdir(parents=True)
        target = folder / (file_name or course.release.name)
        if text is None:
            nbformat.write(course.student_notebook(), target)
        else:
            target.write_text(text)
    # a 15 s cell limit keeps the sleeping and interrupt-swallowing students short
    code, log = nbgrader(course.root, "autograde", ASSIGNMENT, "--force",
                         "--Execute.timeout=15")
    findings, _ = audit.audit(course.root, ASSIGNMENT)
    return course, code, log, findings


def _auto_points(course, student):
    """Auto-graded points of one student, or None when nbgrader left no grades."""
    try:
        scores = course.scores(student)
    except Exception:  # no submission in the gradebook
        return None
    return sum(score or 0 for score, _ in scores.values())


def test_the_honest_students_get_full_marks_and_nothing_is_unsandboxed(hostile_class):
    course, code, log, _ = hostile_class
    assert "UNSANDBOXED" not in log
    for name in HONEST:
        scores = course.scores(name)
        assert all(s == m for s, m in scores.values()), (name, scores)
    with sqlite3.connect(course.root / "gradebook.db") as database:
        assert database.execute("PRAGMA integrity_check").fetchone() == ("ok",)


@pytest.mark.parametrize("student", sorted(HOSTILE))
def test_no_hostile_submission_earns_points_it_did_not_earn(student, hostile_class):
    course, _, _, _ = hostile_class
    points = _auto_points(course, student)
    most = HOSTILE[student][1]
    assert points is None or points <= most, f"{student} got {points} points, at most {most}"


@pytest.mark.parametrize("student", sorted(BROKEN))
def test_broken_files_get_nothing_and_are_reported(student, hostile_class):
    course, code, log, findings = hostile_class
    assert code != 0, "autograde should exit non-zero when a student could not be graded"
    assert f"for student '{student}'" in log
    assert not _auto_points(course, student)
    assert any(f.student == student for f in findings), f"the audit says nothing of {student}"


@pytest.mark.parametrize("student", sorted(s for s in HOSTILE if HOSTILE[s][2]))
def test_the_audit_names_every_tampering_student(student, hostile_class):
    _, _, _, findings = hostile_class
    kinds = [f.kind for f in findings if f.student == student]
    assert any(HOSTILE[student][2] in kind for kind in kinds), kinds


def test_the_audit_says_nothing_of_the_honest_students(hostile_class):
    _, _, _, findings = hostile_class
    assert not [f for f in findings if f.student in HONEST]


def test_students_who_end_the_kernel_are_named_in_the_log(hostile_class):
    _, _, log, _ = hostile_class
    for student in ("exits_the_kernel", "swallows_interrupts"):
        assert f"for student '{student}'" in log, student


def test_the_report_lists_every_student(hostile_class):
    course, _, _, findings = hostile_class
    students = sorted(HONEST + tuple(HOSTILE) + tuple(BROKEN))
    text = audit.report(findings, students)
    for student in students:
        assert f"{student}: " in text
    assert json.dumps([f.kind for f in findings])  # the findings serialise for --json
