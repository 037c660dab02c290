"""What nbgrader's metadata says about a notebook cell: the one place that reads it.

Works on cells as plain dicts (``json.load``) and as ``nbformat`` nodes, and on cells from
submissions, whose metadata may be anything: what is not a dict reads as no metadata.
"""


def nbgrader(cell):
    """The cell's ``metadata["nbgrader"]`` dict, or ``{}``."""
    metadata = cell.get("metadata") if isinstance(cell, dict) else None
    meta = metadata.get("nbgrader") if isinstance(metadata, dict) else None
    return meta if isinstance(meta, dict) else {}


def grade_id(cell):
    """The cell's nbgrader ``grade_id``, or ``None``."""
    return nbgrader(cell).get("grade_id") or None


def source(cell):
    """The cell's source as one string (a list of lines in JSON, a string in nbformat)."""
    text = cell.get("source", "")
    return "".join(text) if isinstance(text, list) else str(text)


def is_code(cell):
    return isinstance(cell, dict) and cell.get("cell_type") == "code"


def is_solution(cell):
    """A cell that students write, code or a written answer (nbgrader ``solution``)."""
    return bool(nbgrader(cell).get("solution"))


def is_solution_code(cell):
    """A code cell that students write."""
    return is_code(cell) and is_solution(cell)


def is_test(cell):
    """An autograded test cell: graded, and not written by students."""
    meta = nbgrader(cell)
    return is_code(cell) and bool(meta.get("grade")) and not meta.get("solution")


def is_graded(cell):
    return bool(nbgrader(cell).get("grade"))


def points(cell):
    """The points a graded cell is worth (0 for other cells)."""
    return nbgrader(cell).get("points", 0) if is_graded(cell) else 0


def cell_by_id(cells, wanted):
    """The cell of ``cells`` whose grade_id is ``wanted``; KeyError if none."""
    for cell in cells:
        if grade_id(cell) == wanted:
            return cell
    raise KeyError(f"no cell with grade_id {wanted!r}")


def solutions(cells):
    """``{grade_id: source}`` of the cells that students write."""
    return {grade_id(cell): source(cell) for cell in cells if is_solution(cell)}


__all__ = ["cell_by_id", "grade_id", "is_code", "is_graded", "is_solution", "is_solution_code",
           "is_test", "nbgrader", "points", "solutions", "source"]
