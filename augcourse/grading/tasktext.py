"""Requirements in a problem set's task text, and the checks in its test cells that cite them.

A graded function's task text marks each requirement sentence with an id in bold brackets,
``**[4b]**`` (part 4, requirement b). Every check in a test cell (an ``assert`` or a
``raise AssertionError``) opens its message with the ids it enforces, ``"[4b] ..."`` or
``"[4b, 4c] ..."``, so a student who sees a failure can find the sentence, and the course can
prove, with ``tests/unit/test_requirements.py``, that every requirement has a check and every check
a requirement. ``benchmarks/mutation_analysis.py`` then shows that the checks fail without
the requirement.
"""

import ast
import re

from augcourse.grading import metadata

# in the task text: **[4b]**
TEXT_ID = re.compile(r"\*\*\[(\d+[a-z])\]\*\*")
# at the start of a check's message: [4b] or [4b, 4c]
CITED_IDS = re.compile(r"^\[(\d+[a-z](?:,\s*\d+[a-z])*)\]")


def requirements(notebook):
    """``{id: sentence}`` for every requirement marked in the notebook's markdown cells."""
    found = {}
    for cell in notebook["cells"]:
        if cell["cell_type"] != "markdown":
            continue
        text = metadata.source(cell)
        marks = list(TEXT_ID.finditer(text))
        if not marks:
            continue
        for mark, after in zip(marks, marks[1:] + [None], strict=True):
            end = after.start() if after else len(text)
            sentence = " ".join(text[mark.end():end].split())
            if mark.group(1) in found:
                raise ValueError(f"requirement [{mark.group(1)}] is marked twice")
            found[mark.group(1)] = sentence
    return found


def _leading_text(node):
    """The literal text a message expression starts with ('' when it does not start with one)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr) and node.values:
        return _leading_text(node.values[0])
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Mod)):
        return _leading_text(node.left)
    return ""


def checks(source):
    """``[(line, ids)]`` for every check in a test cell's source; ``ids`` is an empty tuple for a
    check whose message cites no requirement (or that has no message at all)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        message = None
        if isinstance(node, ast.Assert):
            message = node.msg
        elif isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call):
            func = node.exc.func
            if isinstance(func, ast.Name) and func.id == "AssertionError":
                message = node.exc.args[0] if node.exc.args else None
            else:
                continue
        else:
            continue
        match = CITED_IDS.match(_leading_text(message)) if message is not None else None
        ids = tuple(i.strip() for i in match.group(1).split(",")) if match else ()
        found.append((node.lineno, ids))
    return found


def cited(message):
    """The requirement ids a failure message opens with (an empty tuple when none)."""
    match = CITED_IDS.match(message.strip())
    return tuple(i.strip() for i in match.group(1).split(",")) if match else ()
