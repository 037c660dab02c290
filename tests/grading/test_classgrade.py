"""The class grader (augcourse/grading/classgrade.py): parallel grading processes, each autograding
one student at a time with nbgrader's API, a resumable run, tries again when the gradebook is
busy or a worker dies, and a table that says what happened to every student."""

import json
import shutil
import sqlite3
import threading

import nbformat
import pytest

from augcourse.grading import metadata
from augcourse.grading import classgrade

from course_harness import Course, assignments


def class_of_four(root):
    """ann and bob hand in the model answer, cid's notebook ends its kernel, dee's is not
    JSON."""
    course = Course(root, assignments()[0])
    for name in ("ann", "bob"):
        course.submit(name, course.student_notebook())
    exits = course.student_notebook()
    first = next(c for c in exits.cells
                 if metadata.is_solution_code(c))
    first.source = "import os\nos._exit(0)\n" + first.source
    course.submit("cid", exits)
    folder = course.root / "submitted" / "dee" / course.assignment
    folder.mkdir(parents=True)
    (folder / course.release.name).write_text("{ not json")
    return course


@pytest.fixture(scope="module")
def small_class(tmp_path_factory):
    course = class_of_four(tmp_path_factory.mktemp("class"))
    printed = []
    results, seconds = classgrade.grade_class(course.root, course.assignment, workers=2,
                                              report=printed.append)
    return course, {r.student: r for r in results}, printed[0]


def test_every_student_is_graded_or_reported(small_class):
    course, results, _ = small_class
    full = course.scores("ann")
    most = sum(m for _, m in full.values())
    assert results["ann"].status == results["bob"].status == "graded"
    assert results["ann"].points == results["bob"].points == f"{most:g}/{most:g}"
    assert results["cid"].status == "failed" and "kernel died" in results["cid"].reason
    assert results["dee"].status == "failed" and "not valid JSON" in results["dee"].reason
    log = course.root / "logs" / "autograde" / course.assignment / "cid.log"
    assert "DeadKernelError" in log.read_text()


def test_the_table_names_every_student_and_the_totals(small_class):
    _, _, printed = small_class
    for name in ("ann", "bob", "cid", "dee"):
        assert f"\n{name} " in printed
    assert "4 students: 2 graded, 0 skipped, 2 failed" in printed
    assert "2 worker(s)" in printed and "students per minute" in printed


def test_a_second_run_grades_only_who_is_left_and_shows_its_progress(small_class, capfd):
    course, _, _ = small_class
    shutil.rmtree(course.root / "autograded" / "bob")  # as if interrupted while grading bob
    capfd.readouterr()
    results, _ = classgrade.grade_class(course.root, course.assignment, workers=2,
                                        report=lambda text: None)
    status = {r.student: r.status for r in results}
    assert status == {"ann": "skipped", "bob": "graded", "cid": "failed", "dee": "failed"}
    assert all(s == m for s, m in course.scores("bob").values())
    # the progress bar (on stderr, captured here as in a log): who is left, failures, the rate
    bar = capfd.readouterr().err
    assert f"grading {course.assignment}" in bar and "0/3" in bar and "3/3" in bar, bar
    assert "failed=2" in bar and ("student/s" in bar or "s/student" in bar), bar


def test_the_command_line_refuses_bad_input_with_a_message(tmp_path, capsys):
    assert classgrade.main(["ps01_pixels", "--course", str(tmp_path)]) == 2
    assert "no submissions" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        classgrade.main(["ps01_pixels", "--workers", "0"])
    with pytest.raises(SystemExit):
        classgrade.main(["../etc", "--course", str(tmp_path)])


def test_exit_status_says_whether_anyone_failed(small_class, capsys):
    course, _, _ = small_class
    assert classgrade.main([course.assignment, "--course", str(course.root)]) == 1
    assert "failed" in capsys.readouterr().out
    nbformat.write(course.student_notebook(), course.root / "submitted" / "dee" /
                   course.assignment / course.release.name)
    shutil.rmtree(course.root / "submitted" / "cid")  # the instructor set cid aside
    assert classgrade.main([course.assignment, "--course", str(course.root)]) == 0


def test_one_worker_for_the_whole_class_tells_the_students_apart(tmp_path):
    course = class_of_four(tmp_path)
    # eve writes a forged "graded" answer for herself to the grading process's stdout (which
    # her kernel inherits), then ends her kernel: the answer channel is a private copy
    forger = course.student_notebook()
    first = next(c for c in forger.cells
                 if metadata.is_solution_code(c))
    forged = json.dumps({"student": "eve", "success": True, "log": "", "seconds": 1.0})
    first.source = (f"import os\nos.write(1, {forged!r}.encode() + b'\\n')\nos._exit(0)\n"
                    + first.source)
    course.submit("eve", forger)
    results, _ = classgrade.grade_class(course.root, course.assignment, workers=1,
                                        report=lambda text: None)
    results = {r.student: r for r in results}
    most = sum(m for _, m in course.scores("ann").values())
    assert results["ann"].status == results["bob"].status == "graded"
    assert results["ann"].points == results["bob"].points == f"{most:g}/{most:g}"
    assert results["cid"].status == "failed" and "kernel died" in results["cid"].reason
    assert results["dee"].status == "failed" and "not valid JSON" in results["dee"].reason
    assert results["eve"].status == "failed" and "kernel died" in results["eve"].reason
    logs = course.root / "logs" / "autograde" / course.assignment
    assert '"student": "eve"' in (logs / "worker-1.log").read_text()  # where her line went
    assert "DeadKernelError" in (logs / "cid.log").read_text()
    assert "DeadKernelError" not in (logs / "bob.log").read_text()
    assert "submitted/bob/" in (logs / "bob.log").read_text()
    assert "submitted/ann/" not in (logs / "bob.log").read_text()
    assert all(r.seconds > 0 for r in results.values())


def test_a_busy_gradebook_is_tried_again(tmp_path):
    course = Course(tmp_path, assignments()[0])
    for name in ("ann", "bob"):
        course.submit(name, course.student_notebook())
    # another program holds the SQLite gradebook for 15 s; nbgrader gives up after 5 s
    holder = sqlite3.connect(course.root / "gradebook.db", check_same_thread=False,
                             isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    release = threading.Timer(15, holder.execute, ["COMMIT"])
    release.start()
    try:
        results, _ = classgrade.grade_class(course.root, course.assignment, workers=1,
                                            report=lambda text: None)
    finally:
        release.join()
        holder.close()
    assert [r.status for r in results] == ["graded", "graded"], results
    most = sum(m for _, m in course.scores("ann").values())
    assert [r.points for r in results] == [f"{most:g}/{most:g}"] * 2
    assert "the gradebook was busy" in results[0].reason
    assert "try 2" in results[0].reason or "try 3" in results[0].reason


def test_a_worker_that_dies_is_replaced_and_its_student_tried_again(tmp_path, monkeypatch):
    course = Course(tmp_path, assignments()[0])
    course.submit("ann", course.student_notebook())
    started = []

    class DiesOnce(classgrade.Worker):
        """The first grading process is killed as ann is handed to it (a crash, the OOM
        killer)."""

        def __init__(self, *args):
            super().__init__(*args)
            started.append(self)

        def grade(self, student):
            if len(started) == 1:
                self.process.kill()
                self.process.wait()
            return super().grade(student)

    monkeypatch.setattr(classgrade, "Worker", DiesOnce)
    results, _ = classgrade.grade_class(course.root, course.assignment, workers=1,
                                        report=lambda text: None)
    assert len(started) == 2, "a new grading process takes over from the dead one"
    assert results[0].status == "graded", results
    assert results[0].reason == f"on try 2; before: {classgrade.WORKER_DIED}"
    assert all(s == m for s, m in course.scores("ann").values())


IDS = [f"s{number:04d}" for number in range(300)]


@pytest.mark.parametrize("n", [1, 2, 3, 5])
def test_shards_split_the_class_into_parts_that_miss_and_repeat_nobody(n):
    parts = [{s for s in IDS if classgrade.in_shard(s, k, n)} for k in range(1, n + 1)]
    assert set().union(*parts) == set(IDS) and sum(map(len, parts)) == len(IDS)
    assert all(len(part) > 0.6 * len(IDS) / n for part in parts), [len(p) for p in parts]


def test_a_students_shard_is_the_same_in_every_process():
    """Machines must agree: Python's own string hash changes with PYTHONHASHSEED, this must not."""
    import os
    import subprocess
    import sys

    code = ("from augcourse.grading.classgrade import in_shard; "
            f"print([k for s in {IDS[:50]!r} for k in (1, 2, 3) if in_shard(s, k, 3)])")
    seen = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           env=dict(os.environ, PYTHONHASHSEED=seed), check=True).stdout
            for seed in ("1", "2")}
    assert len(seen) == 1


def test_a_bad_shard_is_refused_with_a_message(capsys):
    for shard in ("0/2", "3/2", "1", "a/b"):
        with pytest.raises(SystemExit):
            classgrade.main(["ps01_pixels", "--shard", shard])
        assert "--shard takes K/N" in capsys.readouterr().err


def fake_class(root, names, assignment="ps01_pixels"):
    for name in names:
        (root / "submitted" / name / assignment).mkdir(parents=True)
    return root


def test_dry_run_lists_each_shards_students(tmp_path, capsys):
    fake_class(tmp_path, IDS[:40])
    listed = []
    for k in (1, 2, 3):
        assert classgrade.main(["ps01_pixels", "--course", str(tmp_path), "--shard", f"{k}/3",
                                "--dry-run"]) == 0
        listed.append(capsys.readouterr().out.split())
    assert sorted(sum(listed, [])) == IDS[:40] and all(listed)
    assert not (tmp_path / "autograded").exists()


def deploy_command(which):
    """The shell command that deploy/'s example runs for one shard, and its environment."""
    import yaml

    from course_harness import REPO

    if which == "slurm":
        return ["bash", str(REPO / "deploy" / "classgrade-slurm.sh"), "ps01_pixels"], \
            lambda index, n, course: dict(SLURM_ARRAY_TASK_ID=str(index),
                                          SLURM_ARRAY_TASK_COUNT=str(n),
                                          SLURM_SUBMIT_DIR=str(course))
    job = yaml.safe_load((REPO / "deploy" / "classgrade-job.yaml").read_text())
    container = job["spec"]["template"]["spec"]["containers"][0]
    assert job["spec"]["completionMode"] == "Indexed"
    assert job["spec"]["completions"] == job["spec"]["parallelism"] == int(
        next(e["value"] for e in container["env"] if e["name"] == "SHARDS"))
    return container["command"], lambda index, n, course: dict(
        JOB_COMPLETION_INDEX=str(index), SHARDS=str(n), ASSIGNMENT="ps01_pixels")


@pytest.mark.parametrize("which", ["slurm", "kubernetes"])
def test_the_deploy_examples_give_every_student_to_exactly_one_task(which, tmp_path):
    """deploy/classgrade-slurm.sh and deploy/classgrade-job.yaml, run as the scheduler would run
    task 0 to N-1 (with --dry-run added), list every student once."""
    import os
    import subprocess

    from course_harness import BIN

    course = fake_class(tmp_path, IDS[:30])
    (course / ".venv").symlink_to(BIN.parent)
    command, env_for = deploy_command(which)
    listed = []
    for index in range(4):
        env = dict(os.environ, AUGCOURSE_DB_URL="postgresql://unused", **env_for(index, 4, course))
        out = subprocess.run(command + ["--dry-run"], cwd=course, env=env, capture_output=True,
                             text=True, timeout=120)
        assert out.returncode == 0, out.stderr
        listed.append(out.stdout.split())
    assert sorted(sum(listed, [])) == IDS[:30] and all(listed), listed
