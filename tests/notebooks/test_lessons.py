"""Every lesson runs top to bottom in fast mode, with no error."""

from pathlib import Path

import pytest

from lesson_runs import run_notebook

REPO = Path(__file__).resolve().parents[2]
LESSONS = sorted((REPO / "lessons").glob("*.ipynb"))


def test_there_are_lessons():
    assert LESSONS, "lessons/ has no notebooks"


@pytest.mark.parametrize("path", LESSONS, ids=[p.stem for p in LESSONS])
def test_lesson_runs_top_to_bottom(path, executed_lesson):
    # raises CellExecutionError on the first failing cell; the run is kept for the website's
    # test (tests/deployment/test_site.py)
    notebook = executed_lesson(path)
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
