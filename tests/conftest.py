"""Shared pytest set-up.

- Tests live in tiers, one folder each (unit, claims, notebooks, grading, integrity, benchmarks,
  deployment). `bash course.sh test` runs the tiers a course author needs (pyproject's
  `testpaths`); `bash course.sh test all` adds benchmarks and deployment, as CI does. The run
  ends with the seconds spent in each tier, also written to `results/test_tier_seconds.txt`.
- Tests run in parallel (pytest-xdist, `--dist loadgroup`): the tests of one file stay on one
  worker, so a file's fixtures (a built site, a database server) are made once; the tests of
  one problem set in tests/grading/test_grading.py form a group of their own (its graded course
  is made once, on one worker), so the seven problem sets grade side by side.
- Tests marked slow run only when asked for: `bash course.sh test -m slow`.
- The browser tests share one headless Chromium per test file (`browser`).
- Every grader the run starts (nbgrader autograde, class-grader workers) forks its warm kernels
  from one warm process per environment that lives as long as the run (AUGCOURSE_WARM_OWNER,
  augcourse/grading/sandbox.py), instead of importing TensorFlow again for each grader;
  tests/integrity/test_sandbox.py checks a grader's own warm process without it, and the
  benchmarks run without it, as an instructor would.
"""

import os
import time
from collections import defaultdict
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
# set before pytest-xdist starts its workers, which inherit it: the whole run shares the owner
os.environ.setdefault("AUGCOURSE_WARM_OWNER", str(os.getpid()))
TIERS = ("unit", "claims", "notebooks", "grading", "integrity", "benchmarks", "deployment")
_seconds = defaultdict(float)
_started = time.monotonic()


def tier_of(nodeid):
    """The tier of a test from its node id (``tests/<tier>/test_x.py::...``)."""
    parts = Path(nodeid.split("::")[0]).parts
    tier = parts[parts.index("tests") + 1] if "tests" in parts else parts[0]
    return tier if tier in TIERS else "other"


# The groups that took longest in CI (.ci/run prints the slowest tests), longest first. They are
# handed to the workers first, so that none of them starts late and runs alone at the end
# (course.sh passes --no-loadscope-reorder, which keeps this order). Only the order matters: a
# stale list costs time, never a result; groups not named follow in collection order.
LONGEST_FIRST = ("tests/grading/test_grading.py-ps08_project",
                 "tests/grading/test_grading.py-ps06_mixing",
                 "tests/grading/test_grading.py-ps05_pitfalls",
                 "tests/grading/test_grading.py-ps04_pipelines",
                 "tests/deployment/test_site.py",
                 "tests/deployment/test_term.py",
                 "tests/deployment/test_postgres.py",
                 "tests/benchmarks/test_benchmarks.py",
                 "tests/grading/test_classgrade.py",
                 "tests/integrity/test_hostile.py")


def xdist_group(item):
    """The test's group: its file, or its file and problem set in test_grading.py."""
    group = item.nodeid.split("::")[0]
    assignment = getattr(item, "callspec", None) and item.callspec.params.get("assignment")
    if item.path.name == "test_grading.py" and assignment:
        group += f"-{assignment}"
    return group


@pytest.hookimpl(tryfirst=True)  # before xdist reads the groups
def pytest_collection_modifyitems(config, items):
    for item in items:
        item.add_marker(pytest.mark.xdist_group(xdist_group(item)))
    rank = {group: i for i, group in enumerate(LONGEST_FIRST)}
    items.sort(key=lambda item: rank.get(xdist_group(item), len(rank)))  # stable
    if "slow" in (config.getoption("-m") or ""):
        return
    skip = pytest.mark.skip(reason="slow: run on purpose with -m slow")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


def pytest_runtest_logreport(report):
    # on the controller under xdist too: every worker's reports come back here
    _seconds[tier_of(report.nodeid.split("@")[0])] += report.duration


def pytest_terminal_summary(terminalreporter, config):
    if hasattr(config, "workerinput") or not _seconds:
        return
    wall = time.monotonic() - _started
    lines = ["test seconds per tier (summed over tests; workers run side by side):"]
    lines += [f"  {tier:11s} {_seconds[tier]:8.1f}" for tier in (*TIERS, "other")
              if tier in _seconds]
    lines.append(f"  {'wall time':11s} {wall:8.1f}")
    for line in lines:
        terminalreporter.write_line(line)
    from augcourse.grading.environment import results_dir

    (results_dir(TESTS.parent) / "test_tier_seconds.txt").write_text("\n".join(lines) + "\n")


@pytest.fixture(scope="session")
def executed_lesson(tmp_path_factory):
    """``executed_lesson(path)``: the lesson run top to bottom in fast mode, once per test run
    (tests/lesson_runs.py)."""
    from lesson_runs import executed_lesson, shared_folder

    folder = shared_folder(tmp_path_factory)
    return lambda path: executed_lesson(path, folder)


@pytest.fixture(scope="module")
def browser():
    from services import launch_chromium

    with launch_chromium() as chromium:
        yield chromium
