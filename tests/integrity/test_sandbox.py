"""The grading sandbox: student code at autograde runs with no network, without the course's
secrets, without capabilities, and under memory and CPU-time caps (augcourse/grading/sandbox.py)."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from augcourse.grading import metadata
from augcourse.grading import sandbox

from course_harness import Course, assignments

# What a curious or hostile student tries, printed as one JSON line.
SPY = r'''
import json as _json, os as _os, socket as _socket, subprocess as _subprocess
_found = {"cwd": _os.getcwd()}
for _name, _path in _SECRETS.items():
    _found[_name] = _os.path.exists(_path)
try:
    _socket.create_connection(("1.1.1.1", 53), timeout=2)
    _found["network"] = True
except OSError:
    _found["network"] = False
try:
    with open(_SECRETS["gradebook"], "a") as _db:
        _db.write("tampered")
    _found["gradebook_written"] = True
except OSError:
    _found["gradebook_written"] = False
_found["umount"] = _subprocess.run(["umount", "-l", _SECRETS["root"]],
                                   capture_output=True).returncode == 0
_found["processes"] = len([_p for _p in _os.listdir("/proc") if _p.isdigit()])
# a fork of a warm process has its command line: python .../sandbox.py --warm ADDRESS GRADER
_found["warm"] = open("/proc/self/cmdline", "rb").read().split(b"\0")[2:3] == [b"--warm"]
print("SPY", _json.dumps(_found))
'''


def _secrets(root, student):
    root = Path(root)
    return {"root": str(root), "source": str(root / "source"),
            "gradebook": str(root / "gradebook.db"),
            "other_student": str(root / "autograded" / "other" / "x.txt"),
            "own_folder": str(root / "autograded" / student)}


def _run(code, cwd, root, **env):
    """Run ``python -c code`` through the sandbox launcher; return the completed process."""
    environment = dict(os.environ, AUGCOURSE_COURSE_ROOT=str(root), **env)
    return subprocess.run([sys.executable, "-m", "augcourse.grading.sandbox", "--",
                           sys.executable, "-c", code], cwd=cwd, env=environment,
                          capture_output=True, text=True, timeout=120)


@pytest.fixture
def course_folder(tmp_path):
    """A course folder with secrets, another student's work, and alice's working folder."""
    (tmp_path / "source" / "ps").mkdir(parents=True)
    (tmp_path / "source" / "ps" / "hidden.txt").write_text("the answers")
    (tmp_path / "gradebook.db").write_text("grades")
    (tmp_path / "autograded" / "other").mkdir(parents=True)
    (tmp_path / "autograded" / "other" / "x.txt").write_text("someone else's work")
    work = tmp_path / "autograded" / "alice" / "ps"
    work.mkdir(parents=True)
    return tmp_path, work


def _spy(result):
    line = next((x for x in result.stdout.splitlines() if x.startswith("SPY ")), None)
    assert line, f"the spy printed nothing; stdout {result.stdout!r}, stderr {result.stderr!r}"
    return json.loads(line[4:])


def test_this_machine_can_sandbox():
    """The course's grading machine (and CI) must sandbox; a machine without namespaces grades
    unsandboxed and the launcher says so (next tests)."""
    assert sandbox.unavailable_reason() is None, sandbox.unavailable_reason()


# Kernels start warm (forked from a process that imported TensorFlow) at autograde, cold
# elsewhere; both ways must give the same sandbox.
STARTS = pytest.mark.parametrize("start", ["warm", "cold"])


def _started(start):
    return {"AUGCOURSE_WARM_KERNELS": "on" if start == "warm" else "off"}


@STARTS
def test_student_code_sees_only_its_own_folder_and_no_network(course_folder, start):
    root, work = course_folder
    code = f"_SECRETS = {_secrets(root, 'alice')!r}\n" + SPY + (
        "open('made_here.txt', 'w').write('mine')\n")
    found = _spy(_run(code, work, root, **_started(start)))
    assert found["cwd"] == str(work)
    assert found["own_folder"] is True
    assert found["source"] is False and found["gradebook"] is False
    assert found["other_student"] is False
    assert found["network"] is False
    assert found["gradebook_written"] is False and found["umount"] is False
    assert found["processes"] <= 3, "the grader's processes are visible"
    assert found["warm"] is (start == "warm")
    assert (work / "made_here.txt").read_text() == "mine"  # its own files stay writable
    assert (root / "gradebook.db").read_text() == "grades"
    assert (root / "source" / "ps" / "hidden.txt").read_text() == "the answers"


WRITE_EVERYWHERE = r'''
import json, os, pwd, site, sys
home = pwd.getpwuid(os.getuid()).pw_dir
tag = "augcourse-write-test-" + str(os.getppid())
targets = {"home": os.path.join(home, tag), "ipython start-up": os.path.join(
    home, ".ipython", "profile_default", "startup", tag + ".py"),
    "site-packages .pth": os.path.join(site.getsitepackages()[0], tag + ".pth"),
    "environment": os.path.join(sys.prefix, tag), "course folder": os.path.join(_ROOT, tag),
    "above the course": os.path.join(os.path.dirname(_ROOT), tag),
    "private /tmp": os.path.join("/tmp", tag), "private home": os.path.join(
        os.environ["HOME"], ".ipython", "profile_default", "startup", tag + ".py"),
    "own folder": os.path.join(os.getcwd(), tag)}
found = {}
for name, path in targets.items():
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        open(path, "w").write("x")
        found[name] = True
    except OSError:
        found[name] = False
print("WROTE", json.dumps([targets, found]))
'''


def test_with_the_environment_inside_the_course_only_own_folder_and_scratch_are_writable():
    """The course as instructors run it: this checkout, its .venv inside. Student code may write
    its own folder, a private /tmp and a private home, and nothing else."""
    from course_harness import REPO

    work_parent = REPO / "autograded"  # ignored by git, as for a real class
    work_parent.mkdir(exist_ok=True)
    import tempfile

    work = Path(tempfile.mkdtemp(prefix="sandbox-test-", dir=work_parent))
    try:
        result = _run(f"_ROOT = {str(REPO)!r}\n" + WRITE_EVERYWHERE, work, REPO)
        line = next((x for x in result.stdout.splitlines() if x.startswith("WROTE ")), None)
        assert line, result.stderr
        targets, found = json.loads(line[6:])
        # under /tmp (a checkout there, as in CI) a write lands in the kernel's private /tmp
        scratch = {k for k, p in targets.items()
                   if any(Path(p).is_relative_to(s) for s in sandbox.SCRATCH)}
        allowed = {"private /tmp", "private home", "own folder"} | ({"above the course"} & scratch)
        assert {k for k, v in found.items() if v} == allowed, found
        leaked = [k for k, p in targets.items() if k != "own folder" and Path(p).exists()]
        assert not leaked, f"written on the real file system: {leaked}"
    finally:
        for path in (locals().get("targets") or {}).values():
            Path(path).unlink(missing_ok=True)
        import shutil

        shutil.rmtree(work, ignore_errors=True)


@pytest.mark.skipif(os.getuid() != 0 or not Path("/usr/bin/python3").exists(),
                    reason="needs root to become another user, and a system Python")
def test_an_unprivileged_user_gets_the_same_sandbox(tmp_path):
    """Instructors need no root: as the user nobody (through user namespaces) the launcher,
    run by the system Python, covers the course folder and cuts the network just the same."""
    import tempfile

    root = Path(tempfile.mkdtemp(prefix="augcourse-nobody-"))
    # nobody's own copy of the launcher: this checkout may lie in a folder only root can enter
    # (a CI clone in a mkdtemp folder did), and an instructor's checkout is their own anyway
    launcher_home = Path(tempfile.mkdtemp(prefix="augcourse-launcher-"))
    try:
        launcher = launcher_home / "augcourse" / "sandbox.py"
        launcher.parent.mkdir()
        shutil.copy(sandbox.__file__, launcher)
        for path in (launcher_home, launcher.parent):
            path.chmod(0o755)
        launcher.chmod(0o644)
        work = root / "autograded" / "alice" / "ps"
        work.mkdir(parents=True)
        (root / "source").mkdir()
        for folder in (root, *root.rglob("*")):
            folder.chmod(0o777)
        spy = (f"import os, socket\nprint(os.getuid(), sorted(os.listdir({str(root)!r})))\n"
               "try:\n    socket.create_connection(('1.1.1.1', 53), timeout=2)\n"
               "except OSError:\n    print('no network')\n")
        result = subprocess.run(
            ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "/usr/bin/python3",
             "-I", str(launcher), "--", "/usr/bin/python3", "-c", spy],
            cwd=work, env={"PATH": "/usr/bin:/bin", "AUGCOURSE_COURSE_ROOT": str(root)},
            capture_output=True, text=True, timeout=60)
        assert "UNSANDBOXED" not in result.stderr, result.stderr
        assert result.stdout.splitlines() == ["0 ['autograded']", "no network"], (
            result.stdout + result.stderr)
    finally:
        shutil.rmtree(root, ignore_errors=True)
        shutil.rmtree(launcher_home, ignore_errors=True)


@STARTS
def test_the_package_is_importable_but_read_only(course_folder, start):
    root, work = course_folder
    package = Path(sandbox.__file__).parent
    result = _run("import augcourse, pathlib\n"
                  f"try:\n    pathlib.Path({str(package / 'x.py')!r}).write_text('')\n"
                  "except OSError as e:\n    print('refused', e.errno)\n", work, root,
                  **_started(start))
    assert "refused 30" in result.stdout, result.stdout + result.stderr  # EROFS
    checkout = package.parent
    hidden = _run(f"import os; print(os.path.exists({str(checkout / 'source')!r}))", work, root)
    assert hidden.stdout.strip() == "False", "the course checkout's source/ is visible"


@STARTS
def test_a_memory_bomb_gets_a_memory_error(course_folder, start):
    root, work = course_folder
    result = _run("try:\n    b = bytearray(2 * 2**30)\nexcept MemoryError:\n    print('capped')",
                  work, root, AUGCOURSE_SANDBOX_MEMORY_MB="1024", **_started(start))
    assert result.stdout.strip() == "capped", result.stdout + result.stderr


@STARTS
def test_the_cpu_time_cap_stops_a_busy_loop(course_folder, start):
    root, work = course_folder
    result = _run("while True:\n    pass", work, root, AUGCOURSE_SANDBOX_CPU_SECONDS="2",
                  **_started(start))
    assert result.returncode != 0, "the busy loop ran past its CPU-time cap"


# what a forked kernel has and might try: its warm process's socket, named in its command line
WARM_PROBE = r'''
import inspect, socket, sys, numpy
mapped = any("tensorflow" in name for name in inspect.modulesbyfile.values())
words = open("/proc/self/cmdline", "rb").read().split(b"\0")
reached = None
if words[2:3] == [b"--warm"]:
    try:
        socket.socket(socket.AF_UNIX).connect("\0" + words[3].decode())
        reached = True
    except OSError:
        reached = False
print("PROBE", "tensorflow" in sys.modules, numpy.random.randint(2**31), reached, mapped)
print("PATH", sys.path)
import tensorflow  # what every notebook does: free in a warm kernel
'''


def test_warm_kernels_are_forks_with_tensorflow_imported_and_their_own_random_state(
        course_folder):
    """After the first kernel of a grader, a kernel starts as a fork of the warm process: it
    has TensorFlow imported before its code runs and starts in a fraction of a cold start's
    time; NumPy's global random state is drawn again in each; and it cannot reach the warm
    process (which would fork a kernel for it) from its own network namespace. Its map of
    module files, which IPython's first error message would otherwise build, is made already."""
    import time

    root, work = course_folder
    warm = _started("warm")
    _run("pass", work, root, **warm)  # starts this grader's warm process
    probes, seconds = [], []
    for _ in range(3):
        start = time.monotonic()
        result = _run(WARM_PROBE, work, root, **warm)
        seconds.append(time.monotonic() - start)
        line = next(x for x in result.stdout.splitlines() if x.startswith("PROBE"))
        probes.append(line.split()[1:])
    assert all(imported == "True" for imported, *_ in probes), (
        f"a kernel started cold: {probes}; stderr {result.stderr[-1000:]}")
    assert len({draw for _, draw, *_ in probes}) == 3, f"kernels share a random state: {probes}"
    assert all(reached == "False" for _, _, reached, _ in probes), (
        f"a kernel reached its warm process: {probes}")
    assert all(mapped == "True" for *_, mapped in probes), (
        f"a warm kernel's map of module files (inspect.modulesbyfile) starts empty: {probes}")
    start = time.monotonic()
    cold = _run(WARM_PROBE, work, root, **_started("cold"))
    cold_seconds = time.monotonic() - start
    assert "PROBE False" in cold.stdout, cold.stdout + cold.stderr
    paths = {next(x for x in r.stdout.splitlines() if x.startswith("PATH")) for r in (result, cold)}
    assert len(paths) == 1, f"a warm kernel imports from other places than a cold one: {paths}"
    # (a ratio, not seconds: on a busy machine both slow down)
    assert max(seconds) < cold_seconds / 3, (
        f"warm starts took {seconds} s, a cold start {cold_seconds:.2f} s")


def _without_owner():
    """This process's environment without AUGCOURSE_WARM_OWNER (tests/conftest.py sets it)."""
    return {k: v for k, v in os.environ.items() if k != "AUGCOURSE_WARM_OWNER"}


def _family(grader_pid):
    """The pids of a grader's warm process and the kernels it forked (they share its command
    line, which ends with the grader's pid)."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            words = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if words[2:3] == [b"--warm"] and words[4:5] == [str(grader_pid).encode()]:
            found.append(int(entry.name))
    return found


def _stat(pid):
    """The fields of /proc/<pid>/stat after the command's name: state, parent pid, ..."""
    return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()


def _parent(pid):
    return int(_stat(pid)[1])


# A grader that starts one sandboxed kernel, prints the pid of the process it started
# (unshare) and waits to be killed.
GRADER = """
import os, sys, time
from jupyter_client import KernelManager
manager = KernelManager(kernel_name=sys.argv[1], transport="ipc", ip=sys.argv[2] + "/kernel")
manager.start_kernel(cwd=sys.argv[2])
client = manager.client()
client.start_channels()
client.wait_for_ready(timeout=120)
print(manager.provisioner.process.pid, flush=True)
time.sleep(600)
"""


def _gone(pid, seconds=20):
    """True once ``pid`` has ended (a zombie waiting for its parent counts as ended)."""
    import time

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            state = _stat(pid)[0]
        except (FileNotFoundError, ProcessLookupError):
            return True
        if state in ("Z", "X"):
            return True
        time.sleep(0.2)
    return False


@pytest.fixture
def grader(tmp_path):
    """(grader process, pid of its kernel's sandbox) for a grader with one live kernel."""
    process = subprocess.Popen(
        [sys.executable, "-c", GRADER, sandbox.KERNEL_NAME, str(tmp_path)], cwd=tmp_path,
        # a warm process of its own, which ends with it (not the test run's shared one)
        env={**_without_owner(), "AUGCOURSE_COURSE_ROOT": str(tmp_path), **_started("warm")},
        stdout=subprocess.PIPE,
        text=True)
    try:
        kernel = int(process.stdout.readline())
        yield process, kernel
    finally:
        process.kill()
        process.wait()


def test_a_kernel_ends_when_its_grader_is_killed(grader):
    """A grader killed outright (SIGKILL, or SIGTERM, which skips its clean-up) cannot shut its
    kernel down. unshare ignores SIGTERM, so before the sandbox tied unshare to its parent
    (prctl PR_SET_PDEATHSIG), such a kernel kept running (seen by hand)."""
    process, kernel = grader
    assert not _gone(kernel, 1), "the kernel ended before its grader"
    warm = _family(process.pid)
    assert len(warm) == 3, f"expected the warm process and its kernel's two, found {warm}"
    process.kill()
    assert _gone(kernel), "the sandboxed kernel outlived its grader"
    assert all(_gone(pid) for pid in warm), "the warm process or its kernel outlived the grader"


def test_a_kernel_ends_on_sigterm_to_its_process_group(grader):
    """jupyter_client signals a kernel's whole process group. The kernel is the first process
    of its PID namespace, which ignores signals it has no handler for; the guard gives it one
    for SIGTERM (augcourse.grading.guard.end_on_sigterm)."""
    import signal

    process, kernel = grader
    family = _family(process.pid)
    forked = [pid for pid in family if _parent(pid) in family]  # all but the warm process
    os.killpg(os.getpgid(kernel), signal.SIGTERM)
    assert _gone(kernel), "the sandboxed kernel ignored SIGTERM"
    assert forked and all(_gone(pid) for pid in forked), "the forked kernel ignored SIGTERM"


def test_graders_under_one_owner_share_its_warm_process_which_ends_with_it(course_folder):
    """With AUGCOURSE_WARM_OWNER, the graders that a script (here, an owner process) starts one
    after another fork their kernels from one warm process, which stays after each grader ends
    and ends with the owner."""
    root, work = course_folder
    owner = subprocess.Popen(["sleep", "300"])
    try:
        settings = {**_started("warm"), "AUGCOURSE_WARM_OWNER": str(owner.pid)}
        probes = [_run(WARM_PROBE, work, root, **settings) for _ in range(2)]
        assert all("PROBE True" in p.stdout for p in probes), [p.stderr[-500:] for p in probes]
        warm = _family(owner.pid)
        assert len(warm) == 1, f"expected one warm process left for the owner, found {warm}"
    finally:
        owner.kill()
        owner.wait()
    assert _gone(warm[0]), "the warm process outlived its owner"


def test_unsandboxed_kernels_start_and_say_so_loudly(course_folder):
    root, work = course_folder
    result = _run("print('ran')", work, root, AUGCOURSE_SANDBOX="off")
    assert result.stdout.strip() == "ran"
    assert "UNSANDBOXED" in result.stderr and "AUGCOURSE_SANDBOX=off" in result.stderr


def test_bad_settings_are_refused_with_a_message(course_folder):
    root, work = course_folder
    result = _run("print('ran')", work, root, AUGCOURSE_SANDBOX_MEMORY_MB="lots")
    assert result.returncode != 0 and "AUGCOURSE_SANDBOX_MEMORY_MB must be a whole number" in (
        result.stderr)
    ended = subprocess.Popen(["true"])
    ended.wait()  # a pid that no process has now
    for owner, message in (("lots", "AUGCOURSE_WARM_OWNER must be a whole number"),
                           (str(ended.pid), "names no running process")):
        result = _run("print('ran')", work, root, AUGCOURSE_WARM_OWNER=owner, **_started("warm"))
        assert result.returncode != 0 and message in result.stderr, result.stderr[-1000:]


def test_hidden_folders_cover_the_course_and_keep_what_the_kernel_needs(tmp_path):
    course = tmp_path / "course"
    work = course / "autograded" / "alice" / "ps"
    outside = tmp_path / "elsewhere"
    for folder in (work, outside):
        folder.mkdir(parents=True)
    covered = sandbox.hidden_folders(course, [work, outside])
    assert covered[course.resolve()] == [work.resolve()]
    checkout = sandbox.PACKAGE.parent  # the folder the augcourse package was imported from
    assert checkout in covered or any(checkout.is_relative_to(r) for r in covered)


def test_autograde_runs_student_code_in_the_sandbox(tmp_path):
    """The course's nbgrader configuration selects the sandbox: a spying student, graded by the
    real ``nbgrader autograde``, finds nothing, and both students keep their full marks."""
    import nbformat

    course = Course(tmp_path, assignments()[0])
    course.submit("honest", course.student_notebook())
    spy_notebook = course.student_notebook()
    first = next(c for c in spy_notebook.cells
                 if metadata.is_solution_code(c))
    secrets = dict(_secrets(course.root, "spy"),
                   other_student=str(course.root / "autograded" / "honest"))
    first.source = f"_SECRETS = {secrets!r}\n{SPY}\n{first.source}"
    course.submit("spy", spy_notebook)
    # a wrong answer (divides by 256) that patches NumPy so that the tests cannot see it: the
    # guard's lock refuses the patch
    course.submit("patcher", course.student_notebook({"to_float01": PATCHER}))
    # the same, patching only when the test calls it (after the guard's repairs)
    course.submit("late_patcher", course.student_notebook({"to_float01": LATE_PATCHER}))
    _, log = course.autograde()
    assert "UNSANDBOXED" not in log
    graded = nbformat.reads(json.dumps(course.autograded_notebook("spy")), as_version=4)
    outputs = "".join(o.get("text", "") for c in graded.cells if c.cell_type == "code"
                      for o in c.outputs)
    found = json.loads(outputs.split("SPY ", 1)[1].splitlines()[0])
    assert found["source"] is False and found["gradebook"] is False
    assert found["network"] is False and found["gradebook_written"] is False
    assert found["other_student"] is False and found["own_folder"] is True
    assert found["warm"] is True, "nbgrader autograde started its kernels cold"
    for student in ("honest", "spy"):
        scores = course.scores(student)
        assert scores and all(s == m for s, m in scores.values()), (student, scores)
    for student in ("patcher", "late_patcher"):
        message = "augcourse guard: numpy.allclose cannot be changed while the notebook is graded"
        lost = {k for k, (s, m) in course.scores(student).items() if s < m}
        assert lost == {"test_to_float01"}, (student, course.scores(student))
        graded = nbformat.reads(json.dumps(course.autograded_notebook(student)), as_version=4)
        shown = "".join(o.get("text", "") + o.get("evalue", "") for c in graded.cells
                        if c.cell_type == "code" for o in c.outputs)
        assert message in shown, (student, shown[-2000:])


PATCHER = """import numpy
numpy.allclose = lambda *args, **kwargs: True


def to_float01(images):
    return tf.cast(images, tf.float32) / 256.0
"""

LATE_PATCHER = """def to_float01(images):
    import numpy
    numpy.allclose = lambda *args, **kwargs: True
    return tf.cast(images, tf.float32) / 256.0
"""

TAMPERING = [
    "import numpy as np\nfrom augcourse.models import accuracy",
    # past the lock (see the next test): straight into the modules' namespaces
    "vars(np.testing)['assert_allclose'] = lambda *a, **k: None\n"
    "vars(np)['array_equal'] = lambda *a: True\n"
    "accuracy = lambda *a: 1.0\ndef isinstance(*a):\n    return True",
    "print(np.array_equal([1], [2]), accuracy.__module__, isinstance(1, str),\n"
    "      np.testing.assert_allclose.__module__)",
    "np = None",
    "print(np.__name__)",
]


def _run_cells(cells, kernel, tmp_path):
    import tempfile

    import nbformat
    from nbclient import NotebookClient
    from traitlets.config import Config

    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells])
    config = Config()
    config.KernelManager.transport = "ipc"
    config.KernelManager.ip = str(Path(tempfile.mkdtemp(dir=tmp_path)) / "kernel")
    NotebookClient(notebook, kernel_name=kernel, config=config, timeout=120, allow_errors=True,
                   resources={"metadata": {"path": str(tmp_path)}}).execute()
    return ["".join(o.get("text", "") + o.get("evalue", "") for o in c.outputs)
            for c in notebook.cells]


def test_the_guard_undoes_tampering_before_each_cell(tmp_path):
    """In a plain kernel the patches hold; in the grading kernel the next cell sees the
    originals, and the repairs are printed where the instructor reads them."""
    plain = _run_cells(TAMPERING, "python3", tmp_path)
    assert plain[2].split() == ["True", "__main__", "True", "__main__"]
    guarded = _run_cells(TAMPERING, sandbox.KERNEL_NAME, tmp_path)
    assert guarded[2].splitlines()[-1].split() == [
        "False", "augcourse.models", "False", "numpy.testing._private.utils"]
    # the changes past the lock fail the cell that made them, and are undone at once
    for repair in ("numpy.array_equal was replaced", "numpy.testing.assert_allclose was replaced"):
        assert repair in guarded[1] and "while this cell ran" in guarded[1]
    for repair in ("the name accuracy was rebound", "the builtin isinstance was shadowed"):
        assert repair in guarded[2]
    assert guarded[4].splitlines() == [
        "augcourse guard: the name np was rebound by an earlier cell; the original is back",
        "numpy"]
    assert "augcourse guard" not in guarded[0]  # an honest cell: nothing to repair


def test_the_guard_locks_what_it_protects(tmp_path):
    """Patching NumPy from inside a function that a test calls raises instead of fooling it;
    honest uses of the same modules (imports, seeding, options) still work."""
    cells = ["import numpy as np\nimport tensorflow as tf\nimport keras\nimport augcourse",
             "def sneaky(x):\n    np.allclose = lambda *a, **k: True\n    return x",
             "try:\n    sneaky(1)\nexcept AttributeError as error:\n    print(error)",
             "import numpy.fft\nnp.random.seed(3)\nnp.set_printoptions(precision=3)\n"
             "print(np.allclose([1], [2]))",
             "try:\n    del np.testing\nexcept AttributeError as error:\n    print(error)",
             "def sneakier(x):\n    vars(np)['allclose'] = lambda *a, **k: True\n    return x",
             "sneakier(1)\nprint('inside the cell:', np.allclose([1], [2]))",
             "print('next cell:', np.allclose([1], [2]))"]
    out = _run_cells(cells, sandbox.KERNEL_NAME, tmp_path)
    assert out[0] == ""
    assert out[2].strip() == ("augcourse guard: numpy.allclose cannot be changed while the "
                              "notebook is graded")
    assert out[3].strip() == "False"
    assert "numpy.testing cannot be changed" in out[4]
    # past the lock: the fake works until the cell ends, then the cell fails and it is undone
    assert out[6].startswith("inside the cell: True")
    assert "numpy.allclose was replaced while this cell ran" in out[6]
    assert out[7].strip() == "next cell: False"


def test_the_grading_kernel_loads_the_student_modules_and_of_the_grading_tools_only_the_guard(
        tmp_path):
    """The guard imports (and locks) every module students call, so a first import by a student
    cell cannot be a patched one; the instructor's tools (audit, class grader, nbgrader) stay out
    of the student's kernel."""
    import ast

    import augcourse

    cells = ["import sys\nprint(sorted(m for m in sys.modules if m.startswith('augcourse')))\n"
             "print('nbgrader' in sys.modules)"]
    loaded, nbgrader_loaded = _run_cells(cells, sandbox.KERNEL_NAME, tmp_path)[0].splitlines()
    expected = sorted(["augcourse", "augcourse.grading", "augcourse.grading.guard"]
                      + [f"augcourse.{m}" for m in augcourse.STUDENT_MODULES])
    assert ast.literal_eval(loaded) == expected
    assert nbgrader_loaded == "False"


def test_the_student_modules_are_every_module_of_the_package_but_grading():
    import pkgutil

    import augcourse

    assert sorted(augcourse.STUDENT_MODULES) == sorted(
        m.name for m in pkgutil.iter_modules(augcourse.__path__) if m.name != "grading")
    for name in augcourse.STUDENT_MODULES:  # the package's docstring lists each
        assert f"augcourse.{name} " in augcourse.__doc__, f"augcourse.{name} is not listed"
