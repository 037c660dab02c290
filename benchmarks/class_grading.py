"""How fast a whole class is autograded: one nbgrader process against the class grader with
1 and with N workers.

Run on purpose (not part of the tests):

    .venv/bin/python benchmarks/class_grading.py                      # 100 students of ps06
    .venv/bin/python benchmarks/class_grading.py --students 40 --assignment ps05_pitfalls

It builds a synthetic class in a scratch course folder: the kept submissions of the assignment
(tests/submissions/: the model answer, the correct variants and the real mistakes) dealt out in
turn to N students. It grades that class from nothing (a fresh gradebook, nothing autograded) first
with one plain `nbgrader autograde ASSIGNMENT` process (every student in turn: the baseline), then
with `python -m augcourse.grading.classgrade`'s engine once per worker count, and prints seconds,
students per minute, the speed-up over the baseline, how many cores were busy on average (CPU
seconds of the whole machine over wall seconds, so run it on an otherwise idle machine: a baseline
that already keeps more than one core busy leaves less to gain), and whether every run gave every
student the same points. The figures go to results/class_grading.txt and .json. The default
assignment, ps06_mixing, is the slowest to grade per student apart from the project.
With AUGCOURSE_FAST=1 it grades 6 students of ps01 (a smoke run for the tests).
"""

import argparse
import json
import os
import platform
import shutil
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from course_harness import Course, kept_submissions, nbgrader  # noqa: E402

from augcourse.grading import classgrade  # noqa: E402
from augcourse.grading.environment import results_dir  # noqa: E402

# each grader measured here starts (and pays for) its own warm process, as in a class: not one
# that an AUGCOURSE_WARM_OWNER (the test suite's, say) keeps from grader to grader
os.environ.pop("AUGCOURSE_WARM_OWNER", None)


def submissions(assignment):
    """Notebook makers for the class: the model answer, then every kept submission that
    needs no files next to it."""
    kept = [s for s in kept_submissions(assignment) if not s.files]
    return [None] + kept


def build_class(root, assignment, size):
    """A scratch course with ``size`` submitted students; returns the Course and what each
    student submitted."""
    course = Course(root, assignment)
    makers = submissions(assignment)
    handed_in = {}
    for i in range(size):
        kept = makers[i % len(makers)]
        student = f"s{i + 1:03d}"
        course.submit(student, course.student_notebook(kept.cells if kept else None))
        handed_in[student] = kept.name if kept else "solution"
    return course, handed_in


def cpu_seconds():
    """CPU seconds the whole machine has used so far (Linux: /proc/stat, user + nice + system).
    Not this process's children: warm kernels are forks of a process no grader waits for
    (augcourse/grading/sandbox.py), so their CPU time never reaches nbgrader's. Run the benchmark
    on an otherwise idle machine."""
    fields = Path("/proc/stat").read_text().splitlines()[0].split()[1:]
    return (int(fields[0]) + int(fields[1]) + int(fields[2])) / os.sysconf("SC_CLK_TCK")


def one_process(course, assignment):
    """The baseline: one `nbgrader autograde` for the whole class; returns Results and seconds."""
    start = time.perf_counter()
    nbgrader(course.root, "autograde", assignment, timeout=7200)  # its failures show below
    seconds = time.perf_counter() - start
    names = classgrade.students(course.root, assignment)
    points = classgrade.points(course.root, assignment, names)
    return [classgrade.Result(s, "graded" if s in points else "failed", points=points.get(s, ""))
            for s in names], seconds


def main(argv=None):
    fast = os.environ.get("AUGCOURSE_FAST") == "1"
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--assignment", default="ps01_pixels" if fast else "ps06_mixing")
    # 6 in fast mode: ps01's kept submissions start with 3 correct variants, then mistakes
    parser.add_argument("--students", type=int, default=6 if fast else 100)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, os.cpu_count() or 1])
    options = parser.parse_args(argv)
    if options.students < 1 or min(options.workers) < 1:
        parser.error("--students and --workers must be 1 or more")
    lines = [f"class grading on {platform.node()} ({os.cpu_count()} cores), "
             f"{datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC: {options.students} students of "
             f"{options.assignment}"]
    runs = []
    scratch = Path(tempfile.mkdtemp(prefix="augcourse-class-"))
    try:
        for workers in [None] + options.workers:  # None: the one-process baseline
            course, handed_in = build_class(scratch / f"workers{workers}", options.assignment,
                                            options.students)
            before = cpu_seconds()
            if workers is None:
                results, seconds = one_process(course, options.assignment)
            else:
                results, seconds = classgrade.grade_class(
                    course.root, options.assignment, workers, report=lambda text: None)
            cpu = cpu_seconds() - before
            failed = [r.student for r in results if r.status != "graded"]
            points = {r.student: r.points for r in results}
            runs.append({"how": ("one nbgrader process" if workers is None
                                 else f"class grader, {workers} worker(s)"),
                         "workers": workers, "seconds": round(seconds, 1),
                         "cpu_seconds": round(cpu, 1),
                         "students_per_minute": round(len(results) / seconds * 60, 2),
                         "failed": failed, "points": points, "handed_in": handed_in})
            shutil.rmtree(course.root, ignore_errors=True)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    baseline = runs[0]["seconds"]
    for run in runs:
        lines.append(f"{run['how']}: {run['seconds']:.0f} s, "
                     f"{run['students_per_minute']:.1f} students per minute, "
                     f"{baseline / run['seconds']:.2f}x one process; cores busy on average: "
                     f"{run['cpu_seconds'] / run['seconds']:.2f}; failed: {len(run['failed'])}")
    same = len({json.dumps(r["points"], sort_keys=True) for r in runs}) == 1
    lines.append(f"all {len(runs)} runs gave every student the same points: "
                 + ("yes" if same else "NO"))
    text = "\n".join(lines)
    print(text)
    out = results_dir(REPO)
    (out / "class_grading.txt").write_text(text + "\n")
    (out / "class_grading.json").write_text(json.dumps({"assignment": options.assignment,
                                                        "students": options.students,
                                                        "runs": runs}, indent=1))
    return 0 if same and not any(r["failed"] for r in runs) else 1


if __name__ == "__main__":
    sys.exit(main())
