"""The course in a real browser: JupyterLab on loopback, driven by Playwright in headless
Chromium. A student opens lesson 01, runs its first cells and sees their output, opens a problem
set and finds nbgrader's Validate button; an instructor opens formgrader and sees the
assignments. Screenshots go to results/browser/ (look at them when a test fails).

JupyterLab serves a copy of the course in a scratch folder, so autosave never touches the
repository's notebooks.
"""

import secrets
import shutil

import pytest

from augcourse.grading.environment import program_environment
from course_harness import BIN, REPO
from services import SHOTS, free_port, new_page, require_chromium, server



@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """(base URL, token) of a JupyterLab serving a copy of the course."""
    require_chromium()
    course = tmp_path_factory.mktemp("browser-course")
    for folder in ("lessons", "exercises", "source"):
        shutil.copytree(REPO / folder, course / folder)
    shutil.copy(REPO / "nbgrader_config.py", course)
    # JupyterLab draws only the cells in view unless told otherwise, and offers news
    settings = course / ".jupyter" / "lab" / "user-settings" / "@jupyterlab"
    (settings / "notebook-extension").mkdir(parents=True)
    (settings / "notebook-extension" / "tracker.jupyterlab-settings").write_text(
        '{"windowingMode": "none"}')
    (settings / "apputils-extension").mkdir(parents=True)
    (settings / "apputils-extension" / "notification.jupyterlab-settings").write_text(
        '{"fetchNews": "false"}')
    SHOTS.mkdir(parents=True, exist_ok=True)
    port, token = free_port(), secrets.token_hex(16)
    env = program_environment(AUGCOURSE_FAST="1", JUPYTER_CONFIG_DIR=str(course / ".jupyter"),
               JUPYTERLAB_SETTINGS_DIR=str(course / ".jupyter" / "lab" / "user-settings"))
    command = [str(BIN / "jupyter"), "lab", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
               f"--ServerApp.token={token}", f"--ServerApp.root_dir={course}", "--allow-root",
               "--LabApp.news_url=",
               "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"]
    with server(command, port, course, env, course / "jupyterlab.log", what="JupyterLab"):
        yield f"http://127.0.0.1:{port}", token, course


@pytest.fixture
def page(browser, request):
    page = new_page(browser)
    yield page
    page.screenshot(path=SHOTS / f"{request.node.name}.png")
    page.context.close()


def open_notebook(page, lab, path):
    base, token, _ = lab
    page.goto(f"{base}/lab/tree/{path}?token={token}")
    page.wait_for_selector(".jp-Notebook .jp-Cell")
    # the kernel is ready when the status bar says so
    page.locator(".jp-StatusBar-Widget").get_by_text("| Idle").wait_for(timeout=120_000)


def test_a_student_runs_the_first_cells_of_lesson_01(page, lab):
    open_notebook(page, lab, "lessons/01_pixels.ipynb")
    code_cells = page.locator(".jp-Notebook .jp-CodeCell")
    assert code_cells.count() > 10, "lesson 01 shows too few code cells"
    # two code cells: the imports (prints TensorFlow's version), then the photo's shape
    first, second = code_cells.nth(0), code_cells.nth(1)
    first.locator(".jp-InputArea-editor").click()
    page.keyboard.press("Shift+Enter")
    first.locator(".jp-OutputArea-output").first.wait_for(timeout=120_000)
    assert "TensorFlow" in first.locator(".jp-OutputArea").inner_text()
    second.locator(".jp-InputArea-editor").click()
    page.keyboard.press("Shift+Enter")
    second.locator(".jp-OutputArea-output").first.wait_for(timeout=60_000)
    output = second.locator(".jp-OutputArea").inner_text()
    assert "shape: (300, 451, 3)" in output and "uint8" in output, output
    assert page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']"
                        ).count() == 0, "a cell wrote to stderr"


def test_a_student_validates_an_unfinished_problem_set(page, lab):
    open_notebook(page, lab, "exercises/ps01_pixels/ps01_pixels.ipynb")
    # the exercise's text is in the page (drawn after load; cells out of view count as hidden)
    page.get_by_text("YOUR CODE HERE").first.wait_for(state="attached")
    # Validate runs the notebook on the server (in the grading kernel) and reports in a dialog
    page.get_by_role("button", name="Validate").first.click()
    dialog = page.locator(".jp-Dialog").filter(has_text="Validation")
    dialog.wait_for(timeout=300_000)
    report = dialog.inner_text()
    assert "Validation Results" in report and "failed" in report, report[:1000]
    assert "NotImplementedError" in report, report[:1000]


def test_an_instructor_sees_the_assignments_in_formgrader(page, lab):
    base, token, _ = lab
    page.goto(f"{base}/formgrader?token={token}")
    page.get_by_text("ps01_pixels").first.wait_for()
    names = sorted(p.name for p in (REPO / "source").iterdir() if p.is_dir())
    body = page.locator("body").inner_text()
    assert all(name in body for name in names), f"formgrader lists {body[:500]!r}"

