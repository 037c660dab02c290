"""The statistical graders of problem set 6 never fail a correct solution by chance.

The solution's cells and the statistical test cells (visible and hidden parts) run in this
process, again and again, each time with another seed for the solution's random generator and for
TensorFlow. A quick run of a few seeds is part of the normal tests; the full run of 200 seeds is
marked slow (``bash course.sh test -m slow``) and writes its figures to the results folder.
"""

import time
from pathlib import Path

import nbformat
import pytest

from augcourse.grading import metadata
from augcourse.grading.environment import results_dir

from course_harness import reseeded

REPO = Path(__file__).resolve().parents[2]
SOURCE = REPO / "source" / "ps06_mixing" / "ps06_mixing.ipynb"
# every test cell of problem set 6 that judges a distribution (positions, partners, weights)
STATISTICAL = ("test_cutout", "test_mixup", "test_mixup_beta", "test_cutmix", "test_cutmix_boxes")


def _cells():
    notebook = nbformat.read(SOURCE, as_version=4)
    by_id = {metadata.grade_id(c): c.source for c in notebook.cells
             if c.cell_type == "code"}
    solutions = [c.source for c in notebook.cells  # every solution cell, in notebook order
                 if metadata.is_solution_code(c)]
    return by_id["setup"], by_id["test_helpers"], solutions, [by_id[g] for g in STATISTICAL]


def _grade_with_seeds(seeds):
    """{seed: list of failure messages} after running the statistical cells once per seed."""
    setup, helpers, solutions, tests = _cells()
    namespace = {}
    exec(compile(setup, "setup", "exec"), namespace)
    exec(compile(helpers, "test_helpers", "exec"), namespace)
    failures = {}
    for seed in seeds:
        namespace["augcourse"].set_seed(seed)
        namespace["rng"].reset_from_seed(seed)  # the setup cell's generator
        for source in solutions:
            # the solution fixes its seeds; give each grading its own
            exec(compile(reseeded(source, seed), "solution", "exec"), namespace)
        failures[seed] = []
        for name, source in zip(STATISTICAL, tests, strict=True):
            try:
                exec(compile(source, name, "exec"), namespace)
            except AssertionError as error:
                failures[seed].append(f"{name}: {error}")
    return failures


def test_solution_passes_the_statistical_graders_with_a_few_seeds():
    failures = _grade_with_seeds(range(1000, 1002))
    assert not any(failures.values()), failures


@pytest.mark.slow
def test_solution_passes_the_statistical_graders_with_200_seeds():
    start = time.perf_counter()
    failures = _grade_with_seeds(range(200))
    seconds = time.perf_counter() - start
    failed = {seed: messages for seed, messages in failures.items() if messages}
    report = (f"ps06 statistical graders ({', '.join(STATISTICAL)}, visible and hidden parts), "
              f"solution graded with seeds 0..199: {len(failed)} of 200 gradings failed; "
              f"{seconds:.0f} s\n")
    (results_dir(REPO) / "statistical_graders.txt").write_text(report)
    print(report)
    assert not failed, failed
