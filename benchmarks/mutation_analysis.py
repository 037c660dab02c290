"""How strong are a problem set's graders? Mutation analysis of its solution.

For every solution cell of ``source/<ps>/<ps>.ipynb`` this makes mutants, small wrong versions of
the solution (an operator or comparison swapped, a constant moved by one, an axis or a dtype
changed, a clip / round / cast / prefetch dropped, two arguments swapped, a keyword argument
dropped, a statement deleted, a random draw made once per batch instead of per image), runs the
notebook's later cells on each (test cells with their hidden tests, as autograde runs them) and
counts the mutant killed when a test cell fails. A mutant that survives is either a gap in the
graders or equivalent to the solution (it computes the same thing); equivalent ones are listed
with the reason in ``benchmarks/equivalent_mutants/<ps>.json``.

    .venv/bin/python benchmarks/mutation_analysis.py               # every problem set
    .venv/bin/python benchmarks/mutation_analysis.py ps03_colour_noise --cell add_noise
    .venv/bin/python benchmarks/mutation_analysis.py ps03_colour_noise --kept

``--kept`` runs the kept submissions of ``tests/submissions/<ps>/`` the same way (in one
process, in seconds instead of nbgrader's minutes) and says which test cells each one fails, and
the requirement its first failure cites. It is a quick check while writing graders; the tests
grade the same files with the real nbgrader.

Prints per problem set: mutants made, killed, equivalent, survived and the kill rate of the
non-equivalent ones, and which requirements the killing failures cite. Writes
``results/mutation_<ps>.txt`` (the survivors, each with its changed line) and
``results/mutation_summary.txt``. Cells run in this process (no kernel, no sandbox): run it only
on the course's own notebooks.
"""

import argparse
import ast
import contextlib
import copy
import io
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
# {solution cell grade_id: {mutant id: why it computes the same as the solution}}, one file per
# problem set
EQUIVALENT = Path(__file__).with_name("equivalent_mutants")
MUTANT_SECONDS = 120  # a mutant that runs longer (an endless loop) counts as killed
# The folder a problem set's training cells fill (ps08's fit_or_load). The solution's trained
# files are kept and put back before every mutant; a mutant of a training cell starts without
# them, so that it trains as its code says instead of loading the solution's run.
TRAINED = "models"

# calls whose removal (keeping their first argument, or the object they are called on) is a
# mutant: the steps a grader must notice when they are missing
DROPPABLE = {"clip", "clip_by_value", "round", "rint", "cast", "astype", "convert_to_tensor",
             "asarray", "floor", "ceil", "minimum", "maximum", "abs", "squeeze", "expand_dims",
             "reverse", "flip", "flip_left_right", "flip_up_down", "transpose", "shuffle",
             "prefetch", "cache", "batch", "map", "repeat", "one_hot", "saturate_cast",
             "reduce_mean", "mean", "sum", "reduce_sum", "sort", "sorted", "tuple", "list", "int",
             "float"}
# random draws whose shape argument, made (1, ...), draws once per batch instead of per image
RANDOM_CALLS = {"uniform", "normal", "integers", "random", "beta", "gamma", "binomial",
                "stateless_uniform", "stateless_normal", "uniform_full_int", "choice",
                "permutation", "shuffle"}
DTYPE_SWAPS = {"float32": "float64", "float64": "float32", "uint8": "int32", "int32": "int64",
               "int64": "int32", "int16": "int8", "float16": "float32"}
STRING_SWAPS = {"constant": "reflect", "reflect": "constant", "nearest": "bilinear",
                "bilinear": "nearest", "horizontal": "vertical", "vertical": "horizontal",
                "horizontal_and_vertical": "horizontal", "float32": "float64",
                "uint8": "int32", "same": "valid", "valid": "same", "relu": "linear",
                "softmax": "linear", "accuracy": "loss", "val_accuracy": "accuracy",
                "val_loss": "loss", "loss": "val_loss"}


# ---------------------------------------------------------------------------- mutants


def _calls_name(call):
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


class _Sites(ast.NodeVisitor):
    """Every place a mutation operator applies: (node path, operator, replacement maker)."""

    def __init__(self):
        self.sites = []

    def add(self, node, operator, make):
        self.sites.append((node, operator, make))

    def visit_BinOp(self, node):
        swaps = {ast.Add: ast.Sub, ast.Sub: ast.Add, ast.Mult: ast.Div, ast.Div: ast.Mult,
                 ast.FloorDiv: ast.Div, ast.Mod: ast.FloorDiv, ast.Pow: ast.Mult}
        if type(node.op) in swaps:
            new = swaps[type(node.op)]
            self.add(node, "arithmetic", lambda n, new=new: ast.BinOp(n.left, new(), n.right))
        self.generic_visit(node)

    def visit_Compare(self, node):
        swaps = {ast.Lt: ast.LtE, ast.LtE: ast.Lt, ast.Gt: ast.GtE, ast.GtE: ast.Gt,
                 ast.Eq: ast.NotEq, ast.NotEq: ast.Eq, ast.Is: ast.IsNot, ast.IsNot: ast.Is,
                 ast.In: ast.NotIn, ast.NotIn: ast.In}
        if len(node.ops) == 1 and type(node.ops[0]) in swaps:
            new = swaps[type(node.ops[0])]
            self.add(node, "comparison",
                     lambda n, new=new: ast.Compare(n.left, [new()], n.comparators))
        self.generic_visit(node)

    def visit_BoolOp(self, node):
        new = ast.Or if isinstance(node.op, ast.And) else ast.And
        self.add(node, "boolean", lambda n, new=new: ast.BoolOp(new(), n.values))
        self.generic_visit(node)

    def visit_UnaryOp(self, node):
        if isinstance(node.op, (ast.Not, ast.USub)):
            self.add(node, "unary dropped", lambda n: n.operand)
        self.generic_visit(node)

    def visit_IfExp(self, node):
        self.add(node, "condition always true", lambda n: n.body)
        self.add(node, "condition always false", lambda n: n.orelse)
        self.generic_visit(node)

    def visit_Constant(self, node):
        value = node.value
        if isinstance(value, bool):
            self.add(node, "boolean constant", lambda n: ast.Constant(not n.value))
        elif isinstance(value, (int, float)):
            self.add(node, "constant +1", lambda n: ast.Constant(n.value + 1))
            self.add(node, "constant -1", lambda n: ast.Constant(n.value - 1))
            if isinstance(value, float) and value not in (0.0, 1.0):
                self.add(node, "constant x2", lambda n: ast.Constant(n.value * 2))
                self.add(node, "constant /2", lambda n: ast.Constant(n.value / 2))
        elif isinstance(value, str) and value in STRING_SWAPS:
            self.add(node, "string", lambda n: ast.Constant(STRING_SWAPS[n.value]))

    def visit_Attribute(self, node):
        if node.attr in DTYPE_SWAPS and isinstance(node.value, ast.Name):
            self.add(node, "dtype",
                     lambda n: ast.Attribute(n.value, DTYPE_SWAPS[n.attr], ast.Load()))
        self.generic_visit(node)

    def visit_Call(self, node):
        name = _calls_name(node)
        if name in DROPPABLE:
            if isinstance(node.func, ast.Attribute) and not _is_module(node.func.value):
                self.add(node, f"{name}() dropped", lambda n: n.func.value)
            elif node.args:
                self.add(node, f"{name}() dropped", lambda n: n.args[0])
        if (len(node.args) >= 2 and not any(isinstance(a, ast.Starred) for a in node.args[:2])
                and ast.dump(node.args[0]) != ast.dump(node.args[1])):
            self.add(node, "arguments swapped",
                     lambda n: ast.Call(n.func, [n.args[1], n.args[0], *n.args[2:]], n.keywords))
        for index in range(len(node.keywords)):
            if node.keywords[index].arg is not None:
                self.add(node, f"keyword {node.keywords[index].arg}= dropped",
                         lambda n, i=index: ast.Call(n.func, n.args,
                                                     n.keywords[:i] + n.keywords[i + 1:]))
        if name in RANDOM_CALLS and node.args and isinstance(node.args[0], (ast.List, ast.Tuple)):
            shape = node.args[0]
            if shape.elts and not (isinstance(shape.elts[0], ast.Constant)
                                   and shape.elts[0].value == 1):
                def per_batch(n):
                    first = n.args[0]
                    new_shape = type(first)([ast.Constant(1), *first.elts[1:]], ast.Load())
                    return ast.Call(n.func, [new_shape, *n.args[1:]], n.keywords)
                self.add(node, "one draw per batch", per_batch)
        self.generic_visit(node)

    def visit_FunctionDef(self, node):
        body = node.body
        if isinstance(body[0], ast.Expr) and isinstance(getattr(body[0], "value", None),
                                                        ast.Constant):
            body = body[1:]  # the docstring
        if len(body) > 1:
            for statement in body:
                if not isinstance(statement, ast.Return):
                    self.add(statement, "statement deleted", lambda n: ast.Pass())
        self.generic_visit(node)


def _is_module(node):
    return isinstance(node, ast.Name) and node.id in {"np", "tf", "keras", "math", "augcourse",
                                                      "layers", "random"}


class _Replace(ast.NodeTransformer):
    def __init__(self, target, make):
        self.target, self.make = target, make

    def visit(self, node):
        if node is self.target:
            return self.make(copy.deepcopy(node))
        return super().visit(node)


def mutants(source):
    """``[(mutant id, operator, mutated source)]`` for one solution cell's source.

    The id is ``<original line> -> <mutated line>`` (both as ``ast.unparse`` writes them), so it
    stays the same when unrelated lines change."""
    tree = ast.parse(source)
    original = ast.unparse(tree).splitlines()
    sites = _Sites()
    sites.visit(tree)
    found, seen = [], {}
    for index in range(len(sites.sites)):
        fresh = ast.parse(source)
        fresh_sites = _Sites()
        fresh_sites.visit(fresh)
        node, operator, make = fresh_sites.sites[index]
        mutated = ast.fix_missing_locations(_Replace(node, make).visit(fresh))
        try:
            text = ast.unparse(mutated)
            compile(text, "<mutant>", "exec")
        except (SyntaxError, ValueError, TypeError):
            continue
        lines = text.splitlines()
        if lines == original:
            continue
        changed = _changed_lines(original, lines)
        key = f"{changed[0]} -> {changed[1]}"
        seen[key] = seen.get(key, 0) + 1
        if seen[key] > 1:
            key += f" #{seen[key]}"
        found.append((key, operator, text))
    return found


def _difference(key):
    """The part of a mutant's key (``old -> new``) that differs, with a little context."""
    old, _, new = key.partition(" -> ")
    start = 0
    while start < min(len(old), len(new)) and old[start] == new[start]:
        start += 1
    end = 0
    while end < min(len(old), len(new)) - start and old[-1 - end] == new[-1 - end]:
        end += 1
    start = max(0, start - 20)
    return f"...{old[start:len(old) - end]}... -> ...{new[start:len(new) - end]}..."


def _changed_lines(old, new):
    import difflib

    removed = [line.strip() for line in difflib.unified_diff(old, new, lineterm="", n=0)
               if line.startswith("-") and not line.startswith("---")]
    added = [line.strip() for line in difflib.unified_diff(old, new, lineterm="", n=0)
             if line.startswith("+") and not line.startswith("+++")]
    return " / ".join(removed[1:] if removed[:1] == ["-"] else removed).lstrip("-"), \
        " / ".join(added).lstrip("+")


# ---------------------------------------------------------------------------- running cells


class _Timeout(Exception):
    pass


def _on_alarm(*_):
    raise _Timeout(f"ran longer than {MUTANT_SECONDS} s")


class Notebook:
    """A problem set's source notebook run cell by cell in this process."""

    def __init__(self, assignment):
        from augcourse.grading import metadata

        self.assignment = assignment
        path = REPO / "source" / assignment / f"{assignment}.ipynb"
        self.cells = []  # (grade_id or index, kind, source)
        for index, cell in enumerate(json.loads(path.read_text())["cells"]):
            if cell["cell_type"] != "code":
                continue
            kind = ("test" if metadata.is_test(cell)
                    else "solution" if metadata.is_solution_code(cell) else "setup")
            self.cells.append((metadata.grade_id(cell) or f"cell{index}", kind,
                               metadata.source(cell)))
        self.workdir = Path(tempfile.mkdtemp(prefix=f"mutation-{assignment}-"))
        shutil.copytree(path.parent, self.workdir, dirs_exist_ok=True)
        self.namespace = {"__name__": "__main__"}

    def run(self, source, name):
        """Run one cell's source; return None, or the failure as (type name, message)."""
        old = os.getcwd()
        os.chdir(self.workdir)
        signal.signal(signal.SIGALRM, _on_alarm)
        signal.alarm(MUTANT_SECONDS)
        try:
            with contextlib.redirect_stdout(io.StringIO()):
                exec(compile(source, f"<{name}>", "exec"), self.namespace)
            return None
        except BaseException as error:  # a test's AssertionError, a mutant's crash, a timeout
            if isinstance(error, KeyboardInterrupt):
                raise
            return type(error).__name__, str(error).strip()
        finally:
            signal.alarm(0)
            os.chdir(old)
            try:
                import matplotlib.pyplot as plt

                plt.close("all")
            except ImportError:
                pass

    def run_all(self, replace=None):
        """Run every cell in order, solution cells from ``replace`` where given; return
        ``{test grade_id: failure or None}`` and the failures of other cells."""
        replace = replace or {}
        results, broken = {}, {}
        for grade_id, kind, source in self.cells:
            failure = self.run(replace.get(grade_id, source), grade_id)
            if kind == "test":
                results[grade_id] = failure
            elif failure:
                broken[grade_id] = failure
        return results, broken

    def keep_trained(self):
        """Keep a copy of the files the solution's training cells wrote."""
        self.trained = self.workdir.parent / f"{self.workdir.name}-trained"
        if (self.workdir / TRAINED).exists():
            shutil.copytree(self.workdir / TRAINED, self.trained)

    def reset_trained(self, retrain):
        """Put the solution's trained files back, or (``retrain``) remove them."""
        shutil.rmtree(self.workdir / TRAINED, ignore_errors=True)
        if not retrain and self.trained.exists():
            shutil.copytree(self.trained, self.workdir / TRAINED)

    def first_failure_after(self, position):
        """Run the cells after ``position``, stopping at the first test cell that fails: return
        (test grade_id, failure) or None."""
        for grade_id, kind, source in self.cells[position + 1:]:
            failure = self.run(source, grade_id)
            if failure and kind == "test":
                return grade_id, failure
        return None

    def restore_after(self, position):
        """Run the original cells from ``position`` on, test cells left out."""
        for grade_id, kind, source in self.cells[position:]:
            if kind != "test":
                self.run(source, grade_id)


def _strip_markers(source):
    return "\n".join(line for line in source.splitlines()
                     if line.strip() not in ("### BEGIN SOLUTION", "### END SOLUTION"))


def analyse(assignment, only_cell=None, log=print, verbose=False):
    from augcourse.grading import tasktext

    os.environ.setdefault("MPLBACKEND", "Agg")
    notebook = Notebook(assignment)
    wanted = tasktext.requirements(json.loads(
        (REPO / "source" / assignment / f"{assignment}.ipynb").read_text()))
    baseline, broken = notebook.run_all()
    failing = {k: v for k, v in baseline.items() if v}
    if failing or broken:
        raise SystemExit(f"{assignment}: the solution itself fails: {failing or broken}")
    notebook.keep_trained()
    listed = EQUIVALENT / f"{assignment}.json"
    equivalent = json.loads(listed.read_text()) if listed.exists() else {}
    rows, survivors, cited, made_keys = [], [], {}, {}
    for position, (grade_id, kind, source) in enumerate(notebook.cells):
        if kind != "solution" or (only_cell and grade_id != only_cell):
            continue
        made = mutants(_strip_markers(source))
        made_keys[grade_id] = {key for key, _, _ in made}
        killed = survived = same = 0
        start = time.perf_counter()
        trains = "fit_or_load(" in source
        for key, operator, text in made:
            notebook.reset_trained(retrain=trains)
            if notebook.run(text, grade_id) is None:
                result = notebook.first_failure_after(position)
            else:
                result = (grade_id, ("the cell itself fails", ""))
            notebook.reset_trained(retrain=False)
            notebook.restore_after(position)
            if verbose:
                outcome = f"{result[0]}: {result[1][1][:100]}" if result else "survived"
                log(f"    [{operator}] {_difference(key)}\n      -> {outcome}")
            if result:
                killed += 1
                for requirement in tasktext.cited(result[1][1]):
                    cited[requirement] = cited.get(requirement, 0) + 1
            elif key in equivalent.get(grade_id, {}):
                same += 1
            else:
                survived += 1
                survivors.append((grade_id, operator, key))
        seconds = time.perf_counter() - start
        rows.append((grade_id, len(made), killed, same, survived, seconds))
        log(f"  {grade_id}: {len(made)} mutants, {killed} killed, {same} equivalent, "
            f"{survived} survived ({seconds:.0f} s)")
    stale = {cell: sorted(set(keys) - made_keys.get(cell, set()))
             for cell, keys in equivalent.items() if not only_cell or cell == only_cell}
    return {"assignment": assignment, "rows": rows, "survivors": survivors,
            "requirements": wanted, "cited": cited,
            "stale": {c: k for c, k in stale.items() if k}}


def report(result):
    rows = result["rows"]
    made = sum(r[1] for r in rows)
    killed = sum(r[2] for r in rows)
    same = sum(r[3] for r in rows)
    survived = sum(r[4] for r in rows)
    rate = killed / max(1, made - same)
    lines = [f"{result['assignment']}: {made} mutants, {killed} killed, {same} equivalent, "
             f"{survived} survived: {100 * rate:.1f} % of non-equivalent mutants killed"]
    for cell, operator, key in result["survivors"]:
        lines.append(f"  survived  {cell}  [{operator}]  {key}")
    never = sorted(set(result["requirements"]) - set(result["cited"]))
    if result["requirements"]:
        lines.append("  requirements cited by killing failures: " + ", ".join(
            f"{k} {v}" for k, v in sorted(result["cited"].items())))
        if never:
            lines.append("  requirements no mutant's first failure cites: " + ", ".join(never))
    for cell, keys in result["stale"].items():
        for key in keys:
            lines.append(f"  stale equivalent entry (no such mutant now)  {cell}  {key}")
    return lines, rate


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("assignments", nargs="*", help="problem sets (default: all)")
    parser.add_argument("--cell", help="only this solution cell (grade_id)")
    parser.add_argument("--verbose", action="store_true",
                        help="print each mutant and the test cell that killed it")
    parser.add_argument("--kept", action="store_true",
                        help="run the kept submissions instead of mutants")
    parser.add_argument("--folder", help="with --kept: submissions from this folder instead of "
                        "tests/submissions/<ps>")
    args = parser.parse_args()
    names = args.assignments or sorted(p.name for p in (REPO / "source").iterdir() if p.is_dir())
    if len(names) > 1:  # one process per problem set: TensorFlow state never leaks across
        for name in names:
            extra = ["--kept"] if args.kept else []
            subprocess.run([sys.executable, __file__, name, *extra], check=False)
        if not args.kept:
            summary = [line for name in names
                       for line in _read_lines(_results() / f"mutation_{name}.txt")[:1]]
            (_results() / "mutation_summary.txt").write_text("\n".join(summary) + "\n")
            print("\n".join(summary))
        return
    name = names[0]
    if args.kept:
        return run_kept(name, args.folder)
    print(f"{name}: mutating the solution cells")
    result = analyse(name, args.cell, verbose=args.verbose)
    lines, _ = report(result)
    print("\n".join(lines))
    if not args.cell:
        (_results() / f"mutation_{name}.txt").write_text("\n".join(lines) + "\n")


def run_kept(assignment, folder=None):
    sys.path.insert(0, str(REPO / "tests"))
    from course_harness import kept_submissions, read_submission

    from augcourse.grading import tasktext

    os.environ.setdefault("MPLBACKEND", "Agg")
    submissions = ([read_submission(p) for p in sorted(Path(folder).glob("*.py"))] if folder
                   else kept_submissions(assignment))
    for submission in submissions:
        notebook = Notebook(assignment)
        results, broken = notebook.run_all(
            {k: v for k, v in submission.cells.items()})
        lost = sorted(k for k, v in results.items() if v)
        expected = [] if submission.expect_full else sorted(submission.expect_lose)
        verdict = "as expected" if lost == expected else f"EXPECTED {expected or 'full'}"
        first = next((v for k, v in results.items() if v), None)
        because = f"  first failure: {first[0]}: {first[1][:150]!r}" if first else ""
        cites = tasktext.cited(first[1]) if first else ()
        print(f"{submission.name}: loses {lost or 'nothing'} ({verdict}){because}"
              f"{'' if cites or not first else '  [cites no requirement]'}")
        shutil.rmtree(notebook.workdir, ignore_errors=True)


def _results():
    from augcourse.grading.environment import results_dir

    return results_dir(REPO)


def _read_lines(path):
    return path.read_text().splitlines() if path.exists() else []


if __name__ == "__main__":
    main()
