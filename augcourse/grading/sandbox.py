"""A sandbox for the kernels that run students' code at autograde (and validate).

The course's nbgrader configuration runs every notebook in the kernel ``augcourse-sandbox``,
whose command is this module. It starts the real kernel

- with **no network**: a new network namespace holds only a loopback interface that is down
  (the kernel talks to nbgrader through Unix sockets, ZeroMQ's ``ipc`` transport, which the
  configuration selects);
- with a **read-only file system**: in a new mount namespace every mount is remounted
  read-only (the instructor's home, the Python environment wherever it lives, the system);
  ``/tmp``, ``/var/tmp`` and ``/dev/shm`` are new, empty and private to this kernel, and ``HOME``
  points to an empty folder inside that ``/tmp``. Writable are only the student's own folder
  and that scratch space, which ends with the kernel;
- **without the course's secrets**: the course folder (``source/``, ``solutions/``,
  ``submitted/``, the other students' ``autograded/`` folders, the gradebook) and the folder
  the ``augcourse`` package comes from are covered by empty memory file systems; only the
  student's own folder (writable), the package and the virtual environment (read-only) are put
  back;
- in a new **process namespace**, so it sees and signals no process of the grader;
- with all capabilities dropped, so it cannot undo those mounts;
- with a cap on its **memory** (address space) and its **CPU time** per notebook.

It needs ``unshare`` and ``setpriv`` (util-linux, on every Linux) and user namespaces. Where
they are missing or refused, the kernel starts anyway, **unsandboxed**, and says so loudly on
the grader's terminal.

Settings (environment): ``AUGCOURSE_COURSE_ROOT`` (set by nbgrader_config.py),
``AUGCOURSE_SANDBOX_MEMORY_MB`` (8192; 0 for no cap: CUDA needs that on a GPU),
``AUGCOURSE_SANDBOX_CPU_SECONDS`` (1800; CPU time of the whole notebook, all threads),
``AUGCOURSE_SANDBOX=off`` to switch it off.

    python -m augcourse.grading.sandbox --install      # the kernel spec, into this environment
    python -m augcourse.grading.sandbox --check        # can this machine sandbox? (exit 0 if so)
"""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

KERNEL_NAME = "augcourse-sandbox"
# the augcourse package: visible, read-only, in every kernel (students import it)
PACKAGE = Path(__file__).resolve().parents[1]
WARNING = ("\n" + "!" * 78 + "\n!! augcourse sandbox: {why}.\n!! Student code runs UNSANDBOXED: "
           "with network, as the grader's user, able to read source/ and the gradebook.\n"
           + "!" * 78 + "\n")


def _setting(name, default):
    value = os.environ.get(name, str(default))
    try:
        number = int(value)
    except ValueError:
        raise SystemExit(
            f"augcourse sandbox: {name} must be a whole number, got {value!r}") from None
    if number < 0:
        raise SystemExit(f"augcourse sandbox: {name} must be 0 or more, got {number}")
    return number


def limits():
    """``(memory_bytes or None, cpu_seconds or None)`` from the environment."""
    memory = _setting("AUGCOURSE_SANDBOX_MEMORY_MB", 8192)
    cpu = _setting("AUGCOURSE_SANDBOX_CPU_SECONDS", 1800)
    return (memory * 2 ** 20 or None), (cpu or None)


def _apply_limits():
    """Cap this process (and what it starts) at the configured memory and CPU time."""
    import resource  # Unix only; imported here so that the configuration loads anywhere

    memory, cpu = limits()
    if memory:
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    if cpu:
        resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 5))


def _tools():
    return shutil.which("unshare"), shutil.which("setpriv")


def unavailable_reason():
    """None when this machine can sandbox a kernel, else why not (in words)."""
    if os.environ.get("AUGCOURSE_SANDBOX", "").lower() == "off":
        return "switched off with AUGCOURSE_SANDBOX=off"
    if not sys.platform.startswith("linux"):
        return f"namespaces need Linux, this is {sys.platform}"
    unshare, setpriv = _tools()
    if not unshare or not setpriv:
        return "'unshare' or 'setpriv' (util-linux) is not installed"
    probe = subprocess.run([unshare, "--user", "--map-root-user", "--net", "--mount", "--pid",
                            "--fork", "--mount-proc", "true"], capture_output=True, text=True)
    if probe.returncode:
        return f"this machine refuses new namespaces ({probe.stderr.strip() or probe.returncode})"
    return None


def hidden_folders(course_root, keep):
    """``{folder to cover: [paths inside it to put back]}``: the course root and the folder of
    the augcourse package's checkout, each with the kept paths that lie inside it."""
    package_root = PACKAGE.parent
    roots = {Path(p).resolve() for p in (course_root, package_root) if p}
    # a root inside another root is covered by it
    roots = {r for r in roots if not any(r != o and r.is_relative_to(o) for o in roots)}
    keep = [Path(p).resolve() for p in keep]
    return {root: [k for k in keep if k.is_relative_to(root)] for root in sorted(roots)}


def _mount(*args):
    subprocess.run(["mount", *args], check=True, capture_output=True, text=True)


# Writable, private and empty in every kernel: a file planted there is gone when it ends.
SCRATCH = ("/tmp", "/var/tmp", "/dev/shm")
# Pseudo file systems: not remounted (the kernel refuses writes there to a user namespace anyway).
PSEUDO = {"proc", "sysfs", "cgroup", "cgroup2", "devpts", "mqueue", "securityfs", "debugfs",
          "tracefs", "pstore", "bpf", "configfs", "fusectl", "hugetlbfs", "binfmt_misc",
          "autofs", "efivarfs", "nsfs"}


def _mount_points():
    """``[(mount point, file system type)]`` of this mount namespace, parents first."""
    points = []
    with open("/proc/self/mountinfo") as table:
        for line in table:
            fields = line.split()
            after = fields.index("-")
            point = fields[4].encode().decode("unicode_escape")  # \040 in a name is a space
            points.append((point, fields[after + 1]))
    return sorted(set(points), key=lambda p: p[0].count("/"))


def _all_read_only():
    """Remount every mount of this namespace read-only; return those that refused."""
    refused = []
    for point, kind in _mount_points():
        if kind in PSEUDO:
            continue
        done = subprocess.run(["mount", "-o", "remount,bind,ro", point], capture_output=True)
        if done.returncode:
            refused.append(point)
    return refused


def _connection_paths(command):
    """The kernel's connection file and the folder of its ipc sockets (nbgrader_config.py puts
    them in a folder of their own under /tmp): the kernel must reach them."""
    folders = {}
    if "-f" in command[:-1]:
        connection = Path(command[command.index("-f") + 1]).resolve()
        folders[connection] = "ro"
        try:
            info = json.loads(connection.read_text())
        except (OSError, ValueError):
            info = {}
        if info.get("transport") == "ipc" and info.get("ip"):
            folders[Path(info["ip"]).resolve().parent] = "rw"  # the kernel makes its sockets
    return folders


def _mount_target(path, folder):
    """Make ``path`` exist, as an empty folder or file, to bind a kept one on."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if folder:
        path.mkdir(exist_ok=True)
    elif not path.exists():
        path.touch()


def _inside(command):
    """In the new namespaces: everything read-only, the secrets covered, a private /tmp and
    home; cap resources, drop capabilities, start."""
    workdir = Path.cwd().resolve()
    course_root = os.environ.get("AUGCOURSE_COURSE_ROOT")
    keep = {PACKAGE: "ro", Path(sys.prefix).resolve(): "ro", **_connection_paths(command),
            workdir: "rw"}
    # a handle on each kept folder or file, taken before anything is covered; bound back from
    # /proc/<pid>/fd/<n> (mount -c: the link's target, not a path looked up again)
    handles = {path: os.open(path, os.O_PATH) for path in keep if path.exists()}
    folders = {path: path.is_dir() for path in handles}
    refused = _all_read_only()
    if refused:
        sys.stderr.write("augcourse sandbox: could not make these read-only, student code can "
                         f"write there: {', '.join(refused)}\n")
    covers = {root: "ro" for root in hidden_folders(course_root, keep)}
    covers.update({Path(p): "rw" for p in SCRATCH if Path(p).is_dir()})
    # a cover inside another of its kind is hidden by it already; the course folder inside
    # /tmp still gets its read-only cover, on top of the scratch one (parents first)
    covers = {c: m for c, m in covers.items()
              if not any(o != c and c.is_relative_to(o) and covers[o] == m for o in covers)}
    for cover, mode in sorted(covers.items(), key=lambda item: len(item[0].parts)):
        if cover in keep and keep[cover] == "rw":  # a notebook at the top of the course folder
            continue
        _mount("-t", "tmpfs", "-o", "size=1m,mode=755" if mode == "ro" else "mode=1777",
               "augcourse-" + ("hidden" if mode == "ro" else "scratch"), str(cover))
        for path in handles:
            if path.is_relative_to(cover) and path != cover:
                _mount_target(path, folders[path])
        if mode == "ro":
            # A user namespace may not remount the tmpfs itself read-only, but it may a bind
            # mount of it; the kept paths go on top afterwards.
            _mount("--bind", str(cover), str(cover))
            _mount("-o", "remount,bind,ro", str(cover))
    pid = os.getpid()
    for path, mode in sorted(keep.items(), key=lambda item: len(item[0].parts)):
        if path not in handles:
            continue
        _mount("-c", "--bind", f"/proc/{pid}/fd/{handles[path]}", str(path))
        _mount("-o", f"remount,bind,{mode}", str(path))
        os.close(handles[path])
    home = Path("/tmp/home")
    home.mkdir(mode=0o700, exist_ok=True)
    os.environ.update(HOME=str(home), TMPDIR="/tmp")
    os.chdir(workdir)
    _apply_limits()
    setpriv = _tools()[1]
    os.execv(setpriv, [setpriv, "--inh-caps=-all", "--bounding-set=-all", "--no-new-privs",
                       "--", *command])


def _this_script():
    """This file run as a script, isolated (-I): it needs only the standard library, so the
    launcher starts fast and runs with any Python 3."""
    return [sys.executable, "-I", str(Path(__file__).resolve())]


def _die_with_parent():
    """Ask Linux to SIGKILL this process (soon unshare) when the grader that started it dies.
    unshare ignores SIGTERM and SIGINT while it waits for the kernel, so a grader killed
    without shutting its kernel down would leave it running; with this, unshare dies with
    the grader and its --kill-child takes the kernel along. (The setting survives exec.)"""
    import ctypes
    import signal

    pr_set_pdeathsig = 1
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(pr_set_pdeathsig, int(signal.SIGKILL), 0, 0, 0) != 0:
        sys.stderr.write("augcourse sandbox: cannot tie the kernel to its grader "
                         f"(prctl: {os.strerror(ctypes.get_errno())}); it may outlive it\n")


def launch(command):
    """Start ``command`` (the kernel) in the sandbox, or unsandboxed with a loud warning."""
    why = unavailable_reason()
    if why:
        sys.stderr.write(WARNING.format(why=why))
        sys.stderr.flush()
        if sys.platform != "win32":
            _apply_limits()
        os.execvp(command[0], command)
    unshare = _tools()[0]
    _die_with_parent()
    os.execv(unshare, [unshare, "--user", "--map-root-user", "--net", "--mount", "--pid",
                       "--fork", "--mount-proc", "--kill-child", "--", *_this_script(),
                       "--inside", "--", *command])


def installed_spec(prefix=None):
    """Where :func:`install` writes the kernel spec: ``kernel.json`` in this environment."""
    return Path(prefix or sys.prefix) / "share" / "jupyter" / "kernels" / KERNEL_NAME / (
        "kernel.json")


def install(prefix=None):
    """Write the kernel spec ``augcourse-sandbox`` into ``prefix`` (this environment), unless
    it is there already as it should be. Returns its folder."""
    folder = installed_spec(prefix).parent
    # the guard (augcourse/grading/guard.py) starts before any cell and leaves no name behind
    guard = ("--IPKernelApp.exec_lines=[\"__import__('augcourse.grading.guard')"
             ".grading.guard.install()\"]")
    spec = {"argv": [*_this_script(), "--", sys.executable, "-m",
                     "ipykernel_launcher", "-f", "{connection_file}", guard],
            "display_name": "Python 3 (augcourse grading sandbox)", "language": "python",
            "interrupt_mode": "signal"}
    text = json.dumps(spec, indent=1) + "\n"
    path = folder / "kernel.json"
    if not path.is_file() or path.read_text() != text:
        folder.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return folder


def main(argv):
    if argv[:1] == ["--install"]:
        print(f"installed the kernel spec in {install()}")
        return 0
    if argv[:1] == ["--check"]:
        why = unavailable_reason()
        print(f"sandbox unavailable: {why}" if why else "sandbox available")
        return 1 if why else 0
    inside = argv[:1] == ["--inside"]
    if inside:
        argv = argv[1:]
    if argv[:1] != ["--"] or len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    (_inside if inside else launch)(argv[1:])
    return 0  # not reached: both exec the kernel


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
