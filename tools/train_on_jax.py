"""Train problem set 8's solution with Keras on the JAX backend and keep its model files.

The kept submission ``tests/submissions/ps08_project/alt_trained_on_jax.py`` ships these files,
so the grading tests grade, on TensorFlow, models that another Keras backend trained and saved
(as a student who trained on a GPU machine with JAX would submit). JAX is not one of the course's
requirements; install it beside the course's environment, then run this in fast mode (the mode
the tests grade in):

    .venv/bin/python -m pip install --target /tmp/jax jax jaxlib
    PYTHONPATH=/tmp/jax AUGCOURSE_FAST=1 .venv/bin/python tools/train_on_jax.py

It runs the instructor's notebook (solution and every test, hidden ones included) under
``KERAS_BACKEND=jax``, fails if a test cell fails there, and copies ``models/`` to
``tests/submissions/ps08_project/files/jax_backend/models/``. Run it again after changing the
solution's model, data or epochs: the grading test fails when autograde has to train again.
"""

import os
import shutil
import sys
import tempfile
from pathlib import Path

import nbformat
from nbclient import NotebookClient

REPO = Path(__file__).resolve().parents[1]
NOTEBOOK = REPO / "source" / "ps08_project" / "ps08_project.ipynb"
KEPT = REPO / "tests" / "submissions" / "ps08_project" / "files" / "jax_backend" / "models"


def main():
    try:
        import jax
    except ImportError:
        sys.exit("train_on_jax: JAX is not installed; see this file's docstring")
    if os.environ.get("AUGCOURSE_FAST") != "1":
        sys.exit("train_on_jax: set AUGCOURSE_FAST=1 (the tests grade in fast mode)")
    # the kernel inherits this environment: Keras picks its backend when it is imported
    os.environ["KERAS_BACKEND"] = "jax"
    os.environ["PYTHONPATH"] = os.pathsep.join(
        [str(REPO), *filter(None, [os.environ.get("PYTHONPATH")])])
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    with tempfile.TemporaryDirectory() as scratch:
        NotebookClient(notebook, timeout=1800, kernel_name="python3", allow_errors=True,
                       resources={"metadata": {"path": scratch}}).execute()
        failed = [cell.metadata.get("nbgrader", {}).get("grade_id", cell.id)
                  for cell in notebook.cells
                  if any(o.output_type == "error" for o in cell.get("outputs", []))]
        if failed:
            sys.exit(f"train_on_jax: on the JAX backend these cells failed: {failed}")
        shutil.rmtree(KEPT, ignore_errors=True)
        shutil.copytree(Path(scratch) / "models", KEPT)
    print(f"train_on_jax: JAX {jax.__version__}; kept", *sorted(p.name for p in KEPT.iterdir()))


if __name__ == "__main__":
    main()
