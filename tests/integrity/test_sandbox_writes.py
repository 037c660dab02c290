"""Student code at autograde writes nowhere but its own folder and a private /tmp (issue 19).

One real ``nbgrader autograde`` of problem set 1 with the course's configuration. The course
folder is a temporary copy and the Python environment lives outside it, as a conda
environment under the instructor's home does. The second test grades in this checkout itself, whose
``.venv`` lies inside the course folder, as ``bash course.sh`` sets it up. Mallory's first cell
tries every place whose
contents later run or get read outside the sandbox: the instructor's home, IPython's start-up
folder, a ``.pth`` file in the environment's site-packages (Python runs those in every process,
nbgrader's own included), the shared /tmp, the folder above the course, another student's
folder, the course folder itself. Planter leaves files in her own folder and in /tmp; Looker,
graded after her, must not see the /tmp one. Everybody still gets full marks.
"""

import json
import os
import pwd
import site
import sys
from pathlib import Path

import nbformat
import pytest

from augcourse.grading import metadata
from augcourse.grading import sandbox

from course_harness import REPO, Course, filled_notebook, nbgrader, strip_markers

ASSIGNMENT = "ps01_pixels"
CELL = "to_float01"  # the solution cell the tricks go in front of

TRY_WRITES = '''
import json as _json, os as _os
_result = {}
for _name, _path in _TARGETS.items():
    try:
        _os.makedirs(_os.path.dirname(_path), exist_ok=True)
        with open(_path, "w") as _file:
            _file.write(_PAYLOAD)
        _result[_name] = "written"
    except OSError as _error:
        _result[_name] = f"refused ({type(_error).__name__})"
print("WRITES", _json.dumps(_result))
'''
PLANT = '''
for _path in _PLANTS:
    open(_path, "w").write("planted")
print("PLANTED")
'''
LOOK = '''
import os as _os
print("SEEN", [_p for _p in _PLANTS if _os.path.exists(_p)])
'''


def _outside_targets(course_root, marker):
    """{name: path} of the places a hostile student tries, as the instructor sees them."""
    home = Path(pwd.getpwuid(os.getuid()).pw_dir)
    stamp = f"augcourse-hostile-{os.getpid()}"
    return {
        "home folder": home / f"{stamp}.txt",
        "IPython start-up": home / ".ipython" / "profile_default" / "startup" / f"99-{stamp}.py",
        "Jupyter config": home / ".jupyter" / f"jupyter_{stamp}_config.py",
        "site-packages .pth": Path(site.getsitepackages()[0]) / f"{stamp}.pth",
        "environment bin": Path(sys.prefix) / "bin" / stamp,
        "shared /tmp": Path("/tmp") / f"{stamp}.txt",
        "folder above the course": course_root.parent / f"{stamp}.txt",
        "another student's folder": course_root / "submitted" / "planter" / ASSIGNMENT /
        f"{stamp}.txt",
        "the course folder": course_root / f"{stamp}.txt",
        "the course's sources": course_root / "source" / ASSIGNMENT / f"{stamp}.txt",
    }


class InPlaceCourse(Course):
    """This checkout as the course folder (its .venv inside it), with the gradebook and the
    release, submitted, autograded and solution folders in ``data`` (nothing of a class in the
    checkout)."""

    def __init__(self, data, assignment):
        self.root, self.data, self.assignment = REPO, Path(data), assignment
        self.data.mkdir(parents=True, exist_ok=True)
        self.args = [f"--CourseDirectory.db_url=sqlite:///{self.data / 'gradebook.db'}"] + [
            f"--CourseDirectory.{kind}_directory={self.data / kind}"
            for kind in ("release", "submitted", "autograded", "feedback", "solution")]
        for step in ("generate_assignment", "generate_solution"):
            code, out = nbgrader(REPO, step, assignment, "--force", *self.args)
            assert code == 0, out
        self.release = next((self.data / "release" / assignment).glob("*.ipynb"))
        self.solution = self.data / "solution" / assignment / self.release.name

    def student_notebook(self, cells=None, fill_solutions=True, answer="An answer."):
        return filled_notebook(self.release, self.solution, cells, fill_solutions, answer)

    def submit(self, student_id, notebook, files=None):
        folder = self.data / "submitted" / student_id / self.assignment
        folder.mkdir(parents=True, exist_ok=True)
        nbformat.write(notebook, folder / self.release.name)

    def autograde(self, *extra):
        code, out = nbgrader(REPO, "autograde", self.assignment, "--force", *self.args, *extra)
        assert code == 0, out
        return 0.0, out

    def scores(self, student_id):
        from nbgrader.api import Gradebook

        with Gradebook(f"sqlite:///{self.data / 'gradebook.db'}") as gb:
            notebook = gb.find_submission_notebook(self.release.stem, self.assignment, student_id)
            return {g.name: (g.auto_score, g.max_score) for g in notebook.grades
                    if g.cell.cell_type == "code"}

    def autograded_notebook(self, student_id):
        path = self.data / "autograded" / student_id / self.assignment / self.release.name
        return json.loads(path.read_text())


def _copied_course(tmp_path):
    return Course(tmp_path / "course", ASSIGNMENT)


def _this_checkout(tmp_path):
    if not Path(sys.prefix).resolve().is_relative_to(REPO):
        pytest.skip("this environment lies outside the checkout")
    return InPlaceCourse(tmp_path / "class", ASSIGNMENT)


@pytest.mark.skipif(sandbox.unavailable_reason() is not None, reason="no namespaces here")
@pytest.mark.parametrize("make_course", [_copied_course, _this_checkout],
                         ids=["environment outside the course", "environment inside the course"])
def test_student_code_writes_only_its_own_folder_and_a_private_tmp(tmp_path, make_course):
    course = make_course(tmp_path)
    marker = tmp_path / "pth-ran.txt"
    targets = _outside_targets(course.root, marker)
    # a .pth line that runs: if it ever lands, every later Python process leaves the marker
    payload = f"import os; open({str(marker)!r}, 'a').write(str(os.getpid()) + '\\n')\n"
    graded = getattr(course, "data", course.root) / "autograded"
    # planted in the private /tmp and in the planter's own folder: the looker sees neither
    plants = [f"/tmp/augcourse-planted-{os.getpid()}.txt",
              str(graded / "planter" / ASSIGNMENT / "planted.txt")]
    solution = strip_markers(next(
        c.source for c in nbformat.read(course.solution, as_version=4).cells
        if metadata.grade_id(c) == CELL))
    setup = (f"_TARGETS = {json.dumps({k: str(v) for k, v in targets.items()})}\n"
             f"_PAYLOAD = {payload!r}\n_PLANTS = {plants!r}\n")
    students = {"mallory": TRY_WRITES, "planter": PLANT + "open('mine.txt', 'w').write('x')\n",
                "zlooker": LOOK}  # graded in name order: the looker comes after the planter
    try:
        for student, code in students.items():
            course.submit(student, course.student_notebook({CELL: setup + code + solution}))
        _, log = course.autograde()
        printed = {student: _printed(course, student) for student in students}
        written = [name for name, path in targets.items() if path.exists()]
        assert not written, f"student code wrote outside its folder: {written}"
        assert not marker.exists(), "a planted .pth file ran in a later process"
        outcome = json.loads(printed["mallory"].split("WRITES", 1)[1].splitlines()[0])
        # under /tmp a write lands in the kernel's private /tmp (checked above: not here)
        refused = {k: v for k, v in outcome.items() if not targets[k].is_relative_to("/tmp")}
        assert refused and all(v.startswith("refused") for v in refused.values()), outcome
        assert "PLANTED" in printed["planter"]
        assert (graded / "planter" / ASSIGNMENT / "mine.txt").is_file(), (
            "a student's own folder must stay writable")
        assert "SEEN []" in printed["zlooker"], (
            f"a file planted in /tmp was visible to the next student: {printed['zlooker']}")
        assert not Path(plants[0]).exists(), "the private /tmp leaked to the real one"
        for student in students:
            scores = course.scores(student)
            assert all(s == m for s, m in scores.values()), (student, scores)
    finally:  # a failing run must not leave a .pth file that runs in every later process
        for path in [*targets.values(), *map(Path, plants)]:
            path.unlink(missing_ok=True)


def _printed(course, student):
    notebook = course.autograded_notebook(student)
    cell = next(c for c in notebook["cells"]
                if metadata.grade_id(c) == CELL)
    texts = [o.get("text", "") for o in cell.get("outputs", []) if o["output_type"] == "stream"]
    return "".join("".join(t) if isinstance(t, list) else t for t in texts)
