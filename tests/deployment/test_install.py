"""`pip install .` on its own: a fresh virtual environment, the package and what pyproject.toml
declares (at the tested versions, requirements.txt as constraints), and nothing else; then
lesson 1's code runs in it. This is the check that pyproject's dependencies are enough; the
course itself installs with `bash course.sh`, which pins everything.

It needs the package index (or pip's cache of it): without one it skips, except in CI
(``AUGCOURSE_REQUIRE_SYSTEM=1``), where it fails.
"""

import os
import shutil
import subprocess
import sys

import nbformat

from course_harness import REPO
from services import missing


def test_pip_install_gives_a_package_that_imports_and_runs_lesson_1(tmp_path):
    # a copy of what `pip install .` reads, so that the build leaves nothing in the checkout
    source = tmp_path / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(REPO / name, source / name)
    shutil.copytree(REPO / "augcourse", source / "augcourse",
                    ignore=shutil.ignore_patterns("__pycache__"))
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / "bin" / "python"
    install = subprocess.run(
        # --no-compile: no .pyc files for the thousands of modules this one run never imports
        [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
         "--no-compile", str(source), "--constraint", str(REPO / "requirements.txt")],
        capture_output=True, text=True, timeout=900)
    if install.returncode:
        missing(f"pip could not install the package (no package index?):\n{install.stderr[-2000:]}",
                "run with a package index or pip's cache reachable")

    # this first import writes the .pyc files of what it imports (the tests' environment may
    # say not to), so that lesson 1 below does not compile TensorFlow's modules again
    compiling = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    where = subprocess.run(
        [str(python), "-c", "import augcourse, tensorflow, keras; "
         "print(augcourse.__file__); print(tensorflow.__file__); print(keras.__version__)"],
        capture_output=True, text=True, check=True, cwd=tmp_path, env=compiling)
    package, tensorflow, _ = where.stdout.splitlines()
    assert package.startswith(str(venv)) and tensorflow.startswith(str(venv)), (
        f"the fresh environment imported from elsewhere: {package}, {tensorflow}")

    lesson = nbformat.read(REPO / "lessons" / "01_pixels.ipynb", as_version=4)
    script = tmp_path / "lesson_01.py"
    script.write_text("\n\n".join(c.source for c in lesson.cells if c.cell_type == "code"))
    environment = {**os.environ, "MPLBACKEND": "Agg", "AUGCOURSE_FAST": "1"}
    run = subprocess.run([str(python), str(script)], capture_output=True, text=True,
                         cwd=tmp_path, env=environment, timeout=600)
    assert run.returncode == 0, f"lesson 1 failed in the fresh environment:\n{run.stderr[-3000:]}"
    assert "a batch:" in run.stdout, run.stdout[-2000:]
