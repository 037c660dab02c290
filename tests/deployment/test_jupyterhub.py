"""The JupyterHub example (deploy/jupyterhub_config.py): it loads, and a hub started from it on
loopback gives instructors the course's grading server with formgrader, keeps students out of
it, and shows the formgrader iframe problem that INSTRUCTORS.md works around.

What differs from a real class, and why: a dummy authenticator with a shared password instead
of the server's accounts, the hub's own user running the grading server and the students'
servers (a test cannot create system accounts), free ports and a scratch folder.
"""

import os
import secrets
import shutil
import textwrap
import time
import urllib.request

import pytest

from augcourse.grading.environment import program_environment
from course_harness import BIN, REPO, write_class_list
from services import SHOTS, free_port, missing, new_page, server

EXAMPLE = REPO / "deploy" / "jupyterhub_config.py"
COURSE = "augmentation"


def load_example(students_csv):
    """The example's settings, read the way `jupyterhub -f` reads them, with the class list
    ``students_csv``."""
    from jupyterhub.app import JupyterHub

    os.environ["AUGCOURSE_HUB_STUDENTS"] = str(students_csv)
    try:
        hub = JupyterHub()
        hub.load_config_file(str(EXAMPLE))
    finally:
        del os.environ["AUGCOURSE_HUB_STUDENTS"]
    return hub


def test_the_example_loads_and_matches_the_course(tmp_path):
    hub = load_example(write_class_list(tmp_path / "students.csv", ["student1", "student2"]))
    course_id = COURSE
    assert f'course_id = "{course_id}"' in (REPO / "nbgrader_config.py").read_text(), \
        "the hub's course id differs from nbgrader_config.py's"
    assert [s["name"] for s in hub.services] == [course_id], "the service is named after the course"
    assert hub.load_groups[f"nbgrader-{course_id}"]["users"] == ["student1", "student2"]
    assert "instructor1" in hub.load_groups[f"formgrade-{course_id}"]["users"]
    roles = {r["name"]: r for r in hub.load_roles}
    assert roles[f"formgrade-{course_id}"]["scopes"] == [f"access:services!service={course_id}"]
    assert roles["server"]["scopes"] == ["inherit"]
    assert hub.config.Authenticator.allowed_users == {"instructor1", "student1", "student2"}


def test_a_missing_student_list_gives_a_hub_with_no_students(tmp_path):
    hub = load_example(tmp_path / "absent.csv")
    assert hub.load_groups[f"nbgrader-{COURSE}"]["users"] == []


def hub_answers(port, seconds):
    """Wait until the hub (not only its proxy) answers its API through the proxy."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/hub/api", timeout=5) as reply:
                if reply.status == 200:
                    return True
        except OSError:
            pass
        time.sleep(0.5)
    return False


@pytest.fixture(scope="module")
def hub(tmp_path_factory):
    """(URL, password) of a hub started from the example on loopback."""
    if not shutil.which("configurable-http-proxy"):
        missing("configurable-http-proxy", "npm install -g configurable-http-proxy")
    folder = tmp_path_factory.mktemp("hub")
    course = folder / COURSE
    shutil.copytree(REPO / "source", course / "source")
    shutil.copy(REPO / "nbgrader_config.py", course)
    write_class_list(course / "students.csv", ["student1"])
    port, password = free_port(), secrets.token_hex(8)
    extra = ["--allow-root"] if os.geteuid() == 0 else []
    (folder / "test_config.py").write_text(textwrap.dedent(f"""\
        c = get_config()
        load_subconfig({str(EXAMPLE)!r})
        c.JupyterHub.bind_url = "http://127.0.0.1:{port}"
        c.JupyterHub.hub_ip = "127.0.0.1"
        c.JupyterHub.hub_port = {free_port()}
        c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{free_port()}"
        c.JupyterHub.db_url = "sqlite:///{folder}/jupyterhub.sqlite"
        c.JupyterHub.cookie_secret_file = "{folder}/cookie_secret"
        c.ConfigurableHTTPProxy.pid_file = "{folder}/proxy.pid"
        c.JupyterHub.authenticator_class = "dummy"
        c.DummyAuthenticator.password = {password!r}
        service = c.JupyterHub.services[0]
        del service["user"]  # no system account grader-augmentation here: run as the hub's user
        service["url"] = "http://127.0.0.1:{free_port()}"
        service["command"] = [{str(BIN / "jupyterhub-singleuser")!r}] + {extra!r}
        """))
    env = program_environment(AUGCOURSE_HUB_COURSE_ROOT=str(course),
               AUGCOURSE_HUB_EXCHANGE=str(folder / "exchange"),
               JUPYTER_CONFIG_DIR=str(folder / ".jupyter"))
    command = [str(BIN / "jupyterhub"), "-f", str(folder / "test_config.py")]
    with server(command, port, folder, env, folder / "hub.log",
                ready=lambda: hub_answers(port, 90), what="the hub"):
        yield f"http://127.0.0.1:{port}", password, folder


def log_in(browser, hub, user):
    url, password, _ = hub
    page = new_page(browser)
    page.goto(f"{url}/hub/login")
    page.fill("#username_input", user)
    page.fill("#password_input", password)
    page.click("#login_submit")
    page.wait_for_load_state()
    return page


def open_formgrader(page, hub, seconds=120):
    """Go to the grading service's formgrader; retry while the service is still starting."""
    url, _, _ = hub
    deadline = time.monotonic() + seconds
    while True:
        response = page.goto(f"{url}/services/{COURSE}/formgrader")
        if response.status != 503 or time.monotonic() > deadline:
            return response
        time.sleep(2)


def test_an_instructor_reaches_formgrader_on_the_grading_server(browser, hub):
    page = log_in(browser, hub, "instructor1")
    response = open_formgrader(page, hub)
    assert response.status == 200, f"formgrader answered {response.status}:\n" \
                                   + (hub[2] / "hub.log").read_text()[-3000:]
    page.get_by_text("ps01_pixels").first.wait_for()
    body = page.locator("body").inner_text()
    names = sorted(p.name for p in (REPO / "source").iterdir() if p.is_dir())
    assert all(name in body for name in names), body[:500]
    page.screenshot(path=SHOTS / "hub_instructor_formgrader.png")
    # the iframe problem: every server behind the hub forbids being framed, so JupyterLab's
    # Formgrader tab (an iframe) stays blank; formgrader in its own tab, as here, works
    policy = response.headers.get("content-security-policy", "")
    assert "frame-ancestors 'none'" in policy, policy


def test_a_student_is_kept_out_of_the_grading_server(browser, hub):
    page = log_in(browser, hub, "student1")
    response = open_formgrader(page, hub)
    page.screenshot(path=SHOTS / "hub_student_refused.png")
    assert response.status == 403, f"a student got {response.status} from the grading server"


def test_someone_not_on_the_lists_cannot_log_in(browser, hub):
    page = log_in(browser, hub, "stranger")
    assert "/hub/login" in page.url, f"a stranger got in: {page.url}"
