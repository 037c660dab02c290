"""Real servers and programs that some tests need from the operating system: a PostgreSQL
server, headless Chromium, configurable-http-proxy.

On a laptop these tests are skipped, with a message naming what to install, when a program is
missing. CI installs them (`.ci/run`) and sets ``AUGCOURSE_REQUIRE_SYSTEM=1``; a missing program
then fails the test instead, so CI cannot pass by skipping.
"""

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

NOBODY = 65534  # PostgreSQL refuses to run as root; as root, the server runs as nobody
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# Chromium on a machine with no network and no display: no sandbox as root, no GPU, and none
# of the background connections that a closed network refuses.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--disable-dev-shm-usage"]
SHOTS = Path(__file__).resolve().parents[1] / "results" / "browser"  # screenshots of the tests


def missing(what, how_to_install):
    """Skip (on a laptop) or fail (in CI) because ``what`` is not on this machine."""
    message = f"{what} is not installed here ({how_to_install})"
    if os.environ.get("AUGCOURSE_REQUIRE_SYSTEM") == "1":
        pytest.fail(message + "; CI requires it (AUGCOURSE_REQUIRE_SYSTEM=1)")
    pytest.skip(message)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port, seconds, process=None):
    """Wait until something listens on 127.0.0.1:``port``; False after ``seconds``."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            return False
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 1):
            return True
        time.sleep(0.2)
    return False


@contextlib.contextmanager
def server(command, port, cwd, env, log, ready=lambda: True, what="the server"):
    """Run ``command`` (a server that listens on ``port``) with its output in ``log``; yield
    once it listens and ``ready()`` holds; stop it afterwards."""
    with open(log, "w") as out:
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=out,
                                   stderr=subprocess.STDOUT)
        try:
            if not (wait_for_port(port, 90, process) and ready()):
                pytest.fail(f"{what} did not start:\n" + Path(log).read_text()[-3000:])
            yield process
        finally:
            process.terminate()
            try:
                process.wait(30)
            except subprocess.TimeoutExpired:
                process.kill()


def postgres_bin():
    """The folder with PostgreSQL's server programs (initdb, pg_ctl), or None."""
    found = shutil.which("initdb")
    if found:
        return Path(found).resolve().parent  # through symlinks, to the folder with createdb
    folders = sorted(glob.glob("/usr/lib/postgresql/*/bin"))
    return Path(folders[-1]) if folders else None


@contextlib.contextmanager
def postgres_server():
    """Start a throw-away PostgreSQL server on loopback; yield the URL of an empty database.

    The cluster lives in a fresh folder under /tmp with trust authentication for its own
    superuser and listens only on 127.0.0.1, on a free port; it is stopped and deleted after.
    """
    bin_dir = postgres_bin()
    if bin_dir is None or not (bin_dir / "pg_ctl").exists():
        missing("PostgreSQL", "Debian: apt-get install postgresql")
    as_root = os.geteuid() == 0
    prefix = (["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"]
              if as_root else [])
    folder = Path(tempfile.mkdtemp(prefix="augcourse-postgres-"))
    folder.chmod(0o755)
    if as_root:
        os.chown(folder, NOBODY, NOBODY)
    data, log, port = folder / "data", folder / "server.log", free_port()

    def run(*command):
        return subprocess.run(prefix + [str(c) for c in command], capture_output=True, text=True,
                              timeout=120, env=dict(os.environ, LC_ALL="C"))

    try:
        made = run(bin_dir / "initdb", "-D", data, "-U", "augcourse", "--auth=trust", "-E", "UTF8",
                   "--no-instructions")
        assert made.returncode == 0, f"initdb failed:\n{made.stdout}{made.stderr}"
        started = run(bin_dir / "pg_ctl", "-D", data, "-l", log, "-w", "-t", "60", "-o",
                      f"-c listen_addresses=127.0.0.1 -p {port} -k {folder} -c fsync=off",
                      "start")
        log_text = log.read_text() if log.exists() else ""
        assert started.returncode == 0, f"PostgreSQL did not start:\n{started.stderr}{log_text}"
        created = run(bin_dir / "createdb", "-h", "127.0.0.1", "-p", port, "-U", "augcourse",
                      "gradebook")
        assert created.returncode == 0, f"createdb failed:\n{created.stderr}"
        yield f"postgresql://augcourse@127.0.0.1:{port}/gradebook"
    finally:
        if (data / "postmaster.pid").exists():
            run(bin_dir / "pg_ctl", "-D", data, "-m", "immediate", "stop")
        shutil.rmtree(folder, ignore_errors=True)


def require_chromium():
    if not Path(CHROMIUM).exists():
        missing("Chromium", "Debian: apt-get install chromium")


@contextlib.contextmanager
def launch_chromium():
    """Headless Chromium driven by Playwright; screenshots go to SHOTS."""
    require_chromium()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing("Playwright", "pip install -r requirements.txt")
    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


def new_page(chromium):
    """A page in a fresh browser context, the size of a laptop screen, that waits up to a
    minute for what it is asked to find (JupyterLab starts slowly on a busy 2-core machine)."""
    page = chromium.new_context(viewport={"width": 1400, "height": 900}).new_page()
    page.set_default_timeout(60_000)
    return page
