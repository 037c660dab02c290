"""Every lesson runs top to bottom in fast mode, with no error."""

import os
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

REPO = Path(__file__).resolve().parents[1]
LESSONS = sorted((REPO / "lessons").glob("*.ipynb"))


def run_notebook(path, timeout=600):
    notebook = nbformat.read(path, as_version=4)
    env_before = dict(os.environ)
    os.environ.update(AUGCOURSE_FAST="1")
    os.environ.pop("MPLBACKEND", None)  # the kernel draws inline, as in JupyterLab
    try:
        NotebookClient(notebook, timeout=timeout, kernel_name="python3",
                       resources={"metadata": {"path": str(path.parent)}}).execute()
    finally:
        os.environ.clear()
        os.environ.update(env_before)
    return notebook


def test_there_are_lessons():
    assert LESSONS, "lessons/ has no notebooks"


@pytest.mark.parametrize("path", LESSONS, ids=[p.stem for p in LESSONS])
def test_lesson_runs_top_to_bottom(path):
    notebook = run_notebook(path)  # raises CellExecutionError on the first failing cell
    executed = [c for c in notebook.cells if c.cell_type == "code"]
    assert executed and all(c.execution_count for c in executed)
