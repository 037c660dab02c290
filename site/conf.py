"""Sphinx configuration of the course's website, built by `bash course.sh site [DIR]`, which runs
`sphinx-build -c site . DIR/html`: the source folder is the repository root, and this folder
holds only the configuration (this file and _toc.yml, the table of contents).

Sphinx with MyST-NB, the engine of Jupyter Book 1, and the Jupyter Book theme. Every page is a
notebook: START.ipynb is the landing page; lessons/*.ipynb are executed in fast mode
(AUGCOURSE_FAST=1) so that their figures appear; exercises/*/*.ipynb, the student versions that
nbgrader generates, are shown as they are, never executed. Nothing from source/ or solutions/ is
read. jupyter-cache keeps the executed lessons in DIR/.jupyter_cache, so a second build executes
only the lessons that changed; a change to augcourse/ or requirements.txt empties the cache and
re-reads every page. The build needs no network, and the pages load nothing from it: the theme's
fonts, icons and scripts come with the package. (Jupyter Book 2 / mystmd is not used: its build
downloads the HTML theme, so it fails offline.)
"""

import hashlib
import os
import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

os.environ["AUGCOURSE_FAST"] = "1"  # the lessons' fast mode; their kernels inherit it
os.environ.pop("MPLBACKEND", None)  # the kernels draw inline, as in JupyterLab

project = "Image Data Augmentation in TensorFlow"
author = "the course's authors"
copyright = "the course's authors"  # noqa: A001 (Sphinx's name)
extensions = ["myst_nb", "sphinx_external_toc"]

# What is read: the pages of the toc only; the repository's other folders are never scanned.
external_toc_path = "site/_toc.yml"  # relative to the source folder, the repository root
include_patterns = ["START.ipynb", "lessons/*.ipynb", "exercises/*/*.ipynb"]
exclude_patterns = [".*", "**/.ipynb_checkpoints", "site", "source", "solutions", "release",
                    "submitted", "autograded", "feedback", "results", "tests"]

nb_execution_mode = "cache"
nb_execution_excludepatterns = ["START.ipynb", "exercises/*/*.ipynb"]
nb_execution_in_temp = False  # in lessons/, as in JupyterLab and tests/notebooks/test_lessons.py
nb_execution_timeout = 900  # seconds a cell may take
nb_execution_raise_on_error = True  # a lesson that fails fails the build
nb_execution_show_tb = True
nb_merge_streams = True

html_theme = "sphinx_book_theme"
html_title = project
html_copy_source = False  # no copies of the notebooks' sources in the site
html_show_sourcelink = False
html_theme_options = {
    "home_page_in_toc": True,
    "show_toc_level": 2,
    "use_download_button": False,
    "use_fullscreen_button": False,
}


def helpers_fingerprint():
    """A hash of what the lessons' outputs depend on besides their own cells: the helper
    package and the pinned versions."""
    digest = hashlib.sha256()
    for path in sorted((REPO / "augcourse").rglob("*.py")) + [REPO / "requirements.txt"]:
        digest.update(path.relative_to(REPO).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


# A config value that Sphinx compares with the last build's: when it changes, every page is read
# again (and the lessons' cache, emptied below, runs them again).
augcourse_helpers = helpers_fingerprint()


def empty_stale_cache(app, config):
    """jupyter-cache matches a notebook by its cells only: empty it when the helpers changed."""
    cache = Path(app.outdir).parent / ".jupyter_cache"  # where MyST-NB keeps it by default
    stamp = cache.with_name(".jupyter_cache.augcourse")
    if cache.exists() and (not stamp.exists() or stamp.read_text() != config.augcourse_helpers):
        shutil.rmtree(cache)
    stamp.parent.mkdir(parents=True, exist_ok=True)
    stamp.write_text(config.augcourse_helpers)


def setup(app):
    app.add_config_value("augcourse_helpers", "", "env")
    app.connect("config-inited", empty_stale_cache)
