"""The repository itself: pins agree, notebooks are clean, generated folders are current,
and the code passes the linter."""

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from augcourse.grading import metadata

REPO = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


def tracked(pattern):
    out = subprocess.run(["git", "ls-files", pattern], cwd=REPO, text=True,
                         capture_output=True, check=True).stdout
    return [REPO / line for line in out.splitlines()]


NOTEBOOKS = [p for p in tracked("*.ipynb") if p.exists()]


def _pins(lines):
    pins = {}
    for line in lines:
        line = line.split("#")[0].strip().lstrip("- ").strip()
        match = re.fullmatch(r"([A-Za-z0-9_.\-]+)==([^\s;]+)", line)
        if match:
            pins[match.group(1).lower().replace("_", "-")] = match.group(2)
    return pins


def test_requirements_and_environment_yml_pin_the_same_set():
    requirements = _pins((REPO / "requirements.txt").read_text().splitlines())
    environment = (REPO / "environment.yml").read_text()
    conda = _pins(environment.split("- pip:", 1)[1].splitlines())
    assert requirements, "requirements.txt pins nothing"
    assert requirements == conda, (
        f"only in requirements.txt: {set(requirements.items()) - set(conda.items())}; "
        f"only in environment.yml: {set(conda.items()) - set(requirements.items())}")
    for name in ("tensorflow", "keras", "jupyterlab", "nbgrader", "matplotlib",
                 "tensorflow-datasets", "importlib-resources"):
        assert name in requirements, f"{name} is not pinned"


def test_pyproject_declares_what_the_package_imports_and_requirements_pin_it():
    """`pip install .` brings what augcourse imports; every declared package is pinned."""
    import ast
    import tomllib

    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    declared = {re.split(r"[<>=\[; ]", d, maxsplit=1)[0].lower()
                for d in project["dependencies"] + project["optional-dependencies"]["grading"]}
    pins = _pins((REPO / "requirements.txt").read_text().splitlines())
    assert declared - {"numpy"} <= set(pins), f"declared but not pinned: {declared - set(pins)}"
    distribution = {"sklearn": "scikit-learn", "skimage": "scikit-image",
                    "tensorflow_datasets": "tensorflow-datasets", "IPython": "nbgrader",
                    # nbgrader's own dependencies, used by augcourse.grading
                    "nbconvert": "nbgrader", "nbformat": "nbgrader", "traitlets": "nbgrader"}
    imported = set()
    for path in (REPO / "augcourse").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Import):
                imported |= {a.name.split(".")[0] for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                imported.add(node.module.split(".")[0])
    third_party = {m for m in imported - set(sys.stdlib_module_names) if m != "augcourse"}
    missing = {m for m in third_party
               if distribution.get(m, m).lower().replace("_", "-") not in declared}
    assert not missing, f"augcourse imports {missing}, which pyproject.toml does not declare"


def test_installed_versions_match_the_pins():
    from importlib.metadata import version

    pins = _pins((REPO / "requirements.txt").read_text().splitlines())
    wrong = {name: (pin, version(name)) for name, pin in pins.items() if version(name) != pin}
    assert not wrong, f"installed versions differ from requirements.txt: {wrong}"


def test_there_are_notebooks():
    assert any(p.parts[-2] == "lessons" for p in NOTEBOOKS)
    assert any("source" in p.parts for p in NOTEBOOKS)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[str(p.relative_to(REPO)) for p in NOTEBOOKS])
def test_notebook_is_committed_clean(path):
    notebook = json.loads(path.read_text())
    assert notebook["nbformat"] == 4 and notebook["nbformat_minor"] >= 5, "ids need nbformat 4.5"
    ids = [cell.get("id") for cell in notebook["cells"]]
    assert all(i and re.fullmatch(r"[a-zA-Z0-9_-]{1,64}", i) for i in ids), "missing cell id"
    assert len(set(ids)) == len(ids), "duplicate cell ids"
    for cell in notebook["cells"]:
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [], f"cell {cell['id']} has outputs: bash course.sh fmt"
            assert cell["execution_count"] is None, (
                f"cell {cell['id']} has an execution count: bash course.sh fmt")


@pytest.mark.filterwarnings("ignore::nbformat.warnings.MissingIDFieldWarning")  # on purpose
@pytest.mark.filterwarnings("ignore::nbformat.warnings.DuplicateCellId")
def test_fmt_cleans_what_the_clean_check_refuses_and_keeps_clean_notebooks(tmp_path):
    import nbformat

    lesson = REPO / "lessons" / "01_pixels.ipynb"
    dirty = json.loads(lesson.read_text())
    code = [c for c in dirty["cells"] if c["cell_type"] == "code"]
    code[0]["outputs"] = [{"output_type": "stream", "name": "stdout", "text": "hello"}]
    code[0]["execution_count"] = 3
    code[1]["metadata"]["scrolled"] = True
    dirty["cells"][2]["id"] = dirty["cells"][1]["id"]  # a repeated id
    del dirty["cells"][3]["id"]
    (tmp_path / "dirty.ipynb").write_text(json.dumps(dirty))  # past nbformat, which mends ids
    with pytest.raises(AssertionError):
        test_notebook_is_committed_clean(tmp_path / "dirty.ipynb")
    shutil.copy(lesson, tmp_path / "clean.ipynb")
    proc = subprocess.run([sys.executable, str(REPO / "tools" / "fmt_notebooks.py"),
                           str(tmp_path / "dirty.ipynb"), str(tmp_path / "clean.ipynb")],
                          text=True, capture_output=True)
    assert proc.returncode == 0 and "2 notebooks, 1 changed" in proc.stdout, proc.stdout
    assert (tmp_path / "clean.ipynb").read_bytes() == lesson.read_bytes()
    test_notebook_is_committed_clean(tmp_path / "dirty.ipynb")
    fixed = nbformat.read(tmp_path / "dirty.ipynb", as_version=4)
    assert [c.source for c in fixed.cells] == ["".join(c["source"]) for c in dirty["cells"]]
    assert "scrolled" not in fixed.cells[dirty["cells"].index(code[1])].metadata


SOURCES = sorted((REPO / "source").glob("*/*.ipynb"))


@pytest.mark.parametrize("path", SOURCES, ids=[p.stem for p in SOURCES])
def test_source_notebook_nbgrader_metadata(path):
    cells = json.loads(path.read_text())["cells"]
    meta = [metadata.nbgrader(c) | {"type": c["cell_type"], "text": metadata.source(c)}
            for c in cells if metadata.nbgrader(c)]
    grade_ids = [m["grade_id"] for m in meta]
    assert len(set(grade_ids)) == len(grade_ids), "duplicate grade_id"
    tests = [m for m in meta if m["grade"] and not m["solution"]]
    written = [m for m in meta if m["grade"] and m["solution"] and m["type"] == "markdown"]
    assert len(tests) >= 2, "an assignment needs several auto-graded parts"
    assert written, "an assignment needs a written answer graded by hand"
    for m in tests:
        assert m["locked"] and m["points"] > 0, m["grade_id"]
        assert "### BEGIN HIDDEN TESTS" in m["text"], f"{m['grade_id']} has no hidden tests"
    for m in written:
        assert "Rubric" in m["text"], f"{m['grade_id']} has no rubric for the grader"


def test_generated_folders_match_source(tmp_path):
    """exercises/ and solutions/ are what `bash course.sh generate` makes from source/ now."""
    for name in ("course.sh", "nbgrader_config.py", "requirements.txt", "pyproject.toml"):
        shutil.copy(REPO / name, tmp_path)
    shutil.copytree(REPO / "source", tmp_path / "source")
    env = dict(os.environ, AUGCOURSE_VENV=str(BIN.parent))
    env.pop("AUGCOURSE_DB_URL", None)
    proc = subprocess.run(["bash", "course.sh", "generate"], cwd=tmp_path, env=env, text=True,
                          capture_output=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    for folder in ("exercises", "solutions"):
        fresh = {p.relative_to(tmp_path): p.read_bytes()
                 for p in (tmp_path / folder).rglob("*") if p.is_file()}
        committed = {p.relative_to(REPO): p.read_bytes()
                     for p in tracked(f"{folder}/*") if p.exists()}
        assert fresh, f"nothing was generated in {folder}/"
        assert fresh.keys() == committed.keys(), f"{folder}/ files differ from generated"
        stale = [str(k) for k in fresh if fresh[k] != committed[k]]
        assert not stale, f"run `bash course.sh generate`: stale {stale}"


def test_linter_passes_on_package_tests_and_notebooks():
    proc = subprocess.run([str(BIN / "ruff"), "check", "--output-format", "concise",
                           "augcourse", "tests", "source", "lessons", "benchmarks", "tools",
                           "nbgrader_config.py"],
                          cwd=REPO, text=True, capture_output=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_ci_runs_the_readme_test_command():
    readme = (REPO / "README.md").read_text()
    ci = (REPO / ".ci" / "run").read_text()
    assert "bash course.sh test" in readme and "bash course.sh start" in readme
    assert "bash course.sh test all" in readme and "bash course.sh test all" in ci


def test_start_command_serves_jupyterlab_on_loopback_with_the_start_page():
    """`bash course.sh start` (the README's first command) serves JupyterLab on 127.0.0.1 and
    opens the start page; the nbgrader extensions (formgrader, validate) load."""
    import socket
    import time
    import urllib.request

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = dict(os.environ, AUGCOURSE_VENV=str(BIN.parent))
    server = subprocess.Popen(
        ["bash", "course.sh", "start", "--no-browser", f"--port={port}",
         "--ServerApp.token=course-test"], cwd=REPO, env=env, text=True,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                with urllib.request.urlopen(f"{base}/api/status?token=course-test", timeout=2):
                    break
            except OSError:
                assert server.poll() is None, server.stdout.read()
                assert time.monotonic() < deadline, "JupyterLab did not start in 90 s"
                time.sleep(1)
        with urllib.request.urlopen(f"{base}/?token=course-test", timeout=10) as response:
            assert response.url.startswith(f"{base}/lab/tree/START.ipynb")
        with urllib.request.urlopen(f"{base}/api/contents/lessons?token=course-test") as response:
            names = {item["name"] for item in json.load(response)["content"]}
        assert "01_pixels.ipynb" in names
        with urllib.request.urlopen(f"{base}/formgrader?token=course-test") as response:
            assert response.status == 200
    finally:
        os.killpg(server.pid, 15)
        server.wait(timeout=30)


def _start_page_rows():
    """The start page's path table: (lesson link, problem-set link or None, reading minutes,
    points or None) per row."""
    text = "\n".join("".join(c["source"]) for c in
                     json.loads((REPO / "START.ipynb").read_text())["cells"])
    rows = []
    for line in text.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 5 and cells[0].isdigit():
            links = [re.search(r"\]\(([^)]+)\)", c) for c in cells[1:3]]
            rows.append((links[0].group(1), links[1].group(1) if links[1] else None,
                         int(cells[3].split()[0]), int(cells[4]) if cells[4] else None))
    return rows


def test_start_page_lists_every_lesson_and_problem_set_with_true_times_and_points():
    """START.ipynb's table: every lesson and problem set in course order, links that exist,
    reading time within a minute of the lesson's words at 200 a minute, and the points the
    problem set's graded cells are worth."""
    rows = _start_page_rows()
    lessons = sorted(p.relative_to(REPO).as_posix() for p in (REPO / "lessons").glob("*.ipynb"))
    assert [r[0] for r in rows] == lessons, "the start page must list every lesson, in order"
    sets = sorted(p.name for p in (REPO / "source").iterdir() if p.is_dir())
    assert [Path(r[1]).parent.name for r in rows if r[1]] == sets
    for lesson, problem_set, minutes, points in rows:
        assert (REPO / lesson).exists() and (problem_set is None or (REPO / problem_set).exists())
        cells = json.loads((REPO / lesson).read_text())["cells"]
        words = sum(len(re.findall(r"\w+", "".join(c["source"]))) for c in cells
                    if c["cell_type"] == "markdown")
        assert abs(minutes - words / 200) <= 1, f"{lesson}: {words} words, page says {minutes} min"
        if problem_set:
            source = REPO / "source" / Path(problem_set).parent.name / Path(problem_set).name
            worth = sum(metadata.points(c)
                        for c in json.loads(source.read_text())["cells"])
            assert points == worth, f"{problem_set} is worth {worth:g} points, page says {points}"


def test_contributing_names_only_paths_that_exist():
    """CONTRIBUTING.md sends authors to files and folders; each one it names must be there."""
    text = (REPO / "CONTRIBUTING.md").read_text()
    named = set(re.findall(r"`((?:lessons|source|tests|augcourse|benchmarks|tools)/[\w./-]*)`",
                           text))
    assert len(named) > 10
    missing = sorted(p for p in named
                     if "<" not in p and "NN" not in p and not (REPO / p).exists())
    assert not missing, f"CONTRIBUTING.md names paths that do not exist: {missing}"


def test_jsonschema_imports_without_building_iri_parsers():
    """Every nbgrader and Jupyter process imports jsonschema. Without the rfc3987 pin it imports
    rfc3987-syntax, whose import builds dozens of parsers (python-jsonschema/jsonschema#1428)."""
    import subprocess
    import sys

    code = "import sys, jsonschema; print('rfc3987_syntax' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False", (
        "importing jsonschema imported rfc3987_syntax: is rfc3987 (requirements.txt) installed?")
