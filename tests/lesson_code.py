"""The lessons' own definitions, for the claim tests: a claim about a lesson's helper is tested on
the helper the lesson defines, so the two cannot drift apart.

    ns = lesson_definitions("07_policies", "s3-dots", np=np)
    rows, cols = ns["dot_positions"](layer, 16, 28)

Each call reads the notebook and runs the named code cells, in the order given, in a fresh
namespace that starts with the keyword arguments (the imports those cells rely on). Name only
cells that define things; a cell that trains or plots would run here too.
"""

from functools import cache
from pathlib import Path

import nbformat

LESSONS = Path(__file__).resolve().parents[1] / "lessons"


@cache
def _code_cells(lesson):
    path = LESSONS / f"{lesson}.ipynb"
    if not path.exists():
        raise FileNotFoundError(f"no lesson {path.name} in {LESSONS}")
    return {cell.id: cell.source for cell in nbformat.read(path, as_version=4).cells
            if cell.cell_type == "code"}


def lesson_definitions(lesson, *cell_ids, **names):
    """Run the code cells ``cell_ids`` of ``lessons/<lesson>.ipynb``; return their namespace."""
    cells = _code_cells(lesson)
    namespace = dict(names)
    for cell_id in cell_ids:
        if cell_id not in cells:
            raise KeyError(f"lesson {lesson} has no code cell with id {cell_id!r}: a claim test "
                           f"names a lesson cell that was renamed or removed")
        exec(compile(cells[cell_id], f"{lesson}.ipynb:{cell_id}", "exec"), namespace)  # noqa: S102
    return namespace
