"""A class graded on a PostgreSQL gradebook, the way a JupyterHub course runs: students imported
from a CSV file, the assignment generated, four nbgrader processes autograding at once through
the class grader, grades exported. No grade may be lost or given to the wrong student.

The server is real (started on loopback for this test, tests/services.py), and so is nbgrader,
with the course's own configuration; only the database URL differs: the test writes it into the
course's nbgrader_config.py, where nbgrader and the class grader both find it.
"""

import csv
import shutil

import nbformat
import pytest

from augcourse.grading import classgrade

from course_harness import REPO, filled_notebook, kept_submissions, nbgrader, write_class_list
from services import postgres_server

ASSIGNMENT = "ps01_pixels"
HONEST = ["s01", "s02", "s03", "s04"]
WRONG = ["wrong_float_not_scaled", "wrong_means_axis0", "wrong_uint8_no_clip",
         "wrong_grid_column_major"]


def run_nbgrader(course, *args):
    code, out = nbgrader(course, *args, timeout=900)
    assert code == 0, f"nbgrader {' '.join(args)} failed:\n{out}"
    return out


@pytest.fixture(scope="module")
def graded_class(tmp_path_factory):
    course = tmp_path_factory.mktemp("pgcourse")
    shutil.copy(REPO / "nbgrader_config.py", course)
    shutil.copytree(REPO / "source" / ASSIGNMENT, course / "source" / ASSIGNMENT)
    mistakes = {s.name: s for s in kept_submissions(ASSIGNMENT)}
    students = {sid: None for sid in HONEST}
    students.update({f"s{5 + i:02d}": mistakes[name] for i, name in enumerate(WRONG)})
    with postgres_server() as url:
        with open(course / "nbgrader_config.py", "a") as config:
            config.write(f"\nc.CourseDirectory.db_url = {url!r}\n")
        write_class_list(course / "students.csv", students)
        imported = run_nbgrader(course, "db", "student", "import", "students.csv")
        run_nbgrader(course, "generate_assignment", ASSIGNMENT, "--force")
        run_nbgrader(course, "generate_solution", ASSIGNMENT, "--force")
        release = course / "exercises" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
        solution = course / "solutions" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
        for sid, mistake in students.items():
            folder = course / "submitted" / sid / ASSIGNMENT
            folder.mkdir(parents=True)
            notebook = filled_notebook(release, solution, mistake.cells if mistake else None)
            nbformat.write(notebook, folder / release.name)
        printed = []
        found_url = classgrade.gradebook_url(course)
        # four grading processes at once, each writing its students' grades
        results, seconds = classgrade.grade_class(course, ASSIGNMENT, workers=4,
                                                  report=printed.append)
        run_nbgrader(course, "export", "--to", "grades.csv")
        from nbgrader.api import Gradebook

        with Gradebook(url) as gradebook:
            scores = {}
            for sid in students:
                notebook = gradebook.find_submission_notebook(ASSIGNMENT, ASSIGNMENT, sid)
                scores[sid] = {g.name: (g.auto_score, g.max_score) for g in notebook.grades
                               if g.cell.cell_type == "code"}
            graded_cells = len(gradebook.find_notebook(ASSIGNMENT, ASSIGNMENT).grade_cells)
            grade_rows = sum(len(n.grades) for s in gradebook.assignment_submissions(ASSIGNMENT)
                             for n in s.notebooks)
    with open(course / "grades.csv") as f:
        exported = {row["student_id"]: row for row in csv.DictReader(f)}
    return dict(url=url, found_url=found_url, students=students, imported=imported,
                results=results, printed=printed[0],
                scores=scores, graded_cells=graded_cells, grade_rows=grade_rows,
                exported=exported)


def test_the_course_configuration_names_the_database(graded_class):
    assert graded_class["url"].startswith("postgresql")
    assert graded_class["found_url"] == graded_class["url"]


def test_students_come_from_the_csv_file(graded_class):
    assert set(graded_class["exported"]) == set(graded_class["students"])
    row = graded_class["exported"]["s03"]
    assert (row["first_name"], row["last_name"], row["email"]) == ("Firsts03", "Lasts03",
                                                                   "s03@example.org")


def test_four_workers_at_once_lose_no_grade(graded_class):
    results = graded_class["results"]
    assert [r.status for r in results] == ["graded"] * len(graded_class["students"]), \
        graded_class["printed"]
    assert "4 worker(s)" in graded_class["printed"]
    # every student has one grade for every graded cell, and no more
    assert graded_class["grade_rows"] == graded_class["graded_cells"] * len(results)
    for sid, cells in graded_class["scores"].items():
        assert all(score is not None for score, _ in cells.values()), f"{sid}: a grade is empty"


def test_each_student_gets_their_own_marks(graded_class):
    for sid, mistake in graded_class["students"].items():
        cells = graded_class["scores"][sid]
        lost = sorted(name for name, (score, most) in cells.items() if score < most)
        assert lost == sorted(mistake.expect_lose if mistake else []), (sid, lost)


def test_the_export_matches_the_gradebook(graded_class):
    for sid, cells in graded_class["scores"].items():
        row = graded_class["exported"][sid]
        assert row["assignment"] == ASSIGNMENT
        # written answers are graded by hand later; the export holds the auto points so far
        assert float(row["raw_score"]) == pytest.approx(sum(s for s, _ in cells.values()))
        points = graded_class["results"][[r.student for r in graded_class["results"]].index(sid)]
        assert points.points.startswith(f"{sum(s for s, _ in cells.values()):g}/")


SHARDED = {"t01": None, "t02": None, "t03": "wrong_means_axis0", "t04": None,
           "t05": "wrong_uint8_no_clip", "t06": None}


@pytest.fixture(scope="module")
def two_machines(tmp_path_factory):
    """Two copies of the course folder (two machines, each with every submission, as a shared
    folder or a copy would give them) grade one class at the same time with
    ``--shard 1/2`` and ``--shard 2/2`` against one PostgreSQL gradebook."""
    import subprocess
    import sys

    from course_harness import course_environment

    assert {classgrade.in_shard(s, 1, 2) for s in SHARDED} == {True, False}, "pick other ids"
    machines = [tmp_path_factory.mktemp(name) for name in ("machine_a", "machine_b")]
    mistakes = {s.name: s for s in kept_submissions(ASSIGNMENT)}
    with postgres_server() as url:
        for course in machines:
            shutil.copy(REPO / "nbgrader_config.py", course)
            with open(course / "nbgrader_config.py", "a") as config:
                config.write(f"\nc.CourseDirectory.db_url = {url!r}\n")
            shutil.copytree(REPO / "source" / ASSIGNMENT, course / "source" / ASSIGNMENT)
        write_class_list(machines[0] / "students.csv", SHARDED)
        run_nbgrader(machines[0], "db", "student", "import", "students.csv")
        run_nbgrader(machines[0], "generate_assignment", ASSIGNMENT, "--force")
        run_nbgrader(machines[0], "generate_solution", ASSIGNMENT, "--force")
        release = machines[0] / "exercises" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
        solution = machines[0] / "solutions" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
        for sid, mistake in SHARDED.items():
            notebook = filled_notebook(release, solution,
                                       mistakes[mistake].cells if mistake else None)
            for course in machines:
                folder = course / "submitted" / sid / ASSIGNMENT
                folder.mkdir(parents=True)
                nbformat.write(notebook, folder / release.name)
        runs = [subprocess.Popen([sys.executable, "-m", "augcourse.grading.classgrade", ASSIGNMENT,
                                  "--shard", f"{k}/2", "--workers", "1"], cwd=course,
                                 env=course_environment(), text=True, stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE)
                for k, course in enumerate(machines, start=1)]
        outputs = [run.communicate(timeout=900) for run in runs]
        from nbgrader.api import Gradebook

        with Gradebook(url) as gradebook:
            submissions = [s.student_id for s in gradebook.assignment_submissions(ASSIGNMENT)]
            scores = {sid: {g.name: (g.auto_score, g.max_score) for g in gradebook
                            .find_submission_notebook(ASSIGNMENT, ASSIGNMENT, sid).grades
                            if g.cell.cell_type == "code"} for sid in SHARDED}
    graded = [sorted(p.name for p in (course / "autograded").iterdir()) for course in machines]
    return dict(codes=[run.returncode for run in runs], outputs=outputs, graded=graded,
                submissions=submissions, scores=scores)


def test_two_shards_at_once_grade_every_student_exactly_once(two_machines):
    for code, (out, err) in zip(two_machines["codes"], two_machines["outputs"], strict=True):
        assert code == 0, out + err[-3000:]
    first, second = two_machines["graded"]
    assert not set(first) & set(second), "a student was graded on both machines"
    assert sorted(first + second) == sorted(SHARDED), "a student was graded on neither"
    assert first == [s for s in SHARDED if classgrade.in_shard(s, 1, 2)]
    assert sorted(two_machines["submissions"]) == sorted(SHARDED), \
        "the gradebook must hold one submission per student"
    for sid, mistake in SHARDED.items():
        lost = sorted(name for name, (score, most) in two_machines["scores"][sid].items()
                      if score is None or score < most)
        expected = {s.name: s for s in kept_submissions(ASSIGNMENT)}[mistake].expect_lose \
            if mistake else []
        assert lost == sorted(expected), (sid, lost)
    for k, (out, err) in enumerate(two_machines["outputs"], start=1):
        assert f"shard {k}/2" in out and "grading ps01_pixels" in err
