"""Autograde a whole class in parallel, resume after an interruption, and say what happened.

    python -m augcourse.classgrade ps01_pixels                # in the course folder
    python -m augcourse.classgrade ps01_pixels --workers 2 --course /path/to/course

Every submitted student of the assignment is graded by its own ``nbgrader autograde
ASSIGNMENT --student ID`` process, ``--workers`` of them at a time (the number of CPU cores
unless told). A student whose autograded folder is already there is skipped, so running the
command again after an interruption grades only the rest (``--force`` grades everyone again).
Each student's nbgrader output goes to ``logs/autograde/ASSIGNMENT/ID.log``. At the end a table
gives every student's status (graded, skipped, failed and why), auto-graded points and
seconds; the command exits 1 when any student failed, so a script notices.
"""

import argparse
import os
import re
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

# nbgrader's words for the usual failures, and how the table says them
REASONS = (("DeadKernelError", "the kernel died (os._exit, a crash, or the CPU-time cap)"),
           ("NotJSONError", "the notebook is not valid JSON"),
           ("No notebooks found", "no notebook with the released name"),
           ("CellTimeoutError", "a cell ran past the time limit and did not stop"),
           ("database is locked", "the gradebook was busy"),
           ("MissingEntry", "a graded cell is missing or renamed"),
           ("grade id", "graded cells were duplicated or renamed"))


@dataclass
class Result:
    student: str
    status: str  # graded, skipped, failed
    reason: str = ""
    seconds: float = 0.0
    points: str = ""


def students(course, assignment):
    """Student ids with a submitted folder for ``assignment``."""
    return sorted(p.parent.name for p in (Path(course) / "submitted").glob(f"*/{assignment}")
                  if p.is_dir())


def _reason(output):
    for marker, words in REASONS:
        if marker in output:
            return words
    errors = [line for line in output.splitlines() if "ERROR" in line]
    return errors[-1].split("]", 1)[-1].strip()[:100] if errors else "see the log"


def grade_one(course, assignment, student, force=False, attempts=3):
    """Autograde one student in its own nbgrader process; return its :class:`Result`."""
    course = Path(course)
    done = course / "autograded" / student / assignment
    if done.is_dir() and not force:
        return Result(student, "skipped", "graded before")
    log = course / "logs" / "autograde" / assignment / f"{student}.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    nbgrader = Path(sys.executable).with_name("nbgrader")
    command = [str(nbgrader) if nbgrader.exists() else "nbgrader", "autograde", assignment,
               "--student", student] + (["--force"] if force else [])
    # nbgrader runs helper programs (alembic) by name: this environment's bin/ comes first
    env = dict(os.environ, PATH=os.pathsep.join([str(nbgrader.parent), os.environ["PATH"]]))
    start = time.perf_counter()
    for attempt in range(attempts):
        process = subprocess.run(command, cwd=course, env=env, capture_output=True, text=True)
        output = process.stdout + process.stderr
        failed = process.returncode != 0 or "There was an error processing" in output
        if not (failed and "database is locked" in output and attempt + 1 < attempts):
            break
        time.sleep(1 + attempt)  # SQLite was busy with another worker: try again
    log.write_text(output)
    seconds = time.perf_counter() - start
    if failed:
        return Result(student, "failed", _reason(output), seconds)
    return Result(student, "graded", "", seconds)


def _points(course, assignment, results):
    """Fill in the auto-graded points of the graded students from the gradebook."""
    from nbgrader.api import Gradebook, MissingEntry

    url = os.environ.get("AUGCOURSE_DB_URL") or f"sqlite:///{Path(course) / 'gradebook.db'}"
    with Gradebook(url) as gradebook:
        for result in results:
            try:
                submission = gradebook.find_submission(assignment, result.student)
            except MissingEntry:
                continue
            grades = [g for n in submission.notebooks for g in n.grades
                      if g.cell.cell_type == "code"]
            result.points = (f"{sum(g.auto_score or 0 for g in grades):g}/"
                             f"{sum(g.max_score for g in grades):g}")


def grade_class(course, assignment, workers=None, force=False, report=print):
    """Grade every submitted student of ``assignment``; return the results and seconds."""
    names = students(course, assignment)
    if not names:
        raise FileNotFoundError(f"no submissions in {Path(course) / 'submitted'}/*/{assignment}")
    workers = workers or os.cpu_count() or 1
    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=workers) as pool:  # each job is its own process
        results = list(pool.map(lambda s: grade_one(course, assignment, s, force), names))
    seconds = time.perf_counter() - start
    _points(course, assignment, results)
    report(table(results, seconds, workers))
    return results, seconds


def table(results, seconds, workers):
    """The summary: one line per student, then the totals."""
    width = max(len(r.student) for r in results)
    lines = [f"{'student':{width}s}  {'status':8s}  {'points':>7s}  {'seconds':>7s}  reason"]
    for r in results:
        lines.append(f"{r.student:{width}s}  {r.status:8s}  {r.points:>7s}  "
                     f"{r.seconds:7.1f}  {r.reason}")
    counts = {status: sum(r.status == status for r in results)
              for status in ("graded", "skipped", "failed")}
    graded = counts["graded"] + counts["failed"]
    rate = graded / seconds * 60 if seconds and graded else 0.0
    lines.append(f"\n{len(results)} students: {counts['graded']} graded, {counts['skipped']} "
                 f"skipped, {counts['failed']} failed; {seconds:.0f} s with {workers} "
                 f"worker(s), {rate:.1f} students per minute")
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m augcourse.classgrade", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("assignment")
    parser.add_argument("--course", default=".", help="the course folder (default: here)")
    parser.add_argument("--workers", type=int, default=None,
                        help="students graded at once (default: the number of CPU cores)")
    parser.add_argument("--force", action="store_true", help="grade graded students again")
    options = parser.parse_args(argv)
    if options.workers is not None and options.workers < 1:
        parser.error("--workers must be 1 or more")
    if not re.fullmatch(r"[\w.-]+", options.assignment):
        parser.error(f"not an assignment name: {options.assignment!r}")
    try:
        results, _ = grade_class(options.course, options.assignment, options.workers,
                                 options.force)
    except FileNotFoundError as error:
        print(f"classgrade: {error}", file=sys.stderr)
        return 2
    return 1 if any(r.status == "failed" for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
