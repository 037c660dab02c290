"""Put notebooks in the form the course commits them: what `bash course.sh fmt` runs, the fix
for what tests/notebooks/test_repo.py::test_notebook_is_committed_clean refuses.

For each notebook: nbformat 4.5 or later, every cell a valid and unique id (a missing or
repeated one gets a new one), code cells without outputs or execution counts, and no per-cell
run-time metadata (``execution``, ``collapsed``, ``scrolled``). Written as nbformat writes
(one-space indent, sorted keys), so a clean notebook is left byte for byte as it was.

    python tools/fmt_notebooks.py                 # START.ipynb, lessons/ and source/
    python tools/fmt_notebooks.py path.ipynb ...  # these notebooks only
"""

import re
import sys
import warnings
from pathlib import Path

import nbformat

REPO = Path(__file__).resolve().parents[1]
RUN_TIME_KEYS = ("execution", "collapsed", "scrolled")
VALID_ID = re.compile(r"[a-zA-Z0-9_-]{1,64}")


def clean(notebook):
    """Clean ``notebook`` (an nbformat node) in place."""
    notebook.nbformat, notebook.nbformat_minor = 4, max(5, notebook.get("nbformat_minor", 0))
    seen = set()
    for cell in notebook.cells:
        if not VALID_ID.fullmatch(str(cell.get("id") or "")) or cell["id"] in seen:
            cell["id"] = nbformat.v4.new_code_cell().id  # a fresh random id
        seen.add(cell["id"])
        for key in RUN_TIME_KEYS:
            cell.get("metadata", {}).pop(key, None)
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    return notebook


def fmt(path):
    """Clean the notebook at ``path``; True when it changed."""
    before = Path(path).read_text()
    with warnings.catch_warnings():  # nbformat warns of missing or repeated ids: mended here
        warnings.simplefilter("ignore")
        notebook = clean(nbformat.reads(before, as_version=4))
    after = nbformat.writes(notebook) + "\n"
    if after != before:
        Path(path).write_text(after)
    return after != before


def default_paths():
    return [REPO / "START.ipynb", *sorted((REPO / "lessons").glob("*.ipynb")),
            *sorted((REPO / "source").glob("*/*.ipynb"))]


def main(argv):
    paths = [Path(p) for p in argv] or default_paths()
    changed = [p for p in paths if fmt(p)]
    for path in changed:
        print(f"fmt: cleaned {path}")
    print(f"fmt: {len(paths)} notebooks, {len(changed)} changed")


if __name__ == "__main__":
    main(sys.argv[1:])
