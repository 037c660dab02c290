"""Feedback that keeps the hidden tests hidden.

nbgrader's ``generate_feedback`` turns each autograded notebook into HTML for the student, and
the autograded notebook holds every hidden test: nbgrader restores the test cells from the
gradebook before running them, hidden regions included (nbgrader issues #917 and #1363). A
traceback quotes the failing line too, so a failed hidden check would show its code even with
the region gone. The course's configuration (``nbgrader_config.py``) adds
:class:`HideHiddenTests` to ``GenerateFeedback.preprocessors``; for every test cell that had a
hidden region it

- removes the region (the lines from ``### BEGIN HIDDEN TESTS`` to ``### END HIDDEN TESTS``) and
  says, in a comment, that hidden tests ran there;
- keeps an error as its message only (``AssertionError: [2b] ...``: the failure message names the
  requirement), without the traceback;
- drops what the cell printed or displayed (hidden code may print);

and leaves every other cell, visible tests included, as nbgrader shows it. The points per cell
come from nbgrader's own ``GetGrades``. For the instructor's own full view:
``nbgrader generate_feedback ps01_pixels --HideHiddenTests.enabled=False``.
"""

from nbformat.v4 import new_output
from nbgrader.preprocessors import ClearHiddenTests
from traitlets import Bool

HIDDEN_NOTE = "# (hidden tests ran here; their code is not shown)"


class HideHiddenTests(ClearHiddenTests):
    """Take hidden tests, their tracebacks and their printed output out of student feedback."""

    enabled = Bool(True, help="Hide hidden tests in feedback (False: show everything, as "
                              "nbgrader does by default)").tag(config=True)

    def preprocess(self, nb, resources):
        if not self.enabled:
            return nb, resources
        return super().preprocess(nb, resources)

    def preprocess_cell(self, cell, resources, index):
        if cell.cell_type != "code" or not self._remove_hidden_test_region(cell):
            return cell, resources
        cell.source = cell.source.rstrip("\n") + "\n" + HIDDEN_NOTE
        cell.outputs = [new_output("error", ename=out.ename, evalue=out.evalue,
                                   traceback=[f"{out.ename}: {out.evalue}"])
                        for out in cell.get("outputs", []) if out.output_type == "error"]
        return cell, resources
