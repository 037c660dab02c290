"""A term in miniature, with the commands INSTRUCTORS.md gives, in its order, on problem set 1:
students imported from CSV, the assignment generated and released, two students fetching and
submitting through the exchange and one handing in through an LMS (zip_collect), collect, the
class grader, the audit, a written answer graded by hand, feedback generated, released and
fetched, grades exported.

Every command this test runs is checked to appear in INSTRUCTORS.md, so the guide cannot drift
from what was shown to work.
"""

import csv
import os
import shutil
import subprocess
import sys
import zipfile

import nbformat
import pytest

from augcourse.grading.environment import program_environment
from course_harness import BIN, REPO, filled_notebook, kept_submissions, write_class_list

ASSIGNMENT = "ps01_pixels"
COURSE_ID = "augmentation"
GUIDE = (REPO / "INSTRUCTORS.md").read_text() if (REPO / "INSTRUCTORS.md").exists() else ""
RUN = []  # every command line run, as the guide would show it


def command(cwd, *args, env=None, shown=None, ok=True):
    """Run a command of the guide in ``cwd``; return its output."""
    line = shown or " ".join(args)
    RUN.append(line)
    program = {"nbgrader": str(BIN / "nbgrader"), "python": sys.executable}[args[0]]
    full_env = program_environment(**(env or {}))  # the fixture sets AUGCOURSE_EXCHANGE
    full_env.pop("AUGCOURSE_DB_URL", None)
    done = subprocess.run([program, *args[1:]], cwd=cwd, env=full_env, text=True,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=900)
    if ok:
        assert done.returncode == 0, f"`{line}` failed:\n{done.stdout[-3000:]}"
    return done.stdout


def as_student(home, student, *args):
    """A student's nbgrader command, from their own folder (on a hub: their own account)."""
    env = {"HOME": str(home), "JUPYTER_DATA_DIR": str(home / ".local" / "share" / "jupyter")}
    # one machine account runs every student here, so the student id is given explicitly
    return command(home, *args, "--student", student, env=env, shown=" ".join(args))


@pytest.fixture(scope="module")
def term(tmp_path_factory):
    root = tmp_path_factory.mktemp("term")
    course, homes, exchange = root / "course", root / "home", root / "exchange"
    course.mkdir()
    shutil.copy(REPO / "nbgrader_config.py", course)
    shutil.copytree(REPO / "source" / ASSIGNMENT, course / "source" / ASSIGNMENT)
    os.environ["AUGCOURSE_EXCHANGE"] = str(exchange)  # read by nbgrader_config.py
    try:
        yield run_term(course, homes, exchange)
    finally:
        del os.environ["AUGCOURSE_EXCHANGE"]


def run_term(course, homes, exchange):
    students = {"s01": None, "s02": "wrong_float_not_scaled", "s03": None}
    write_class_list(course / "students.csv", students)
    command(course, "nbgrader", "db", "student", "import", "students.csv")
    command(course, "nbgrader", "generate_assignment", ASSIGNMENT, "--force")
    command(course, "nbgrader", "release_assignment", ASSIGNMENT, "--force")
    command(course, "nbgrader", "generate_solution", ASSIGNMENT, "--force")
    release = course / "exercises" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
    solution = course / "solutions" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
    mistakes = {s.name: s for s in kept_submissions(ASSIGNMENT)}

    def work(sid):
        mistake = students[sid]
        return filled_notebook(release, solution, mistakes[mistake].cells if mistake else None,
                               answer="Floats above 1 are clipped, so the photo shows white.")

    # s01 and s02 fetch and submit through the exchange
    for sid in ("s01", "s02"):
        home = homes / sid
        home.mkdir(parents=True)
        # what /etc/jupyter/nbgrader_config.py says on a hub
        (home / "nbgrader_config.py").write_text(
            f'c = get_config()\nc.CourseDirectory.course_id = "{COURSE_ID}"\n'
            f'c.Exchange.root = "{exchange}"\n')
        as_student(home, sid, "nbgrader", "fetch_assignment", ASSIGNMENT, "--course", COURSE_ID)
        fetched = home / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
        assert fetched.exists(), "fetch_assignment gave the student no notebook"
        nbformat.write(work(sid), fetched)
        as_student(home, sid, "nbgrader", "submit", ASSIGNMENT, "--course", COURSE_ID)
    command(course, "nbgrader", "collect", ASSIGNMENT)
    # s03 hands in through the LMS: a zip of files named as Blackboard-style LMSs name them
    archive = course / "downloaded" / ASSIGNMENT / "archive"
    archive.mkdir(parents=True)
    with zipfile.ZipFile(archive / "gradebook_download.zip", "w") as zipped:
        zipped.writestr(f"{ASSIGNMENT}_s03_attempt_2026-11-20-10-00-00_{ASSIGNMENT}.ipynb",
                        nbformat.writes(work("s03")))
    command(course, "nbgrader", "zip_collect", ASSIGNMENT)
    graded = command(course, "python", "-m", "augcourse.grading.classgrade", ASSIGNMENT)
    audit = command(course, "python", "-m", "augcourse.grading.audit", ASSIGNMENT)
    # the written answer, graded by hand in formgrader (here through the same gradebook API)
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
        for sid in students:
            notebook = gradebook.find_submission_notebook(ASSIGNMENT, ASSIGNMENT, sid)
            written = next(g for g in notebook.grades if g.cell.cell_type == "markdown")
            written.manual_score = 2
        gradebook.db.commit()
    command(course, "nbgrader", "generate_feedback", ASSIGNMENT)
    # release_feedback works through the exchange only: the LMS student (who has no exchange
    # secret, and made it crash) is left out and gets the HTML file through the LMS
    command(course, "nbgrader", "release_feedback", ASSIGNMENT,
            "--CourseDirectory.student_id_exclude=s03")
    as_student(homes / "s01", "s01", "nbgrader", "fetch_feedback", ASSIGNMENT, "--course",
               COURSE_ID)
    command(course, "nbgrader", "export")
    with open(course / "grades.csv") as f:
        grades = {row["student_id"]: row for row in csv.DictReader(f)}
    feedback = sorted((homes / "s01" / ASSIGNMENT / "feedback").glob("*/*.html"))
    lms_feedback = sorted((course / "feedback" / "s03" / ASSIGNMENT).glob("*.html"))
    return dict(graded=graded, audit=audit, grades=grades, feedback=feedback, course=course,
                lms_feedback=lms_feedback)


def test_every_student_is_graded_and_exported(term):
    assert "3 students: 3 graded, 0 skipped, 0 failed" in term["graded"], term["graded"]
    scores = {sid: float(row["raw_score"]) for sid, row in term["grades"].items()}
    # 10 automatic points and 2 for the written answer; s02 divides by 256 in to_float01
    assert scores == {"s01": 12.0, "s02": 10.0, "s03": 12.0}, scores
    assert all(float(row["max_score"]) == 12.0 for row in term["grades"].values())


def test_the_lms_hand_in_arrived_under_its_student_and_has_feedback_to_upload(term):
    assert (term["course"] / "submitted" / "s03" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb").exists()
    assert [p.name for p in term["lms_feedback"]] == [f"{ASSIGNMENT}.html"]


def test_the_audit_finds_nothing_in_honest_work(term):
    assert "s01" in term["audit"] and "nothing" in term["audit"].lower(), term["audit"]


def test_the_student_fetched_their_feedback(term):
    assert term["feedback"], "fetch_feedback brought no feedback"
    html = term["feedback"][0].read_text()
    assert "to_float01" in html and "Score" in html


def test_the_guide_gives_every_command_this_term_ran(term):
    assert GUIDE, "INSTRUCTORS.md is missing"
    absent = [line for line in dict.fromkeys(RUN) if line not in GUIDE]
    assert not absent, f"INSTRUCTORS.md does not give: {absent}"
