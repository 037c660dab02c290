"""The test suite's parallel plan works with the installed pytest and pytest-xdist: groups that a
conftest gives in ``pytest_collection_modifyitems`` (as tests/conftest.py does: one per file, one
per problem set of test_grading.py) each run on one worker. pytest 9.2 broke this silently
(pytest-dev/pytest-xdist#1386): every test ran wherever, and each problem set's graded course was
made on both workers."""

import re
import subprocess
import sys

CONFTEST = """
import pytest

@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    for item in items:
        item.add_marker(pytest.mark.xdist_group(item.path.stem))
"""
TESTS = """
import pytest

@pytest.mark.parametrize("n", range(6))
def test_one(n):
    pass
"""


def test_a_conftest_group_runs_on_one_worker(tmp_path):
    (tmp_path / "conftest.py").write_text(CONFTEST)
    for name in ("test_first.py", "test_second.py"):
        (tmp_path / name).write_text(TESTS)
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-n", "2", "--dist", "loadgroup", "-v",
         "-p", "no:cacheprovider", str(tmp_path)],
        capture_output=True, text=True, cwd=tmp_path, timeout=300)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    workers = {}
    for worker, path in re.findall(r"\[(gw\d)\] .*?PASSED (\S+?)::", run.stdout):
        workers.setdefault(path, set()).add(worker)
    assert len(workers) == 2 and run.stdout.count(" PASSED ") == 12, run.stdout
    split = {path: sorted(w) for path, w in workers.items() if len(w) > 1}
    assert not split, (
        f"tests of one xdist group ran on several workers {split}: this pytest / pytest-xdist "
        "pair ignores --dist loadgroup, so the suite makes each graded course more than once")


def test_the_longest_groups_named_in_conftest_exist():
    """tests/conftest.py starts these groups first; a renamed file or problem set would drop out
    of the order silently."""
    import importlib.util
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    # by its path: in a whole run, the module name "conftest" may be tests/claims/conftest.py
    spec = importlib.util.spec_from_file_location("tests_conftest", root / "tests" / "conftest.py")
    conftest = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(conftest)
    LONGEST_FIRST = conftest.LONGEST_FIRST  # noqa: N806 (the name conftest gives it)
    for group in LONGEST_FIRST:
        path, _, assignment = group.partition("-")
        assert (root / path).is_file(), f"LONGEST_FIRST names {path}, which is not a test file"
        if assignment:
            assert (root / "source" / assignment).is_dir(), (
                f"LONGEST_FIRST names problem set {assignment}, which is not in source/")
