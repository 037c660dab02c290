"""Every lesson runs top to bottom in fast mode, with no error."""

import os
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

REPO = Path(__file__).resolve().parents[2]
LESSONS = sorted((REPO / "lessons").glob("*.ipynb"))


def run_notebook(path, timeout=600, **env):
    notebook = nbformat.read(path, as_version=4)
    env_before = dict(os.environ)
    os.environ.update({"AUGCOURSE_FAST": "1", **env})  # env may ask for full mode
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


def test_lesson_08_runs_at_the_full_scale_without_tf_flowers(tmp_path):
    """The GPU scale's offline fallback (300 digits at 64 x 64), forced on this CPU in fast mode,
    with an empty TFDS folder so that tf_flowers is surely absent."""
    notebook = run_notebook(REPO / "lessons" / "08_overfitting.ipynb", AUGCOURSE_SCALE="full",
                            TFDS_DATA_DIR=str(tmp_path))
    printed = "".join(output.get("text", "") for cell in notebook.cells
                      for output in cell.get("outputs", []))
    # the full scale keeps the training set small at the larger size, and says so
    assert "scale: full" in printed and "train (300, 64, 64, 1) (of 1000 available)" in printed
    assert "still a small training set" in printed
