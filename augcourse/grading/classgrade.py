"""Autograde a whole class in parallel, resume after an interruption, and say what happened.

    python -m augcourse.grading.classgrade ps01_pixels                # in the course folder
    python -m augcourse.grading.classgrade ps01_pixels --workers 2 --course /path/to/course
    python -m augcourse.grading.classgrade ps01_pixels --shard 2/4     # this machine's quarter

``--workers`` grading processes run at once (the number of CPU cores unless told). Each loads
nbgrader and the course's configuration once, then takes students from the class one at a time
and autogrades each with nbgrader's own API (what formgrader's "autograde" button runs): every
student gets their own nbgrader Autograde run, their own kernel and their own log, while the
start of nbgrader (about 4 s here) is paid once per worker, not once per student. A student whose
autograded folder is already there is skipped, so running the command again after an
interruption grades only the rest (``--force`` grades everyone again). A student whose worker
died, or who met a locked gradebook, is tried again (3 tries in all). Each student's nbgrader log
goes to ``logs/autograde/ASSIGNMENT/ID.log``, and whatever the kernels print outside the notebook
to ``worker-N.log`` beside it. At the end a table gives every student's status (graded, skipped,
failed and why), auto-graded points and seconds; the command exits 1 when any student failed, so
a script notices. While it runs, a progress bar (tqdm, on stderr) shows the students done, how
many failed, the rate and the time left.

Several machines grade a class together with ``--shard K/N``: each takes the students whose id
falls in share K of N by a stable hash (SHA-256 of the id), so N machines running shards 1 to N
against the same gradebook (PostgreSQL; SQLite is one file on one machine) grade every student
exactly once, whatever order they start in. ``--dry-run`` lists a shard's students and grades
nobody. deploy/ has examples for a Kubernetes indexed Job and a Slurm job array.
"""

import argparse
import hashlib
import json
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

from tqdm import tqdm

from augcourse.grading.environment import program_environment

BUSY = "database is locked"  # SQLite's words when another process holds the gradebook
# nbgrader's words for the usual failures, and how the table says them
REASONS = (("DeadKernelError", "the kernel died (os._exit, a crash, or the CPU-time cap)"),
           ("NotJSONError", "the notebook is not valid JSON"),
           ("No notebooks found", "no notebook with the released name"),
           ("CellTimeoutError", "a cell ran past the time limit and did not stop"),
           (BUSY, "the gradebook was busy"),
           ("MissingEntry", "a graded cell is missing or renamed"),
           ("grade id", "graded cells were duplicated or renamed"))
WORKER_DIED = "the grading process stopped before it finished this student"


@dataclass
class Result:
    student: str
    status: str  # graded, skipped, failed
    reason: str = ""
    seconds: float = 0.0
    points: str = ""


def students(course, assignment, shard=None):
    """Student ids with a submitted folder for ``assignment``; with ``shard=(k, n)`` only those
    in share k of n (see :func:`in_shard`)."""
    names = sorted(p.parent.name for p in (Path(course) / "submitted").glob(f"*/{assignment}")
                   if p.is_dir())
    return [name for name in names if shard is None or in_shard(name, *shard)]


def in_shard(student, k, n):
    """Whether ``student`` belongs to share ``k`` (1 to ``n``) of ``n``: a stable hash of the id,
    the same on every machine and in every run (Python's own ``hash`` of a string is not)."""
    return int(hashlib.sha256(student.encode()).hexdigest(), 16) % n == k - 1


def parse_shard(text):
    """"2/4" -> (2, 4); ValueError with a message for anything else."""
    match = re.fullmatch(r"(\d+)/(\d+)", text.strip())
    if not match or not 1 <= int(match.group(1)) <= int(match.group(2)):
        raise ValueError(f"--shard takes K/N with 1 <= K <= N, such as 2/4; got {text!r}")
    return int(match.group(1)), int(match.group(2))


def _reason(output):
    for marker, words in REASONS:
        if marker in output:
            return words
    errors = [line for line in output.splitlines() if "ERROR" in line]
    return errors[-1].split("]", 1)[-1].strip()[:100] if errors else "see the log"


def serve(assignment, force):
    """The worker's side (``--serve``): autograde each student named on stdin in this process
    and answer one JSON line per student. Answers go out on a private copy of stdout; the
    process's own stdout and stdin are swapped for stderr and /dev/null first, because the
    kernels inherit them and a student's code must not be able to forge or steal a line."""
    import logging

    from nbgrader.apps.api import NbGraderAPI
    from nbgrader.apps.nbgraderapp import NbGraderApp
    from nbgrader.coursedir import CourseDirectory

    # warm kernels (augcourse/grading/sandbox.py): one TensorFlow import per worker, not per
    # student
    os.environ.setdefault("AUGCOURSE_WARM_KERNELS", "on")
    answers = os.fdopen(os.dup(1), "w", buffering=1)  # os.dup: not inherited by kernels
    requests = os.fdopen(os.dup(0))
    os.dup2(2, 1)
    os.dup2(os.open(os.devnull, os.O_RDONLY), 0)
    app = NbGraderApp()
    app.load_config_file()  # the course's nbgrader_config.py, from the current folder
    log = logging.getLogger("augcourse.grading.classgrade")
    log.setLevel(logging.INFO)
    api = NbGraderAPI(CourseDirectory(config=app.config), config=app.config, log=log)
    for line in requests:
        student = line.strip()
        start = time.perf_counter()
        outcome = api.autograde(assignment, student, force=force, create=True)
        answers.write(json.dumps({
            "student": student, "success": bool(outcome.get("success")),
            "log": outcome.get("log", "") + outcome.get("error", ""),
            "seconds": time.perf_counter() - start}) + "\n")


class Worker:
    """One grading process (:func:`serve`), fed one student at a time."""

    def __init__(self, course, assignment, force, number):
        logs = Path(course) / "logs" / "autograde" / assignment
        logs.mkdir(parents=True, exist_ok=True)
        self.logs = logs
        self.output = open(logs / f"worker-{number}.log", "a")
        command = [sys.executable, "-m", "augcourse.grading.classgrade", assignment, "--serve"]
        self.process = subprocess.Popen(command + (["--force"] if force else []), cwd=course,
                                        env=program_environment(), text=True, stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, stderr=self.output)

    def grade(self, student):
        """Grade one student; return a :class:`Result` (status "retry" when the worker died or
        the gradebook was locked)."""
        start = time.perf_counter()
        try:
            self.process.stdin.write(student + "\n")
            self.process.stdin.flush()
            answer = json.loads(self.process.stdout.readline() or "null")
        except (BrokenPipeError, ValueError):
            answer = None
        if answer is None or answer.get("student") != student:
            self.close()
            (self.logs / f"{student}.log").write_text(
                f"{WORKER_DIED}; see {self.output.name}\n")
            return Result(student, "retry", WORKER_DIED, time.perf_counter() - start)
        (self.logs / f"{student}.log").write_text(answer["log"])
        if BUSY in answer["log"]:
            status = "retry"
        else:
            status = "graded" if answer["success"] else "failed"
        return Result(student, status, "" if answer["success"] else _reason(answer["log"]),
                      answer["seconds"])

    def alive(self):
        return self.process.poll() is None

    def close(self):
        if self.process.stdin and not self.process.stdin.closed:
            try:
                self.process.stdin.close()  # the worker's loop ends at the end of its input
            except BrokenPipeError:
                pass
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.output.close()


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
                             text=True, env=program_environment())
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


def grade_class(course, assignment, workers=None, force=False, report=print, tries=3,
                shard=None, progress=True):
    """Grade every submitted student of ``assignment`` (of share ``shard=(k, n)`` only, when
    given); return the results and seconds. ``progress``: show a progress bar on stderr."""
    names = students(course, assignment, shard)
    if not names:
        where = f"{Path(course) / 'submitted'}/*/{assignment}"
        raise FileNotFoundError(f"no submissions in {where}" + (
            f" for shard {shard[0]}/{shard[1]}" if shard and students(course, assignment) else ""))
    workers = workers or os.cpu_count() or 1
    results, tried, lock = {}, {}, threading.Lock()
    todo = deque()
    for student in names:
        if (Path(course) / "autograded" / student / assignment).is_dir() and not force:
            results[student] = Result(student, "skipped", "graded before")
        else:
            todo.append(student)

    bar = tqdm(total=len(todo), unit="student", desc=f"grading {assignment}", file=sys.stderr,
               disable=not progress, dynamic_ncols=True, smoothing=0.1)
    bar.set_postfix(failed=0)

    def take():
        with lock:
            return todo.popleft() if todo else None

    def record(result):
        """Keep ``result``; return True when the student goes back in the queue."""
        with lock:
            tried[result.student] = tried.get(result.student, 0) + 1
            earlier = results.get(result.student)
            if earlier:  # an earlier try: its seconds count too, and the table says it
                result.seconds += earlier.seconds
                result.reason = result.reason or (f"on try {tried[result.student]}; "
                                                  f"before: {earlier.reason}")
            again = result.status == "retry" and tried[result.student] < tries
            if again:
                todo.append(result.student)
            elif result.status == "retry":
                result.status = "failed"
            results[result.student] = result
            if not again:
                bar.update(1)
                bar.set_postfix(failed=sum(r.status == "failed" for r in results.values()))
            return again

    def work(number):
        worker = None
        try:
            while student := take():
                if worker is None or not worker.alive():
                    worker = Worker(course, assignment, force, number)
                if record(worker.grade(student)):
                    time.sleep(1)  # the gradebook was busy, or the worker died: let it settle
        finally:
            if worker is not None:
                worker.close()

    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=workers) as pool:  # a thread drives each worker
        for running in [pool.submit(work, number) for number in range(1, workers + 1)]:
            running.result()
    bar.close()
    seconds = time.perf_counter() - start
    ordered = [results[student] for student in names]
    for student, got in points(course, assignment, names).items():
        results[student].points = got
    report(table(ordered, seconds, workers, shard))
    return ordered, seconds


def table(results, seconds, workers, shard=None):
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
                 f"worker(s), {rate:.1f} students per minute"
                 + (f"; shard {shard[0]}/{shard[1]}" if shard else ""))
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m augcourse.grading.classgrade",
                                     description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("assignment")
    parser.add_argument("--course", default=".", help="the course folder (default: here)")
    parser.add_argument("--workers", type=int, default=None,
                        help="students graded at once (default: the number of CPU cores)")
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)  # a worker
    parser.add_argument("--force", action="store_true", help="grade graded students again")
    parser.add_argument("--shard", default=None, metavar="K/N",
                        help="grade only share K of N of the class (several machines, one "
                             "gradebook)")
    parser.add_argument("--dry-run", action="store_true",
                        help="list the students this run would grade, and grade nobody")
    parser.add_argument("--no-progress", action="store_true", help="no progress bar")
    options = parser.parse_args(argv)
    try:
        shard = parse_shard(options.shard) if options.shard else None
    except ValueError as error:
        parser.error(str(error))
    if options.workers is not None and options.workers < 1:
        parser.error("--workers must be 1 or more")
    if not re.fullmatch(r"[\w.-]+", options.assignment):
        parser.error(f"not an assignment name: {options.assignment!r}")
    if options.serve:  # run by Worker, in the course folder
        serve(options.assignment, options.force)
        return 0
    if options.dry_run:
        print("\n".join(students(options.course, options.assignment, shard)))
        return 0
    try:
        results, _ = grade_class(options.course, options.assignment, options.workers,
                                 options.force, shard=shard, progress=not options.no_progress)
    except FileNotFoundError as error:
        print(f"classgrade: {error}", file=sys.stderr)
        return 2
    return 1 if any(r.status == "failed" for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
