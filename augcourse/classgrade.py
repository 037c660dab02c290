"""Autograde a whole class in parallel, resume after an interruption, and say what happened.

    python -m augcourse.classgrade ps01_pixels                # in the course folder
    python -m augcourse.classgrade ps01_pixels --workers 2 --course /path/to/course

``--workers`` nbgrader processes run at once (the number of CPU cores unless told), each
autograding a batch of students in turn: ``nbgrader autograde ASSIGNMENT`` told to leave out
everyone outside its batch. Batches start large and shrink as the class runs out (what is left
divided by twice the workers), so the cores stay busy to the end while nbgrader starts (about 4 s
each here) only a handful of times; ``--batch 1`` gives every student their own process. A
student whose autograded folder is already there is skipped, so running the command again after
an interruption grades only the rest (``--force`` grades everyone again). Students a process
never reached, or reached while the gradebook was locked, are tried again (3 tries in all). Each
student's part of nbgrader's output goes to ``logs/autograde/ASSIGNMENT/ID.log``. At the end a
table gives every student's status (graded, skipped, failed and why), auto-graded points and
seconds; the command exits 1 when any student failed, so a script notices.
"""

import argparse
import math
import os
import re
import subprocess
import sys
import threading
import time
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

BUSY = "database is locked"  # SQLite's words when another process holds the gradebook
# nbgrader's words for the usual failures, and how the table says them
REASONS = (("DeadKernelError", "the kernel died (os._exit, a crash, or the CPU-time cap)"),
           ("NotJSONError", "the notebook is not valid JSON"),
           ("No notebooks found", "no notebook with the released name"),
           ("CellTimeoutError", "a cell ran past the time limit and did not stop"),
           (BUSY, "the gradebook was busy"),
           ("MissingEntry", "a graded cell is missing or renamed"),
           ("grade id", "graded cells were duplicated or renamed"))
# What nbgrader 0.9 logs about each student: it names the student's folders and ID, logs the
# first line below once every notebook of the student is written, and one of the others when
# the student failed (the gradebook then holds no grades for them).
FINISHED = "Setting destination file permissions"
FAILED = ("There was an error processing assignment", "kernel became unresponsive")
NOT_FINISHED = "nbgrader stopped before it finished this student"


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


def _nbgrader():
    """The nbgrader program of this environment, and an environment whose PATH finds the helper
    programs nbgrader runs by name (alembic) in the same place."""
    program = Path(sys.executable).with_name("nbgrader")
    env = dict(os.environ, PATH=os.pathsep.join([str(program.parent), os.environ["PATH"]]))
    return (str(program) if program.exists() else "nbgrader"), env


def _run_split(command, course, batch):
    """Run one nbgrader process; return its exit code, the lines before any student, and each
    student's lines and seconds (a line belongs to the student it names, and the lines after
    it to the same student until another is named)."""
    names = "|".join(re.escape(s) for s in batch)
    who = re.compile(rf"(?:submitted|autograded)[/\\]({names})[/\\]|ID '({names})'"
                     rf"|student '({names})'")
    program, env = _nbgrader()
    process = subprocess.Popen([program] + command, cwd=course, env=env, text=True,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    preamble, lines, seconds = [], {}, {}
    current, since = None, time.perf_counter()
    for line in process.stdout:
        found = who.search(line)
        named = next(g for g in found.groups() if g) if found else current
        if named != current:
            now = time.perf_counter()
            if current is not None:
                seconds[current] = seconds.get(current, 0.0) + now - since
            current, since = named, now
        (lines.setdefault(current, []) if current else preamble).append(line)
    code = process.wait()
    if current is not None:
        seconds[current] = seconds.get(current, 0.0) + time.perf_counter() - since
    return code, preamble, lines, seconds


def grade_batch(course, assignment, batch, everyone, force=False):
    """Autograde the students in ``batch`` (out of ``everyone`` submitted) with one nbgrader
    process; return a :class:`Result` per student, with status "retry" for the students nbgrader
    did not reach, did not finish, or could not write while the gradebook was locked."""
    course = Path(course)
    left_out = sorted(set(everyone) - set(batch))
    command = ["autograde", assignment,
               f"--CourseDirectory.student_id_exclude={','.join(left_out)}"]
    code, preamble, lines, seconds = _run_split(command + (["--force"] if force else []),
                                                course, batch)
    logs = course / "logs" / "autograde" / assignment
    logs.mkdir(parents=True, exist_ok=True)
    results = []
    for student in batch:
        mine = "".join(lines.get(student, []))
        text = "".join(preamble) + mine
        (logs / f"{student}.log").write_text(
            f"(graded by one nbgrader process with {', '.join(batch)}; it exited {code})\n" + text)
        failed = any(marker in mine for marker in FAILED)
        if BUSY in text or not (failed or FINISHED in mine):
            results.append(Result(student, "retry", _reason(text) if BUSY in text
                                  else NOT_FINISHED, seconds.get(student, 0.0)))
        elif failed:
            results.append(Result(student, "failed", _reason(mine), seconds.get(student, 0.0)))
        else:
            results.append(Result(student, "graded", "", seconds.get(student, 0.0)))
    return results


_DB_URL = """
from nbgrader.apps.nbgraderapp import NbGraderApp
from nbgrader.coursedir import CourseDirectory

app = NbGraderApp()
app.load_config_file()
print(CourseDirectory(config=app.config).db_url)
"""


def gradebook_url(course):
    """The gradebook's URL as the course's nbgrader configuration gives it. nbgrader's own
    loader reads it in a separate process: the course's nbgrader_config.py changes the
    environment of whoever runs it."""
    process = subprocess.run([sys.executable, "-c", _DB_URL], cwd=course, capture_output=True,
                             text=True, env=_nbgrader()[1])
    lines = process.stdout.strip().splitlines()
    if process.returncode != 0 or not lines:
        raise RuntimeError(f"could not read the course's nbgrader configuration in {course}:\n"
                           + process.stderr[-2000:])
    return lines[-1]


def points(course, assignment, names):
    """Each student's auto-graded points and the most they could get, as "8/10", from the
    gradebook (students without a graded submission are left out)."""
    from nbgrader.api import Gradebook, MissingEntry

    found = {}
    with Gradebook(gradebook_url(course)) as gradebook:
        for student in names:
            try:
                submission = gradebook.find_submission(assignment, student)
            except MissingEntry:
                continue
            grades = [g for n in submission.notebooks for g in n.grades
                      if g.cell.cell_type == "code"]
            found[student] = (f"{sum(g.auto_score or 0 for g in grades):g}/"
                              f"{sum(g.max_score for g in grades):g}")
    return found


def grade_class(course, assignment, workers=None, force=False, report=print, batch=None,
                tries=3):
    """Grade every submitted student of ``assignment``; return the results and seconds.
    ``batch``: students per nbgrader process (default: shrinking batches, see the top)."""
    names = students(course, assignment)
    if not names:
        raise FileNotFoundError(f"no submissions in {Path(course) / 'submitted'}/*/{assignment}")
    workers = workers or os.cpu_count() or 1
    results, tried, lock = {}, {}, threading.Lock()
    todo = deque()
    for student in names:
        if (Path(course) / "autograded" / student / assignment).is_dir() and not force:
            results[student] = Result(student, "skipped", "graded before")
        else:
            todo.append(student)

    def take():
        with lock:
            size = batch or math.ceil(len(todo) / (2 * workers))
            return [todo.popleft() for _ in range(min(size, len(todo)))]

    def work():
        while group := take():
            retry = False
            for result in grade_batch(course, assignment, group, names, force):
                with lock:
                    tried[result.student] = tried.get(result.student, 0) + 1
                    earlier = results.get(result.student)
                    if earlier:  # an earlier try: its seconds count too, and the table says it
                        result.seconds += earlier.seconds
                        result.reason = result.reason or (f"on try {tried[result.student]}; "
                                                          f"before: {earlier.reason}")
                    if result.status == "retry" and tried[result.student] < tries:
                        todo.append(result.student)
                        retry = True
                    elif result.status == "retry":
                        result.status = "failed"
                    results[result.student] = result
            if retry:
                time.sleep(1)  # the gradebook was busy, or nbgrader stopped: let it settle

    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=workers) as pool:  # each worker runs its own processes
        for running in [pool.submit(work) for _ in range(workers)]:
            running.result()
    seconds = time.perf_counter() - start
    ordered = [results[student] for student in names]
    for student, got in points(course, assignment, names).items():
        results[student].points = got
    report(table(ordered, seconds, workers))
    return ordered, seconds


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
    parser.add_argument("--batch", type=int, default=None,
                        help="students per nbgrader process (default: shrinking batches; "
                             "1: a process for every student)")
    parser.add_argument("--force", action="store_true", help="grade graded students again")
    options = parser.parse_args(argv)
    for name in ("workers", "batch"):
        if getattr(options, name) is not None and getattr(options, name) < 1:
            parser.error(f"--{name} must be 1 or more")
    if not re.fullmatch(r"[\w.-]+", options.assignment):
        parser.error(f"not an assignment name: {options.assignment!r}")
    try:
        results, _ = grade_class(options.course, options.assignment, options.workers,
                                 options.force, batch=options.batch)
    except FileNotFoundError as error:
        print(f"classgrade: {error}", file=sys.stderr)
        return 2
    return 1 if any(r.status == "failed" for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
