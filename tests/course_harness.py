"""Run the real nbgrader commands on a throw-away copy of the course.

A kept submission is a file ``tests/submissions/<assignment>/<name>.py``::

    \"\"\"One line saying what the submission does.

    expect: test_to_uint8            (test cells that must lose points; or: expect: full)
    \"\"\"
    # %% to_uint8                     (grade_id of the solution cell to fill)
    def to_uint8(images):
        ...

Solution cells that a submission does not name are filled with the instructor's solution, so
each wrong submission shows one mistake, and the test can check that exactly the named test
cells lose points.

A docstring line ``files: solution`` submits the files that running the solution creates (for
the project: the trained models and their histories) next to the notebook, as a student who
trained before submitting would; without it, the notebook makes its files at autograde.
``files: <folder>`` submits the kept files of ``tests/submissions/<assignment>/files/<folder>/``
instead (ps08's ``jax_backend``: the solution's models trained by Keras on the JAX backend, made
by ``tools/train_on_jax.py``).
"""

import atexit
import functools
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
import sqlalchemy

from augcourse.grading import metadata
from augcourse.grading.environment import program_environment

REPO = Path(__file__).resolve().parents[1]
SUBMISSIONS = REPO / "tests" / "submissions"
BIN = Path(sys.executable).parent


def assignments():
    """Assignment ids: the folders of source/."""
    return sorted(p.name for p in (REPO / "source").iterdir() if p.is_dir())


@dataclass
class Submission:
    name: str
    description: str
    expect_full: bool
    expect_lose: list
    cells: dict = field(default_factory=dict)
    files: str = ""


def read_submission(path):
    text = Path(path).read_text()
    match = re.match(r'\s*"""(.*?)"""', text, flags=re.S)
    if not match:
        raise ValueError(f"{path}: starts without a docstring")
    doc = match.group(1)
    expect = re.search(r"^expect:\s*(.+)$", doc, flags=re.M)
    if not expect:
        raise ValueError(f"{path}: the docstring has no 'expect:' line")
    words = re.split(r"[,\s]+", expect.group(1).strip())
    parts = re.split(r"^# %% (\S+)\s*$", text[match.end():], flags=re.M)
    pairs = zip(parts[1::2], parts[2::2], strict=True)
    cells = {grade_id: body.strip("\n") + "\n" for grade_id, body in pairs}
    if not cells:
        raise ValueError(f"{path}: no '# %% <grade_id>' cell")
    files = re.search(r"^files:\s*(\S+)\s*$", doc, flags=re.M)
    if files and files.group(1) != "solution" and not (
            Path(path).parent / "files" / files.group(1)).is_dir():
        raise ValueError(f"{path}: 'files:' takes 'solution' or a folder of "
                         f"{Path(path).parent / 'files'}")
    return Submission(name=Path(path).stem, description=doc.strip().splitlines()[0],
                      expect_full=words == ["full"], expect_lose=[] if words == ["full"] else words,
                      cells=cells, files=files.group(1) if files else "")


def kept_submissions(assignment):
    folder = SUBMISSIONS / assignment
    return [read_submission(p) for p in sorted(folder.glob("*.py"))] if folder.is_dir() else []


def course_environment(**extra):
    """The environment for a course command (``program_environment``) without AUGCOURSE_DB_URL
    and AUGCOURSE_EXCHANGE, so that the course's nbgrader_config.py decides the
    gradebook and the exchange."""
    env = program_environment(**extra)
    env.pop("AUGCOURSE_DB_URL", None)
    env.pop("AUGCOURSE_EXCHANGE", None)
    return env


def nbgrader(course, *args, timeout=1800):
    """Run one nbgrader command in ``course``; return (returncode, combined output)."""
    proc = subprocess.run([str(BIN / "nbgrader"), *args], cwd=course, env=course_environment(),
                          text=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          timeout=timeout)
    return proc.returncode, proc.stdout


@functools.cache
def empty_gradebook():
    """An empty nbgrader gradebook (its tables and alembic's version stamp, no course), made
    once per test process. A new gradebook costs nbgrader a run of ``alembic heads`` in a
    process of its own (about a second of CPU); generated_course starts from a copy of it."""
    from nbgrader.api import Gradebook

    folder = tempfile.mkdtemp(prefix="augcourse-gradebook-")
    atexit.register(shutil.rmtree, folder, True)
    path = Path(folder) / "gradebook.db"
    with Gradebook(f"sqlite:///{path}") as gradebook:
        # Gradebook() added a course named "default_course"; nbgrader adds the course's own id
        # (nbgrader_config.py) when it opens the copy, as it would in a gradebook it made itself
        gradebook.db.execute(sqlalchemy.text("DELETE FROM course"))
        gradebook.db.commit()
    return path


@functools.cache
def generated_course(assignment):
    """A folder with the course's nbgrader setup and ``assignment`` generated by nbgrader (the
    release, the solution and the gradebook's record of both), made once per test process; a
    Course starts from a copy of it instead of running the two nbgrader commands again."""
    root = Path(tempfile.mkdtemp(prefix=f"augcourse-{assignment}-"))
    atexit.register(shutil.rmtree, root, True)
    shutil.copy(REPO / "nbgrader_config.py", root)
    shutil.copy(empty_gradebook(), root / "gradebook.db")
    shutil.copytree(REPO / "source" / assignment, root / "source" / assignment)
    for step in ("generate_assignment", "generate_solution"):
        code, out = nbgrader(root, step, assignment, "--force")
        if code:
            raise RuntimeError(f"{step} failed:\n{out}")
    return root


class Course:
    """A copy of the course's nbgrader setup in ``root`` with one assignment generated."""

    def __init__(self, root, assignment):
        self.root = Path(root)
        self.assignment = assignment
        shutil.copytree(generated_course(assignment), self.root, dirs_exist_ok=True)
        self.release = next((self.root / "exercises" / assignment).glob("*.ipynb"))
        self.solution = self.root / "solutions" / assignment / self.release.name

    def student_notebook(self, cells=None, fill_solutions=True, answer="An answer."):
        """The released notebook with solution cells filled: from ``cells`` where given,
        else from the instructor's solution (``fill_solutions``), else left untouched."""
        return filled_notebook(self.release, self.solution, cells, fill_solutions, answer)

    def submit(self, student_id, notebook, files=None):
        """Put ``notebook`` (and the contents of the folder ``files``, if given) where
        ``nbgrader collect`` would."""
        folder = self.root / "submitted" / student_id / self.assignment
        folder.mkdir(parents=True, exist_ok=True)
        nbformat.write(notebook, folder / self.release.name)
        if files is not None:
            shutil.copytree(files, folder, dirs_exist_ok=True)

    def submission_files(self, submission):
        """The folder of files that ``submission`` comes with (its ``files:`` line), or None."""
        if not submission.files:
            return None
        if submission.files == "solution":
            return self.solution_files()
        return SUBMISSIONS / self.assignment / "files" / submission.files

    def solution_files(self):
        """A folder with the files that running the solution notebook created when the student
        ``solution`` was autograded (grade it first); None when it created none."""
        scratch = self.root / "solution_files"
        if not scratch.exists():
            # plain copies: autograde leaves its files read-only, and a submission that asks
            # for another run than they hold writes them anew
            shutil.copytree(self.root / "autograded" / "solution" / self.assignment, scratch,
                            ignore=shutil.ignore_patterns(self.release.name),
                            copy_function=shutil.copyfile)
        return scratch if any(scratch.iterdir()) else None

    def autograde(self, *extra, force=True):
        """Autograde the submitted students (with ``force``: all of them, again where graded
        already; without: those not graded yet); return seconds taken and nbgrader's output."""
        start = time.perf_counter()
        code, out = nbgrader(self.root, "autograde", self.assignment,
                             *(("--force",) if force else ()), *extra)
        if code:
            raise RuntimeError(f"autograde exited {code}:\n{out}")
        return time.perf_counter() - start, out

    def scores(self, student_id):
        """{grade_id: (score, max_score)} of the auto-graded test cells of one student."""
        from nbgrader.api import Gradebook

        with Gradebook(f"sqlite:///{self.root / 'gradebook.db'}") as gb:
            notebook = gb.find_submission_notebook(self.release.stem, self.assignment, student_id)
            return {g.name: (g.auto_score, g.max_score) for g in notebook.grades
                    if g.cell.cell_type == "code"}

    def autograded_notebook(self, student_id):
        path = self.root / "autograded" / student_id / self.assignment / self.release.name
        return json.loads(path.read_text())


def filled_notebook(release, solution, cells=None, fill_solutions=True, answer="An answer."):
    """The notebook ``release`` with its solution cells filled: from ``cells``
    (``{grade_id: source}``) where given, else from the notebook ``solution``
    (``fill_solutions``), else left as released."""
    student = nbformat.read(release, as_version=4)
    model = {metadata.grade_id(c): c.source
             for c in nbformat.read(solution, as_version=4).cells
             if metadata.is_solution(c)}
    cells = dict(cells or {})
    unknown = set(cells) - set(model)
    if unknown:
        raise ValueError(f"no solution cells named {sorted(unknown)} in {Path(release).name}")
    for cell in student.cells:
        if not metadata.is_solution(cell):
            continue
        grade_id = metadata.grade_id(cell)
        if grade_id in cells:
            cell.source = cells[grade_id]
        elif fill_solutions:
            cell.source = (answer if cell.cell_type == "markdown"
                           else strip_markers(model[grade_id]))
    return student


ALWAYS_EQUAL = """class Anything:
    \"\"\"Equal to everything, any attribute, call, item or sum is another Anything.\"\"\"

    def __eq__(self, other):
        return True

    def __ne__(self, other):
        return False

    __lt__ = __le__ = __gt__ = __ge__ = __eq__

    def __bool__(self):
        return True

    def __getattr__(self, name):
        return Anything()

    def __call__(self, *args, **kwargs):
        return Anything()

    def __getitem__(self, key):
        return Anything()

    def __len__(self):
        return 1

    def __iter__(self):
        return iter([Anything()])

    def __float__(self):
        return 1.0

    def __int__(self):
        return 1

    __index__ = __int__

    def __hash__(self):
        return 0

    def __add__(self, other):
        return Anything()

    __radd__ = __sub__ = __rsub__ = __mul__ = __rmul__ = __truediv__ = __rtruediv__ = __add__
    __abs__ = __neg__ = __call__
"""


def always_equal_cells(solution):
    """``{grade_id: source}``: every function of the solution returns an always-equal object,
    every top-level name is bound to one (the trick of a student who tries to fool ``==``)."""
    import ast

    cells, first = {}, True
    for cell in nbformat.read(solution, as_version=4).cells:
        if not metadata.is_solution_code(cell):
            continue
        source = ALWAYS_EQUAL if first else ""
        first = False
        for node in ast.parse(strip_markers(cell.source)).body:
            if isinstance(node, ast.FunctionDef):
                source += f"\n\ndef {node.name}(*args, **kwargs):\n    return Anything()\n"
            elif isinstance(node, ast.Assign):
                for target in node.targets:
                    for name in ([target] if isinstance(target, ast.Name)
                                 else getattr(target, "elts", [])):
                        if isinstance(name, ast.Name):
                            source += f"{name.id} = Anything()\n"
        cells[metadata.grade_id(cell)] = source or "pass\n"
    return cells


def strip_markers(source):
    return "\n".join(line for line in source.splitlines()
                     if line.strip() not in ("### BEGIN SOLUTION", "### END SOLUTION"))


# Where a notebook fixes a seed: set_seed(0), seed=0, Generator.from_seed(6)
SEED_PATTERNS = (r"(set_seed\()\d+(\))", r"(\bseed=)\d+()", r"(from_seed\()\d+(\))")


def reseeded(source, seed):
    """``source`` with every fixed seed of the patterns above replaced by ``seed``, except the
    default values in a function's signature (``def split(x, seed=0)``): those belong to the
    function's contract, which the tests check."""
    import ast

    try:
        tree = ast.parse(source)
    except SyntaxError:
        tree = None
    starts = [0]
    for line in source.splitlines(keepends=True):
        starts.append(starts[-1] + len(line))
    signatures = []  # (start, end) offsets of each def's signature
    for node in ast.walk(tree) if tree else ():
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            first = node.body[0]
            signatures.append((starts[node.lineno - 1] + node.col_offset,
                               starts[first.lineno - 1] + first.col_offset))

    def replace(match):
        inside = any(start <= match.start() < end for start, end in signatures)
        return match.group(0) if inside else f"{match.group(1)}{seed}{match.group(2)}"

    for pattern in SEED_PATTERNS:
        source = re.sub(pattern, replace, source)
    return source


def write_class_list(path, students):
    """The CSV file `nbgrader db student import` takes, one made-up row per student id."""
    import csv

    with open(path, "w", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["id", "last_name", "first_name", "email"])
        writer.writerows([sid, f"Last{sid}", f"First{sid}", f"{sid}@example.org"]
                         for sid in students)
    return path
