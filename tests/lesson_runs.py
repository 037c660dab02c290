"""Run a lesson top to bottom in fast mode, once per test run.

tests/notebooks/test_lessons.py runs every lesson; the website (tests/deployment/test_site.py)
shows every lesson executed. Both take the run from here, so that CI executes each lesson once:
the first test to ask for a lesson runs it and keeps the executed notebook in a folder that every
pytest-xdist worker of this run shares (a lock per lesson makes a second worker wait for the
first instead of running it again).
"""

import contextlib
import fcntl
import os
from pathlib import Path

import nbformat
from nbclient import NotebookClient


def run_notebook(path, timeout=600, **env):
    """Execute the notebook ``path`` in its own folder, in fast mode unless ``env`` says
    otherwise; return the executed notebook. Raises CellExecutionError at the first failing
    cell."""
    notebook = nbformat.read(path, as_version=4)
    with environment_kept():
        os.environ.update({"AUGCOURSE_FAST": "1", **env})  # env may ask for full mode
        os.environ.pop("MPLBACKEND", None)  # the kernel draws inline, as in JupyterLab
        NotebookClient(notebook, timeout=timeout, kernel_name="python3",
                       resources={"metadata": {"path": str(Path(path).parent)}}).execute()
    return notebook


@contextlib.contextmanager
def environment_kept():
    """Put this process's environment back as it was when the block ends."""
    before = dict(os.environ)
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(before)


def shared_folder(tmp_path_factory):
    """A folder that every worker of this test run sees (the run's base temporary folder)."""
    base = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):  # a worker's base is <run>/popen-gwN
        base = base.parent
    folder = base / "executed_lessons"
    folder.mkdir(exist_ok=True)
    return folder


def executed_lesson(path, folder):
    """The lesson ``path`` executed in fast mode: run now, or read from ``folder`` where a test
    of this run has kept it."""
    path = Path(path)
    kept = Path(folder) / path.name
    with open(Path(folder) / f"{path.stem}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        if kept.exists():
            return nbformat.read(kept, as_version=4)
        notebook = run_notebook(path)
        nbformat.write(notebook, kept)
        return notebook
