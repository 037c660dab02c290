"""Feedback for students keeps the hidden tests hidden (augcourse/grading/feedback.py, set in
nbgrader_config.py): real submissions of ps01 are autograded and given feedback by the real
nbgrader; the HTML must show every test cell's points and failure message and no line of any
hidden test, while visible tests stay visible. The instructor's full view
(``--HideHiddenTests.enabled=False``) shows the hidden lines, so the check can fail."""

import html
import json
import re

import pytest

from augcourse.grading import metadata
from course_harness import Course, kept_submissions, nbgrader

ASSIGNMENT = "ps01_pixels"
# wrong submissions that fail in different test cells, plus the model answer
STUDENTS = {"bob": "wrong_float64", "cid": "wrong_grid_shrinks_to_n",
            "dee": "wrong_uint8_truncates", "eve": "wrong_rgb_gray_3_wide",
            "fay": "wrong_means_integer"}


def page_text(path):
    """What a student reads in the feedback HTML: tags removed (code is split into highlighted
    spans), entities decoded, runs of white space made one."""
    text = re.sub(r"<[^>]+>", "", path.read_text())
    return " ".join(html.unescape(text).split())


def hidden_lines(notebook):
    """Lines inside the hidden regions of ``notebook``'s cells, long enough to be telling."""
    found = []
    for cell in notebook["cells"]:
        inside = False
        for line in "".join(cell["source"]).splitlines():
            if "### BEGIN HIDDEN TESTS" in line:
                inside = True
            elif "### END HIDDEN TESTS" in line:
                inside = False
            elif inside and len(line.strip()) >= 25:
                found.append(" ".join(line.split()))
    return found


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    course = Course(tmp_path_factory.mktemp("feedback"), ASSIGNMENT)
    kept = {s.name: s for s in kept_submissions(ASSIGNMENT)}
    for student, name in STUDENTS.items():
        course.submit(student, course.student_notebook(cells=kept[name].cells))
    course.autograde()
    released = " ".join(" ".join("".join(c["source"]).split())
                        for c in json.loads(course.release.read_text())["cells"])
    source = json.loads((course.root / "source" / ASSIGNMENT / course.release.name).read_text())
    secret = [line for line in hidden_lines(source) if line not in released]
    assert len(secret) >= 10, "ps01's hidden tests should give lines to look for"
    pages = {}
    for mode, extra in (("student", []), ("full", ["--HideHiddenTests.enabled=False"])):
        code, out = nbgrader(course.root, "generate_feedback", ASSIGNMENT, "--force", *extra)
        assert code == 0, out
        pages[mode] = {s: page_text(course.root / "feedback" / s / ASSIGNMENT /
                                    f"{course.release.stem}.html") for s in STUDENTS}
    return course, secret, pages


def test_student_feedback_shows_no_hidden_test_line(graded):
    _, secret, pages = graded
    for student, text in pages["student"].items():
        leaked = [line for line in secret if line in text]
        assert not leaked, f"{student}'s feedback shows hidden test code: {leaked[:3]}"
        assert "hidden tests ran here" in text


def test_the_full_view_shows_them_so_the_check_can_fail(graded):
    _, secret, pages = graded
    for student, text in pages["full"].items():
        assert sum(line in text for line in secret) >= 5, student


def test_every_failure_message_and_every_cells_points_are_shown(graded):
    course, _, pages = graded
    for student in STUDENTS:
        notebook = course.autograded_notebook(student)
        messages = [" ".join(f"{out['ename']}: {out['evalue']}".split())
                    for cell in notebook["cells"] for out in cell.get("outputs", [])
                    if out["output_type"] == "error"]
        assert messages, f"{student}'s wrong answer failed no test"
        for message in messages:
            assert message in pages["student"][student], f"{student}: {message[:80]} missing"
        scores = course.scores(student)
        for name, (score, most) in scores.items():
            shown = f"Grade cell: {name} Score: {float(score)} / {float(most)}"
            assert shown in pages["student"][student], f"{student}: no '{shown}'"


def test_visible_tests_stay_visible(graded):
    course, _, pages = graded
    release = json.loads(course.release.read_text())
    visible = [" ".join(line.split()) for cell in release["cells"]
               if metadata.is_test(cell)
               for line in metadata.source(cell).splitlines() if len(line.strip()) >= 25]
    assert visible
    for student, text in pages["student"].items():
        missing = [line for line in visible if line not in text]
        assert not missing, f"{student}'s feedback lacks visible test lines: {missing[:3]}"


FORMGRADER_BUTTON = """
from nbgrader.apps.api import NbGraderAPI
from nbgrader.apps.nbgraderapp import NbGraderApp
from nbgrader.coursedir import CourseDirectory

app = NbGraderApp()
app.load_config_file()
api = NbGraderAPI(CourseDirectory(config=app.config), config=app.config)
result = api.generate_feedback("ps01_pixels", "cid", force=True)
assert result["success"], result
"""


def test_formgraders_generate_feedback_button_hides_them_too(graded):
    """Formgrader's button calls NbGraderAPI.generate_feedback with the course's configuration."""
    import subprocess

    from course_harness import BIN, course_environment

    course, secret, _ = graded
    subprocess.run([str(BIN / "python"), "-c", FORMGRADER_BUTTON], cwd=course.root, check=True,
                   env=course_environment(), capture_output=True)
    text = page_text(course.root / "feedback" / "cid" / ASSIGNMENT / f"{course.release.stem}.html")
    assert "hidden tests ran here" in text
    assert not [line for line in secret if line in text]
