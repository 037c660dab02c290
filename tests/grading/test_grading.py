"""Every assignment through the real nbgrader: the solution gets full marks, the untouched
student version zero, every kept wrong submission loses points exactly where its mistake is,
and every kept alternative correct submission gets full marks."""

import shutil

import nbformat
import pytest

from augcourse.grading import metadata
from augcourse.grading.environment import results_dir

from course_harness import REPO, Course, always_equal_cells, assignments, kept_submissions

SPECIAL = ("solution", "untouched", "tests_deleted_solution", "tests_deleted_untouched",
           "always_equal")


class _Graded:
    """Each assignment's course, generated and graded once per test session (see
    ``graded_course``); a generate or autograde that failed is reported once, and every later
    test of that assignment fails with the same message instead of running it again."""

    def __init__(self, tmp_path_factory):
        self.factory = tmp_path_factory
        self.courses = {}

    def __call__(self, assignment):
        if assignment not in self.courses:
            try:
                self.courses[assignment] = graded_course(assignment, self.factory)
            except Exception as error:  # noqa: BLE001 (kept, and shown by every test)
                self.courses[assignment] = error
        course = self.courses[assignment]
        if isinstance(course, Exception):
            pytest.fail(f"{assignment} could not be generated and graded: {course!r}")
        return course


@pytest.fixture(scope="session")
def graded(tmp_path_factory):
    """``graded(assignment)``: the course with every kept submission autograded."""
    return _Graded(tmp_path_factory)


def graded_course(assignment, tmp_path_factory):
    """Generate, submit every kept submission and autograde them all in one nbgrader run."""
    course = Course(tmp_path_factory.mktemp(assignment), assignment)
    course.submit("solution", course.student_notebook())
    course.submit("untouched", course.student_notebook(fill_solutions=False))
    course.submit("always_equal",
                  course.student_notebook(always_equal_cells(course.solution)))
    submissions = kept_submissions(assignment)
    # the project's trained files, for the submissions that ship them (training them again for
    # each student would take minutes): the files that grading the solution first makes
    seconds, files = 0.0, None
    if any(sub.files for sub in submissions):
        seconds, _ = course.autograde("--student", "solution")
        files = course.solution_files()
    for student, fill in (("tests_deleted_solution", True),
                          ("tests_deleted_untouched", False)):
        notebook = course.student_notebook(fill_solutions=fill)
        notebook.cells = [c for c in notebook.cells
                          if not metadata.is_graded(c) or c.cell_type == "markdown"]
        course.submit(student, notebook, files=files if fill else None)
    for sub in submissions:
        course.submit(sub.name, course.student_notebook(sub.cells),
                      files=course.submission_files(sub))
    seconds += course.autograde(force=False)[0]  # the students not graded yet
    count = len(submissions) + len(SPECIAL)
    line = (f"{assignment}: autograde {seconds:.1f} s for {count} submissions, "
            f"{seconds / count:.1f} s each")
    # figures for the CI log; not committed
    with open(results_dir(REPO) / "autograde_seconds.txt", "a") as figures:
        figures.write(line + "\n")
    return course


def _cases():
    for assignment in assignments():
        for sub in kept_submissions(assignment):
            yield pytest.param(assignment, sub, id=f"{assignment}-{sub.name}")


def _describe(scores):
    return ", ".join(f"{k}: {s}/{m}" for k, (s, m) in sorted(scores.items()))


@pytest.mark.parametrize("assignment", assignments())
def test_every_assignment_keeps_enough_submissions(assignment):
    subs = kept_submissions(assignment)
    wrong = [s for s in subs if not s.expect_full]
    right = [s for s in subs if s.expect_full]
    assert len(wrong) >= 5, f"{assignment}: keep at least 5 real wrong submissions"
    assert len(right) >= 2, f"{assignment}: keep at least 2 alternative correct submissions"


@pytest.mark.parametrize("assignment", assignments())
def test_solution_scores_full_marks(assignment, graded):
    scores = graded(assignment).scores("solution")
    assert scores, "no auto-graded test cells found"
    assert all(s == m for s, m in scores.values()), _describe(scores)


@pytest.mark.parametrize("assignment", assignments())
def test_untouched_student_version_scores_zero(assignment, graded):
    scores = graded(assignment).scores("untouched")
    assert scores and all(s == 0 for s, _ in scores.values()), _describe(scores)


@pytest.mark.parametrize("assignment", assignments())
def test_always_equal_objects_earn_nothing(assignment, graded):
    """A student whose every function returns an object equal to everything scores 0: the
    tests turn values into NumPy arrays of a checked type before they compare."""
    scores = graded(assignment).scores("always_equal")
    assert scores and all(s == 0 for s, _ in scores.values()), _describe(scores)


@pytest.mark.parametrize("assignment", assignments())
def test_deleted_test_cells_are_restored_and_graded(assignment, graded):
    course = graded(assignment)
    full = course.scores("tests_deleted_solution")
    zero = course.scores("tests_deleted_untouched")
    assert full == course.scores("solution"), _describe(full)
    assert all(s == 0 for s, _ in zero.values()), _describe(zero)


@pytest.mark.parametrize("assignment, submission", list(_cases()))
def test_kept_submission_scores_as_expected(assignment, submission, graded):
    course = graded(assignment)
    scores = course.scores(submission.name)
    unknown = set(submission.expect_lose) - set(scores)
    assert not unknown, f"{submission.name}: expects test cells that do not exist: {unknown}"
    lost = {k for k, (s, m) in scores.items() if s < m}
    if submission.expect_full:
        assert not lost, f"correct submission lost points: {_describe(scores)}"
    else:
        assert lost == set(submission.expect_lose), (
            f"{submission.name} ({submission.description}) should lose points in exactly "
            f"{sorted(submission.expect_lose)}; scores were {_describe(scores)}")


def _wrong_cases():
    for assignment in assignments():
        for sub in kept_submissions(assignment):
            if not sub.expect_full:
                yield pytest.param(assignment, sub, id=f"{assignment}-{sub.name}")


@pytest.mark.parametrize("assignment, submission", list(_wrong_cases()))
def test_visible_tests_explain_the_mistake(assignment, submission, graded):
    """A wrong submission's failing cell shows our message, not a bare AssertionError."""
    notebook = graded(assignment).autograded_notebook(submission.name)
    for cell in notebook["cells"]:
        grade_id = metadata.grade_id(cell)
        if grade_id not in submission.expect_lose:
            continue
        errors = [o for o in cell.get("outputs", []) if o["output_type"] == "error"]
        assert errors, f"{submission.name}: {grade_id} lost points without an error output"
        if errors[0]["ename"] == "AssertionError":
            assert errors[0]["evalue"].strip(), (
                f"{submission.name}: {grade_id} failed with a bare AssertionError")


@pytest.mark.parametrize("assignment", assignments())
def test_validate_passes_the_solution(assignment, graded):
    """What a student sees after pressing Validate on a correct notebook they have run: the
    files it made as it ran are beside it (problem set 8's trained models, which fit_or_load
    then loads; autograding the solution, without them, trains)."""
    from course_harness import nbgrader

    course = graded(assignment)
    path = course.root / "validate" / course.release.name
    path.parent.mkdir()
    files = course.solution_files()
    if files is not None:
        shutil.copytree(files, path.parent, dirs_exist_ok=True)
    nbformat.write(course.student_notebook(), path)
    code, out = nbgrader(course.root, "validate", str(path))
    assert code == 0 and "Success! Your notebook passes all the tests." in out, out


def test_exchange_round_trip_inside_the_course_folder(tmp_path):
    """release -> fetch -> submit -> collect -> autograde, with the exchange in the course
    folder (no /srv, no root needed), as a class on one machine would run it."""
    import getpass

    from course_harness import nbgrader

    assignment = assignments()[0]
    course = Course(tmp_path / "course", assignment)
    code, out = nbgrader(course.root, "release_assignment", assignment)
    assert code == 0, out
    assert (course.root / ".exchange" / "augmentation" / "outbound" / assignment).is_dir()

    student_home = tmp_path / "student"
    student_home.mkdir()
    # The student's own folder: nbgrader_config.py names the same exchange and course.
    (student_home / "nbgrader_config.py").write_text(
        f"c = get_config()\nc.Exchange.root = {str(course.root / '.exchange')!r}\n"
        "c.CourseDirectory.course_id = 'augmentation'\n")
    code, out = nbgrader(student_home, "fetch_assignment", assignment)
    assert code == 0, out
    fetched = student_home / assignment / course.release.name
    nbformat.write(course.student_notebook(), fetched)  # the student does the work
    code, out = nbgrader(student_home, "submit", assignment)
    assert code == 0, out
    code, out = nbgrader(course.root, "collect", assignment)
    assert code == 0, out
    student = getpass.getuser()
    assert (course.root / "submitted" / student / assignment / course.release.name).is_file()
    course.autograde()
    scores = course.scores(student)
    assert scores and all(s == m for s, m in scores.values()), _describe(scores)


def _tree(folder):
    """{relative path: file bytes} of every file under ``folder``."""
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _cases_with_files():
    """Correct submissions that come with their trained files (a wrong one may ask for another
    run than its files hold, and is trained again, as it should be)."""
    yield from (pytest.param(a, s, id=f"{a}-{s.name}") for a in assignments()
                for s in kept_submissions(a) if s.files and s.expect_full)


@pytest.mark.parametrize("assignment, submission", list(_cases_with_files()))
def test_student_files_are_used_at_autograde_and_never_overwritten(assignment, submission,
                                                                  graded):
    """A student who trained before submitting is graded on those files: autograde loads them
    (no training again, which would write them anew) and leaves them byte for byte as
    submitted. The files of ``jax_backend`` were trained by Keras on the JAX backend."""
    course = graded(assignment)
    shipped = _tree(course.submission_files(submission))
    graded = course.root / "autograded" / submission.name / assignment
    after = {name: data for name, data in _tree(graded).items() if name in shipped}
    assert shipped and after == shipped, (
        f"{submission.name}: the submitted files changed during autograde (trained again?)")
