"""Time every cell of every solution notebook, as the grader runs it, and report stderr.

Run on purpose (not part of the tests):  .venv/bin/python benchmarks/graded_cells.py [ps ...]
Prints a table per assignment (all, or those named) and writes it to results/graded_cells.txt
(results/graded_cells_<ps>.txt when problem sets are named). The figures show
whether each graded cell stays well inside nbgrader's per-cell limit (nbgrader_config.py)
on this machine, and whether any cell writes to stderr (which nbgrader would score as 0).
"""

import os
import platform
import sys
import tempfile
from datetime import datetime, timezone
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from augcourse.grading import metadata
from augcourse.grading.environment import results_dir

REPO = Path(__file__).resolve().parents[1]


def seconds(cell):
    timing = cell.metadata.get("execution", {})
    start, end = timing.get("iopub.execute_input"), timing.get("shell.execute_reply")
    if not (start and end):
        return float("nan")
    parse = datetime.fromisoformat
    return (parse(end.replace("Z", "+00:00")) - parse(start.replace("Z", "+00:00"))).total_seconds()


def main():
    # The same environment the grading kernel gets from nbgrader_config.py.
    os.environ.update(TF_CPP_MIN_LOG_LEVEL="3", PYTHONWARNINGS="ignore")
    lines = [f"graded cells on {platform.node()} ({os.cpu_count()} cores), "
             f"{datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC"]
    wanted = sys.argv[1:]
    for path in sorted((REPO / "solutions").glob("*/*.ipynb")):
        if wanted and path.parent.name not in wanted:
            continue
        notebook = nbformat.read(path, as_version=4)
        # run in a scratch folder: the project's solution trains and writes models/ where it runs
        with tempfile.TemporaryDirectory() as scratch:
            client = NotebookClient(notebook, timeout=600, kernel_name="python3",
                                    record_timing=True,
                                    extra_arguments=["--IPKernelApp.capture_fd_output=False"],
                                    resources={"metadata": {"path": scratch}})
            client.execute()
        lines.append(f"\n{path.parent.name}")
        lines.append(f"  {'cell':28s} {'seconds':>8s}  stderr")
        total = 0.0
        for cell in notebook.cells:
            if cell.cell_type != "code":
                continue
            took = seconds(cell)
            total += took
            stderr = any(o.output_type == "stream" and o.name == "stderr" for o in cell.outputs)
            grade_id = (metadata.grade_id(cell) or cell.id)
            lines.append(f"  {grade_id:28s} {took:8.2f}  {'YES' if stderr else 'no'}")
        lines.append(f"  {'total':28s} {total:8.2f}")
    report = "\n".join(lines)
    print(report)
    out = results_dir(REPO)
    name = "graded_cells.txt" if not wanted else f"graded_cells_{'_'.join(wanted)}.txt"
    (out / name).write_text(report + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
