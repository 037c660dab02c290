"""The class grader (augcourse/classgrade.py): parallel nbgrader processes, one per student,
a resumable run, and a table that says what happened to every student."""

import shutil

import nbformat
import pytest

from augcourse import classgrade

from course_harness import Course, assignments


@pytest.fixture(scope="module")
def small_class(tmp_path_factory):
    course = Course(tmp_path_factory.mktemp("class"), assignments()[0])
    for name in ("ann", "bob"):
        course.submit(name, course.student_notebook())
    exits = course.student_notebook()
    first = next(c for c in exits.cells
                 if c.cell_type == "code" and c.metadata.get("nbgrader", {}).get("solution"))
    first.source = "import os\nos._exit(0)\n" + first.source
    course.submit("cid", exits)
    folder = course.root / "submitted" / "dee" / course.assignment
    folder.mkdir(parents=True)
    (folder / course.release.name).write_text("{ not json")
    printed = []
    results, seconds = classgrade.grade_class(course.root, course.assignment, workers=2,
                                              report=printed.append)
    return course, {r.student: r for r in results}, printed[0]


def test_every_student_is_graded_or_reported(small_class):
    course, results, _ = small_class
    full = course.scores("ann")
    most = sum(m for _, m in full.values())
    assert results["ann"].status == results["bob"].status == "graded"
    assert results["ann"].points == results["bob"].points == f"{most:g}/{most:g}"
    assert results["cid"].status == "failed" and "kernel died" in results["cid"].reason
    assert results["dee"].status == "failed" and "not valid JSON" in results["dee"].reason
    log = course.root / "logs" / "autograde" / course.assignment / "cid.log"
    assert "DeadKernelError" in log.read_text()


def test_the_table_names_every_student_and_the_totals(small_class):
    _, _, printed = small_class
    for name in ("ann", "bob", "cid", "dee"):
        assert f"\n{name} " in printed
    assert "4 students: 2 graded, 0 skipped, 2 failed" in printed
    assert "2 worker(s)" in printed and "students per minute" in printed


def test_a_second_run_grades_only_who_is_left(small_class):
    course, _, _ = small_class
    shutil.rmtree(course.root / "autograded" / "bob")  # as if interrupted while grading bob
    results, _ = classgrade.grade_class(course.root, course.assignment, workers=2,
                                        report=lambda text: None)
    status = {r.student: r.status for r in results}
    assert status == {"ann": "skipped", "bob": "graded", "cid": "failed", "dee": "failed"}
    assert all(s == m for s, m in course.scores("bob").values())


def test_the_command_line_refuses_bad_input_with_a_message(tmp_path, capsys):
    assert classgrade.main(["ps01_pixels", "--course", str(tmp_path)]) == 2
    assert "no submissions" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        classgrade.main(["ps01_pixels", "--workers", "0"])
    with pytest.raises(SystemExit):
        classgrade.main(["../etc", "--course", str(tmp_path)])


def test_exit_status_says_whether_anyone_failed(small_class, capsys):
    course, _, _ = small_class
    assert classgrade.main([course.assignment, "--course", str(course.root)]) == 1
    assert "failed" in capsys.readouterr().out
    nbformat.write(course.student_notebook(), course.root / "submitted" / "dee" /
                   course.assignment / course.release.name)
    shutil.rmtree(course.root / "submitted" / "cid")  # the instructor set cid aside
    assert classgrade.main([course.assignment, "--course", str(course.root)]) == 0
