"""The tamper audit (augcourse/grading/audit.py): it names every trick a hostile submission
plays and finds nothing in honest work, the kept wrong submissions (honest mistakes) included."""

import json

import nbformat
import pytest

from augcourse.grading import metadata
from augcourse.grading import audit

from course_harness import (REPO, always_equal_cells, assignments, filled_notebook,
                            kept_submissions)


def _paths(assignment):
    release = next((REPO / "exercises" / assignment).glob("*.ipynb"))
    return release, REPO / "solutions" / assignment / release.name


def _findings(tmp_path, assignment, cells, student="student"):
    release, solution = _paths(assignment)
    path = tmp_path / f"{student}.ipynb"
    nbformat.write(filled_notebook(release, solution, cells), path)
    return audit.audit_notebook(student, path, *audit.release_facts(release))


@pytest.mark.parametrize("assignment", assignments())
def test_honest_work_has_no_findings(assignment, tmp_path):
    """The solution and every kept submission, right or wrong, are honest code."""
    found = {"solution": _findings(tmp_path, assignment, {})}
    for sub in kept_submissions(assignment):
        found[sub.name] = _findings(tmp_path, assignment, sub.cells, sub.name)
    flagged = {name: [f"{f.cell}: {f.kind}" for f in fs] for name, fs in found.items() if fs}
    assert not flagged, flagged


def _first_solution_cell(assignment):
    release, _ = _paths(assignment)
    return next(metadata.grade_id(c)
                for c in nbformat.read(release, as_version=4).cells
                if metadata.is_solution_code(c))


TRICKS = {
    "numpy testing patched": ("np.testing.assert_allclose = lambda *a, **k: None",
                              "patches np.testing.assert_allclose"),
    "numpy patched through another name": ("import numpy as npy\n"
                                           "npy.array_equal = lambda *a: True",
                                           "patches npy.array_equal"),
    "always-equal object": ("class Anything:\n    def __eq__(self, other):\n        return True",
                            "defines __eq__"),
    "builtin redefined": ("def isinstance(*args):\n    return True",
                          "redefines the builtin isinstance"),
    "builtin rebound": ("len = lambda x: 3", "rebinds the builtin len"),
    "builtins module patched": ("import builtins\nbuiltins.abs = lambda x: 0",
                                "patches builtins.abs"),
    "kernel ended": ("import os\nos._exit(0)", "ends the kernel (os._exit)"),
    "sys.modules swapped": ("import sys\nsys.modules['numpy'] = None", "changes sys.modules"),
    "hidden tests read": ("text = open('../../../source/ps/ps.ipynb').read()",
                          "touches a file outside its folder"),
    "gradebook named": ("path = 'gradebook.db'", "names a grading file"),
    "interrupts swallowed": ("while True:\n    try:\n        pass\n"
                             "    except KeyboardInterrupt:\n        pass",
                             "catches KeyboardInterrupt"),
    "IPython hooks": ("get_ipython().events.register('pre_run_cell', print)",
                      "reaches the IPython shell"),
    "shell escape": ("!curl http://example.com", "shell escapes"),
    "write outside": ("from pathlib import Path\nPath('/tmp/x').write_text('x')",
                      "touches a file outside its folder"),
    "home folder": ("import os\nopen(os.path.expanduser('~/notes'), 'w')",
                    "builds a path in the home folder"),
    "home through pathlib": ("from pathlib import Path\n(Path.home() / 'x').write_text('x')",
                             "builds a path in the home folder"),
    "IPython start-up": ("open('x/.ipython/profile_default/startup/99-x.py', 'w')",
                         "names a start-up location"),
    ".pth file": ("import site\nopen(site.getsitepackages()[0] + '/x.pth', 'w')",
                  "finds the Python environment's site-packages"),
    "environment folder": ("import sys\nopen(sys.prefix + '/lib/x.py', 'w')",
                           "names the Python environment's folder"),
    "shared temp folder": ("import tempfile\nopen(tempfile.gettempdir() + '/x', 'w')",
                           "builds a path in the shared temporary folder"),
    "parent folder": ("open('../../x.txt', 'w')", "touches a file outside its folder"),
    "native code": ("import ctypes", "imports ctypes"),
    "frames": ("import sys\nframe = sys._getframe(1)", "reads the caller's frame"),
    "numpy module rebound": ("np = None", "rebinds np, the module numpy"),
    "past the lock": ("object.__setattr__(np, 'allclose', print)",
                      "sets an attribute past the guard's lock"),
    "module dict": ("vars(np)['allclose'] = print", "writes into vars()"),
    "module __dict__": ("np.__dict__['allclose'] = print", "changes np.__dict__"),
}


@pytest.mark.parametrize("trick", sorted(TRICKS))
def test_each_trick_is_named(trick, tmp_path):
    code, expected = TRICKS[trick]
    assignment = assignments()[0]
    grade_id = _first_solution_cell(assignment)
    findings = _findings(tmp_path, assignment, {grade_id: code})
    kinds = [f.kind for f in findings]
    assert any(expected in kind for kind in kinds), kinds
    assert all(f.cell == grade_id for f in findings)


@pytest.mark.parametrize("assignment", assignments())
def test_the_always_equal_student_is_named(assignment, tmp_path):
    _, solution = _paths(assignment)
    kinds = {f.kind for f in _findings(tmp_path, assignment, always_equal_cells(solution))}
    assert "defines __eq__" in kinds, kinds


def test_what_a_file_holds_is_not_taken_for_its_path(tmp_path):
    """Only the path of Path(...).write_text is checked, not the text written."""
    code = "from pathlib import Path\nPath('notes.txt').write_text('/etc and ../up')"
    grade_id = _first_solution_cell(assignments()[0])
    kinds = [f.kind for f in _findings(tmp_path, assignments()[0], {grade_id: code})]
    assert not [k for k in kinds if "outside its folder" in k], kinds


def test_a_redefined_test_helper_is_named(tmp_path):
    """ps08's tests call saved_runs(); a student's own saved_runs could return anything."""
    cells = {"report": "def saved_runs():\n    return {}\nreport = {}"}
    kinds = [f.kind for f in _findings(tmp_path, "ps08_project", cells)]
    assert "redefines saved_runs, which the tests use" in kinds, kinds


def _restructured(assignment, change):
    release, solution = _paths(assignment)
    notebook = filled_notebook(release, solution)
    ids = [metadata.grade_id(c) for c in notebook.cells]
    change(notebook.cells, ids)
    return release, notebook


STRUCTURE = {
    "deleted": (lambda cells, ids: cells.pop(ids.index("test_to_float01")),
                "the cell was deleted"),
    "duplicated": (lambda cells, ids: cells.insert(0, nbformat.from_dict(
        dict(cells[ids.index("test_to_float01")], id="a-copy"))), "the cell appears 2 times"),
    "renamed": (lambda cells, ids: cells[ids.index("test_to_float01")].metadata["nbgrader"]
                .update(grade_id="mine"), "the cell has a grade_id that was never released"),
    "moved": (lambda cells, ids: cells.append(cells.pop(ids.index("to_float01"))),
              "graded cells are in another order than released"),
}


@pytest.mark.parametrize("change", sorted(STRUCTURE))
def test_changed_graded_cells_are_named(change, tmp_path):
    edit, expected = STRUCTURE[change]
    release, notebook = _restructured("ps01_pixels", edit)
    path = tmp_path / "changed.ipynb"
    nbformat.write(notebook, path)
    kinds = [f.kind for f in audit.audit_notebook("s", path, *audit.release_facts(release))]
    assert expected in kinds, kinds


def test_a_new_cell_is_scanned_too(tmp_path):
    assignment = assignments()[0]
    release, solution = _paths(assignment)
    notebook = filled_notebook(release, solution)
    notebook.cells.insert(3, nbformat.v4.new_code_cell("import os\nos.kill(1, 9)"))
    path = tmp_path / "added.ipynb"
    nbformat.write(notebook, path)
    kinds = [f.kind for f in audit.audit_notebook("s", path, *audit.release_facts(release))]
    assert "sends a signal (os.kill)" in kinds


def test_a_class_folder_with_broken_submissions_is_audited_whole(tmp_path, capsys):
    assignment = assignments()[0]
    release, solution = _paths(assignment)
    (tmp_path / "exercises" / assignment).mkdir(parents=True)
    (tmp_path / "exercises" / assignment / release.name).write_bytes(release.read_bytes())
    submitted = tmp_path / "submitted"

    def submit(student, name, text):
        folder = submitted / student / assignment
        folder.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text)

    honest = nbformat.writes(filled_notebook(release, solution))
    submit("ann", release.name, honest)
    submit("bob", release.name, "{ not json")
    submit("cat", "renamed.ipynb", honest)
    grade_id = _first_solution_cell(assignment)
    submit("dan", release.name, nbformat.writes(filled_notebook(
        release, solution, {grade_id: "np.array_equal = lambda *a: True"})))
    submit("eve", release.name, "")
    findings, students = audit.audit(tmp_path, assignment)
    assert students == ["ann", "bob", "cat", "dan", "eve"]
    kinds = {s: [f.kind for f in findings if f.student == s] for s in students}
    assert kinds["ann"] == []
    assert kinds["bob"][0].startswith("notebook cannot be read")
    assert f"no notebook named {release.name}" in kinds["cat"]
    assert "an extra notebook renamed.ipynb" in kinds["cat"]
    assert "patches np.array_equal" in kinds["dan"]
    assert kinds["eve"][0].startswith("notebook cannot be read")

    out = tmp_path / "audit.json"
    assert audit.main([assignment, "--course", str(tmp_path), "--json", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "5 students, 4 to review by hand" in printed and "ann: nothing found" in printed
    assert {f["student"] for f in json.loads(out.read_text())} == {"bob", "cat", "dan", "eve"}


def test_an_unknown_assignment_is_a_clear_error(tmp_path, capsys):
    assert audit.main(["ps99", "--course", str(tmp_path)]) == 2
    assert "no released notebook" in capsys.readouterr().err
