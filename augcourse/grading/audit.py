"""The tamper audit: what honest code never does, found in students' submitted notebooks.

Autograde runs each student's code in the same kernel as the tests, so code that patches
NumPy, redefines a test's helper or fakes equality can pass tests it should fail. The graders
resist the common tricks, and the sandbox keeps the course's files out of reach; this audit is
the instructor's last check. Run it after autograde and review every flagged student by hand:

    python -m augcourse.grading.audit ps05_pitfalls            # in the course folder
    python -m augcourse.grading.audit ps05_pitfalls --course /path/to/course --json audit.json

It reads ``submitted/<student>/<assignment>/*.ipynb`` and compares each with the released
notebook: cells the student could not change (locked cells whose source is as released) are
not scanned, every other code cell is. It never runs student code. A notebook that cannot be
read is reported for its student; the others are still audited.
"""

import argparse
import ast
import json
import re
import sys
from dataclasses import asdict, dataclass
from pathlib import Path

from augcourse.grading import metadata

# Modules whose functions the tests rely on; assigning to their attributes is patching.
LIBRARIES = {"numpy", "tensorflow", "keras", "augcourse", "builtins", "scipy", "sklearn",
             "math", "random", "json", "nbformat", "pytest", "unittest", "os", "sys"}
# Builtins that the graders call; honest solutions never rebind them.
GRADER_BUILTINS = {"abs", "all", "any", "bool", "dict", "float", "getattr", "hasattr", "int",
                   "isinstance", "issubclass", "len", "list", "max", "min", "print", "range",
                   "round", "set", "sorted", "str", "sum", "tuple", "type", "zip",
                   "AssertionError", "Exception", "BaseException", "ValueError", "TypeError",
                   "KeyError", "NotImplementedError", "True", "False", "None", "__import__"}
# Calls that end or escape the kernel, or reach into the interpreter's machinery.
CALLS = {
    "os._exit": "ends the kernel (os._exit)", "sys.exit": "ends the kernel (sys.exit)",
    "exit": "ends the kernel (exit)", "quit": "ends the kernel (quit)",
    "os.kill": "sends a signal (os.kill)", "os.killpg": "sends a signal (os.killpg)",
    "os.abort": "ends the kernel (os.abort)", "signal.signal": "changes signal handling",
    "os.system": "runs a shell command", "os.popen": "runs a shell command",
    "subprocess.run": "runs a program", "subprocess.Popen": "runs a program",
    "subprocess.call": "runs a program", "subprocess.check_output": "runs a program",
    "os.fork": "forks the kernel", "os.execv": "replaces the kernel", "os.execvp":
    "replaces the kernel", "atexit.register": "runs code at exit", "sys.settrace":
    "traces execution", "sys.setprofile": "traces execution", "sys._getframe":
    "reads the caller's frame", "inspect.getsource": "reads source code",
    "inspect.stack": "reads the caller's frames", "inspect.currentframe": "reads frames",
    "gc.get_referrers": "reaches objects through the garbage collector",
    "gc.get_objects": "reaches objects through the garbage collector",
    "importlib.reload": "reloads a module", "globals": "reads or changes the namespace",
    "get_ipython": "reaches the IPython shell (hooks, cell history)",
    "setattr": "sets an attribute by name", "delattr": "deletes an attribute by name",
    "object.__setattr__": "sets an attribute past the guard's lock",
    "object.__delattr__": "deletes an attribute past the guard's lock",
    "vars": "reads or changes a namespace",
    "os.chmod": "changes permissions", "os.chdir": "leaves the working folder",
    "ctypes.CDLL": "loads native code", "eval": "evaluates a string as code",
    "exec": "executes a string as code", "compile": "compiles a string as code",
    # places outside the student's folder that code run later would pick up (issue 19)
    "os.path.expanduser": "builds a path in the home folder",
    "pathlib.Path.home": "builds a path in the home folder",
    "Path.home": "builds a path in the home folder",
    "site.getsitepackages": "finds the Python environment's site-packages",
    "site.getusersitepackages": "finds the user's site-packages",
    "sysconfig.get_paths": "finds the Python environment's folders",
    "sysconfig.get_path": "finds the Python environment's folders",
    "tempfile.gettempdir": "builds a path in the shared temporary folder",
}
# Attributes that name the Python environment or the home folder: a path built from them
# leaves the student's folder.
OUTSIDE_ATTRIBUTES = {"sys.prefix", "sys.base_prefix", "sys.exec_prefix", "site.USER_SITE",
                      "site.USER_BASE"}
SUSPECT_MODULES = {"ctypes", "inspect", "gc", "importlib", "signal", "nbformat", "nbgrader",
                   "sqlite3", "builtins", "socket", "urllib", "requests", "http", "pty"}
DUNDERS = {"__eq__", "__ne__", "__bool__", "__array__", "__float__", "__index__", "__len__",
           "__getattr__", "__getattribute__", "__instancecheck__", "__subclasscheck__",
           "__array_ufunc__", "__array_function__", "__class__", "__hash__"}
SECRET_WORDS = re.compile(r"gradebook|\bsource/|/source\b|solutions?/|autograded|submitted|"
                          r"\.ipynb|hidden tests|/etc/|\.\./|nbgrader", re.I)
# Start-up locations: a file written there runs in later Python or IPython processes.
STARTUP_WORDS = re.compile(r"\.pth\b|site-packages|sitecustomize|usercustomize|\.ipython|"
                           r"\.jupyter|/startup\b|ipython_config|jupyter_\w*config", re.I)


@dataclass
class Finding:
    student: str
    cell: str
    line: int
    kind: str
    code: str


def _dotted(node):
    """'np.testing.assert_allclose' for that attribute chain, else None."""
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
        return ".".join(reversed(parts))
    return None


class _Scanner(ast.NodeVisitor):
    def __init__(self, aliases, protected):
        self.aliases = dict(aliases)  # local name -> module it stands for
        self.protected = protected  # names the graders define and call
        self.found = []  # (line, kind)
        self.depth = 0  # inside how many functions or classes: their names are local

    def _local(self, node):
        self.depth += 1
        self.generic_visit(node)
        self.depth -= 1

    def flag(self, node, kind):
        self.found.append((getattr(node, "lineno", 0), kind))

    def _module_of(self, name):
        return self.aliases.get(name.split(".")[0])

    def visit_Import(self, node):
        for alias in node.names:
            self.aliases[alias.asname or alias.name.split(".")[0]] = alias.name.split(".")[0]
            if alias.name.split(".")[0] in SUSPECT_MODULES:
                self.flag(node, f"imports {alias.name}")
        self.generic_visit(node)

    def visit_ImportFrom(self, node):
        root = (node.module or "").split(".")[0]
        if root in SUSPECT_MODULES:
            self.flag(node, f"imports from {node.module}")
        self.generic_visit(node)

    def _target(self, target, node):
        if isinstance(target, (ast.Tuple, ast.List)):
            for element in target.elts:
                self._target(element, node)
            return
        if isinstance(target, ast.Attribute):
            dotted = _dotted(target)
            if dotted and self._module_of(dotted) in LIBRARIES:
                self.flag(node, f"patches {dotted}")
            elif dotted and dotted.split(".")[0] in self.protected:
                self.flag(node, f"patches {dotted}, which the tests use")
            elif target.attr in DUNDERS:
                self.flag(node, f"sets {target.attr}")
        elif isinstance(target, ast.Subscript):
            dotted = _dotted(target.value)
            if dotted in ("sys.modules", "__builtins__", "sys.meta_path") or (
                    dotted or "").endswith("__dict__"):
                self.flag(node, f"changes {dotted}")
            elif isinstance(target.value, ast.Call) and _dotted(target.value.func) in (
                    "vars", "globals", "locals"):
                self.flag(node, f"writes into {_dotted(target.value.func)}()")
        elif isinstance(target, ast.Name):
            self._rebinds(target.id, node)

    def _rebinds(self, name, node):
        if self.depth:
            return
        if name in GRADER_BUILTINS or name == "__builtins__":
            self.flag(node, f"rebinds the builtin {name}")
        elif name in self.protected:
            self.flag(node, f"redefines {name}, which the tests use")
        elif name in self.aliases and self.aliases[name] in LIBRARIES:
            self.flag(node, f"rebinds {name}, the module {self.aliases[name]}")

    def visit_Assign(self, node):
        for target in node.targets:
            self._target(target, node)
        self.generic_visit(node)

    def visit_AugAssign(self, node):
        self._target(node.target, node)
        self.generic_visit(node)

    def visit_AnnAssign(self, node):
        self._target(node.target, node)
        self.generic_visit(node)

    def visit_Delete(self, node):
        for target in node.targets:
            dotted = _dotted(target) or ""
            if self._module_of(dotted) in LIBRARIES or dotted.split(".")[0] in self.protected:
                self.flag(node, f"deletes {dotted}")
        self.generic_visit(node)

    def visit_Attribute(self, node):
        dotted = _dotted(node)
        module = self._module_of(dotted) if dotted else None
        if module and module + dotted[len(dotted.split(".")[0]):] in OUTSIDE_ATTRIBUTES:
            self.flag(node, f"names the Python environment's folder ({dotted})")
        self.generic_visit(node)

    def visit_FunctionDef(self, node):
        if node.name in DUNDERS:
            self.flag(node, f"defines {node.name}")
        elif self.depth == 0 and node.name in GRADER_BUILTINS:
            self.flag(node, f"redefines the builtin {node.name}")
        elif self.depth == 0 and node.name in self.protected:
            self.flag(node, f"redefines {node.name}, which the tests use")
        self._local(node)

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_Lambda(self, node):
        self._local(node)

    def visit_ClassDef(self, node):
        if self.depth == 0 and (node.name in GRADER_BUILTINS or node.name in self.protected):
            self.flag(node, f"redefines {node.name} as a class")
        self._local(node)

    def visit_Global(self, node):
        self.flag(node, "declares globals inside a function")
        self.generic_visit(node)

    def visit_ExceptHandler(self, node):
        caught = _dotted(node.type) if node.type is not None else None
        if node.type is None or caught in ("BaseException", "KeyboardInterrupt"):
            self.flag(node, f"catches {caught or 'everything (bare except)'}, interrupts too")
        self.generic_visit(node)

    def visit_Call(self, node):
        dotted = _dotted(node.func)
        if isinstance(node.func, ast.Attribute) and isinstance(node.func.value, ast.Call) and (
                node.func.attr in ("write_text", "write_bytes", "read_text", "read_bytes",
                                   "unlink", "open", "rmdir", "mkdir")):
            # Path("/x").write_text(...): the path is the inner call's argument
            self._check_path(node, node.func.value.args, f"Path.{node.func.attr}")
        if dotted:
            module = self._module_of(dotted)
            full = (module + dotted[len(dotted.split(".")[0]):]) if module else dotted
            for name in (dotted, full):
                if name in CALLS:
                    self.flag(node, CALLS[name])
                    break
            if full in ("open", "builtins.open", "os.remove", "os.unlink", "shutil.rmtree",
                        "shutil.copy", "shutil.move", "os.rename") or dotted.endswith(
                            (".write_text", ".write_bytes", ".unlink", ".read_text")):
                self._check_path(node, node.args, full)
        self.generic_visit(node)

    def _check_path(self, node, args, call):
        """Flag a file call whose path (its first argument) is a constant outside the working
        folder."""
        path = args[0].value if args and isinstance(args[0], ast.Constant) else None
        if isinstance(path, str) and (path.startswith(("/", "~")) or ".." in path):
            self.flag(node, f"touches a file outside its folder ({call}): {path}")

    def visit_Constant(self, node):
        if isinstance(node.value, str) and SECRET_WORDS.search(node.value):
            self.flag(node, f"names a grading file: {node.value[:60]!r}")
        if isinstance(node.value, str) and STARTUP_WORDS.search(node.value):
            self.flag(node, f"names a start-up location of Python or IPython: "
                            f"{node.value[:60]!r}")


def _python(source):
    """The cell as Python: IPython magics and shell escapes made explicit."""
    from IPython.core.inputtransformer2 import TransformerManager

    return TransformerManager().transform_cell(source)


def _cell_id(cell, index):
    return metadata.grade_id(cell) or f"cell {index + 1}"


def release_facts(release_path):
    """``(released sources of locked cells by grade_id, names the graders define, grade_ids
    in released order)``."""
    notebook = json.loads(Path(release_path).read_text())
    locked, protected = {}, set()
    order = [metadata.grade_id(cell) for cell in notebook["cells"]]
    order = [grade_id for grade_id in order if grade_id]
    for cell in notebook["cells"]:
        if not metadata.is_code(cell):
            continue
        source = metadata.source(cell)
        if metadata.grade_id(cell) and not metadata.is_solution_code(cell):
            locked[metadata.grade_id(cell)] = source
            try:
                tree = ast.parse(_python(source))
            except SyntaxError:
                continue
            for node in tree.body:
                # functions of every locked cell; the variables of the setup and helper cells
                # (a test cell sets its own variables again before it uses them)
                if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
                    protected.add(node.name)
                elif isinstance(node, ast.Assign) and not metadata.is_graded(cell):
                    protected.update(t.id for t in node.targets if isinstance(t, ast.Name))
    return locked, protected, order


def _structure(student, notebook_cells, order):
    """Findings about the graded cells themselves: removed, repeated, renamed or moved."""
    seen = [metadata.grade_id(c) for c in notebook_cells]
    seen = [grade_id for grade_id in seen if grade_id]
    findings = [Finding(student, grade_id, 0, f"the cell {kind}", "")
                for grade_id, kind in
                [(g, "was deleted") for g in order if g not in seen]
                + [(g, f"appears {seen.count(g)} times") for g in dict.fromkeys(seen)
                   if seen.count(g) > 1]
                + [(g, "has a grade_id that was never released") for g in dict.fromkeys(seen)
                   if g not in order]]
    kept = [g for g in dict.fromkeys(seen) if g in order]
    if kept != [g for g in order if g in kept]:
        findings.append(Finding(student, "-", 0, "graded cells are in another order than "
                                "released", ""))
    return findings


def audit_notebook(student, path, locked, protected, order=()):
    """The findings of one submitted notebook (a finding of its own if it cannot be read)."""
    try:
        notebook = json.loads(Path(path).read_text())
        notebook_cells = notebook["cells"]
        if not isinstance(notebook_cells, list):
            raise TypeError("its cells are not a list")
    except (OSError, ValueError, KeyError, TypeError) as error:
        return [Finding(student, "-", 0, f"notebook cannot be read: {error}", str(path))]
    findings = _structure(student, notebook_cells, order) if order else []
    aliases = {"np": "numpy", "tf": "tensorflow", "keras": "keras", "augcourse": "augcourse",
               "plt": "matplotlib", "os": "os", "sys": "sys", "builtins": "builtins"}
    for index, cell in enumerate(notebook_cells):
        if not metadata.is_code(cell):
            continue
        source = metadata.source(cell)
        name = _cell_id(cell, index)
        if name in locked and not metadata.is_solution_code(cell) and source == locked[name]:
            continue  # as released: the student did not write it
        if re.search(r"^\s*[!%]", source, flags=re.M):
            findings.append(Finding(student, name, 0, "uses IPython magics or shell escapes",
                                    source.strip().splitlines()[0][:80]))
        try:
            tree = ast.parse(_python(source))
        except SyntaxError as error:
            findings.append(Finding(student, name, error.lineno or 0, "does not parse", ""))
            continue
        scanner = _Scanner(aliases, protected)
        scanner.visit(tree)
        aliases = scanner.aliases  # imports carry over to later cells
        lines = source.splitlines()
        for line, kind in scanner.found:
            code = lines[line - 1].strip()[:80] if 0 < line <= len(lines) else ""
            findings.append(Finding(student, name, line, kind, code))
    return findings


def audit(course_root, assignment):
    """``(findings, students)`` for every submitted notebook of ``assignment``."""
    root = Path(course_root)
    releases = sorted((root / "exercises" / assignment).glob("*.ipynb"))
    if not releases:
        raise FileNotFoundError(f"no released notebook in {root / 'exercises' / assignment}: "
                                "run nbgrader generate_assignment first")
    facts = {p.name: release_facts(p) for p in releases}
    findings, students = [], []
    for folder in sorted((root / "submitted").glob(f"*/{assignment}")):
        student = folder.parent.name
        students.append(student)
        names = {p.name for p in folder.glob("*.ipynb")}
        for missing in sorted(set(facts) - names):
            findings.append(Finding(student, "-", 0, f"no notebook named {missing}", ""))
        for name in sorted(names):
            if name not in facts:
                findings.append(Finding(student, "-", 0, f"an extra notebook {name}", ""))
                continue
            findings.extend(audit_notebook(student, folder / name, *facts[name]))
    return findings, students


def report(findings, students):
    """The per-student report as text."""
    by_student = {s: [f for f in findings if f.student == s] for s in students}
    lines = [f"tamper audit: {len(students)} students, "
             f"{sum(1 for f in by_student.values() if f)} to review by hand", ""]
    for student, found in by_student.items():
        verdict = f"REVIEW, {len(found)} finding(s)" if found else "nothing found"
        lines.append(f"{student}: {verdict}")
        for f in found:
            where = f"{f.cell}" + (f", line {f.line}" if f.line else "")
            lines.append(f"    [{where}] {f.kind}" + (f"    {f.code}" if f.code else ""))
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m augcourse.grading.audit", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("assignment")
    parser.add_argument("--course", default=".", help="the course folder (default: here)")
    parser.add_argument("--json", help="also write the findings to this JSON file")
    options = parser.parse_args(argv)
    try:
        findings, students = audit(options.course, options.assignment)
    except FileNotFoundError as error:
        print(f"audit: {error}", file=sys.stderr)
        return 2
    print(report(findings, students))
    if options.json:
        Path(options.json).write_text(json.dumps([asdict(f) for f in findings], indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
