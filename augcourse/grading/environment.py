"""Where the course's tools write, and the environment they run programs in."""

import os
import sys
from pathlib import Path


def results_dir(repo_root):
    """Where benchmarks and tests write figures: ``$AUGCOURSE_RESULTS`` or ``<repo>/results``."""
    folder = Path(os.environ.get("AUGCOURSE_RESULTS", Path(repo_root) / "results"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def program_environment(**extra):
    """``os.environ`` for running this environment's programs (nbgrader, jupyter) as child
    processes, with ``extra`` added: its bin/ folder comes first on PATH, because nbgrader runs
    helper programs (alembic) by name."""
    bin_folder = str(Path(sys.executable).parent)
    return dict(os.environ, PATH=os.pathsep.join([bin_folder, os.environ.get("PATH", "")]),
                **extra)
