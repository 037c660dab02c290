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
``AUGCOURSE_SANDBOX=off`` to switch it off, ``AUGCOURSE_WARM_KERNELS=on`` to start kernels
warm (see "Warm kernels" below: kernels after a grader's first are forks of a process that has
TensorFlow imported, and enter the same sandbox; `nbgrader autograde` and the class grader turn it
on, through nbgrader_config.py and classgrade.py), ``AUGCOURSE_WARM_OWNER=<pid>`` to keep the warm
process as long as that process runs, shared by the graders it starts (one per grader when unset).

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
    _enclose(command)
    setpriv = _tools()[1]
    os.execv(setpriv, [setpriv, "--inh-caps=-all", "--bounding-set=-all", "--no-new-privs",
                       "--", *command])


def _enclose(command):
    """Everything read-only, the secrets covered, a private /tmp and home, the resource caps
    (what :func:`_inside` does before it drops the capabilities)."""
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
    _die_with_parent()
    if _warm_wanted(command):
        _launch_warm(command)  # returns only when no warm process can start it
    unshare = _tools()[0]
    os.execv(unshare, [unshare, "--user", "--map-root-user", "--net", "--mount", "--pid",
                       "--fork", "--mount-proc", "--kill-child", "--", *_this_script(),
                       "--inside", "--", *command])


# ---------------------------------------------------------------------------------------------
# Warm kernels. Importing TensorFlow costs a kernel about 5 s of CPU, most of what a short
# notebook costs to grade. So the first kernel a grader starts also starts a *warm process*: the
# same Python, with the libraries every notebook imports already imported (and nothing run). Each
# kernel after that is a fork of it, which then enters the same sandbox as a cold start
# (namespaces, mounts, caps, no capabilities) before it runs the kernel's command. Only commands
# `python -m <module>` and `python -c <code>` of that Python go this way; anything else, and any
# failure to reach the warm process, starts cold. It is on where AUGCOURSE_WARM_KERNELS=on: the
# commands that grade many notebooks in one process set that (a student's Validate starts one
# kernel, and should not leave a warm process of 0.5 GB behind). Differences from a cold start,
# by design: the libraries are imported before the kernel's folder is on sys.path (a student file
# named numpy.py shadows nothing), and all the kernels of one grader share Python's string-hash
# seed; the garbage collector leaves the warm imports' objects alone (gc.freeze: they are not in
# gc.get_objects()). Python's and NumPy's global random states are drawn afresh in each kernel.
# The warm process ends with its grader; where AUGCOURSE_WARM_OWNER names a process (a script
# or a test run that starts nbgrader many times), with that process instead, and every grader it
# starts with the same environment forks its kernels from that one warm process.

# (ipykernel.debugger: every kernel imports it as it starts)
WARM_IMPORTS = ("numpy", "tensorflow", "keras", "ipykernel.kernelapp", "ipykernel.debugger")
WARM_SIGNALS = ("SIGINT", "SIGTERM", "SIGHUP", "SIGQUIT", "SIGUSR1", "SIGUSR2")
WARM_IDLE_SECONDS = 600  # a warm process with no kernel for this long ends (it holds ~0.5 GB)
# set anew for each grader or test, and read by no import: the grader's pid (jupyter_client sets
# it; each kernel gets its own grader's, with the rest of its environment) and pytest's test name
WARM_UNREAD = ("JPY_PARENT_PID", "PYTEST_CURRENT_TEST")


def _warm_wanted(command):
    return (os.environ.get("AUGCOURSE_WARM_KERNELS", "").lower() == "on"
            and len(command) >= 3 and command[1] in ("-m", "-c"))


def _warm_owner():
    """The pid of the process that the warm process lives as long as: this grader (the
    launcher's parent), or the process named by AUGCOURSE_WARM_OWNER. Graders under one owner
    and with one environment share its warm process: one TensorFlow import for a script (or a
    test run) that starts nbgrader many times, not one per nbgrader command."""
    owner = _setting("AUGCOURSE_WARM_OWNER", 0)
    if not owner:
        return os.getppid()
    try:
        os.kill(owner, 0)
    except ProcessLookupError:
        raise SystemExit(f"augcourse sandbox: AUGCOURSE_WARM_OWNER={owner} names no running "
                         "process (give the pid of the script that runs the graders)") from None
    return owner


def _warm_address(python, owner):
    """The abstract Unix socket (no file; unreachable from a kernel's own network namespace) of
    the warm process of this owner (:func:`_warm_owner`), this Python and this environment (but
    for the sandbox's own settings and WARM_UNREAD, which nothing reads at import)."""
    import hashlib

    environment = sorted((k, v) for k, v in os.environ.items()
                         if not k.startswith("AUGCOURSE_") and k not in WARM_UNREAD)
    key = hashlib.sha256(json.dumps([python, environment]).encode()).hexdigest()
    return f"\0augcourse-warm-{os.getuid()}-{owner}-{key[:16]}"


def _warm_connect(python, wait):
    """A socket connected to the warm process, started if need be; None if there is none."""
    import socket
    import time

    owner = _warm_owner()
    address = _warm_address(python, owner)
    started = None
    deadline = time.monotonic() + wait
    while True:
        connection = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            connection.connect(address)
            return connection
        except OSError:
            connection.close()
        if started is None:
            started = subprocess.Popen(
                [python, str(Path(__file__).resolve()), "--warm", address[1:], str(owner)],
                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL, start_new_session=True, cwd="/")
        elif started.poll() is not None and started.returncode != 0 or (
                time.monotonic() > deadline):
            return None  # it failed to start (or another one took the address and then died)
        time.sleep(0.05)


def _launch_warm(command):
    """Have the warm process fork the kernel; relay signals to it and end with its status.
    Returns (to start cold) only when no warm process is to be had."""
    import socket

    connection = _warm_connect(command[0], wait=120)
    if connection is None:
        sys.stderr.write("augcourse sandbox: no warm process; this kernel starts cold\n")
        return
    request = json.dumps({"command": command, "cwd": os.getcwd(),
                          "env": dict(os.environ)}).encode()
    socket.send_fds(connection, [len(request).to_bytes(8, "big")], [0, 1, 2])
    connection.sendall(request)
    replies = connection.makefile("r")
    first = replies.readline().split()
    if first[:1] != ["pid"]:
        sys.stderr.write(f"augcourse sandbox: the warm process refused: {first}; cold start\n")
        return
    _relay_signals(int(first[1]))
    last = replies.readline().split()
    os._exit(int(last[1]) if last[:1] == ["exit"] else 1)


def _warm_server(address, owner):
    """The warm process: import, then fork one kernel per request until the grader ends."""
    import gc
    import importlib
    import selectors
    import socket
    import struct
    import time

    # run as a script, this file's folder is first on sys.path: not a place to import from (a
    # kernel puts its own first, _run_as_main)
    del sys.path[0]
    # ipykernel.debugger imports debugpy, which warns on stderr that Python's frozen modules may
    # hide breakpoints: nothing a grader debugs, and nothing for its log
    os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    # no garbage collection during the imports: it scanned the growing heap again and again
    # (importing TensorFlow took a sixth more CPU with it)
    gc.disable()
    for name in WARM_IMPORTS:
        importlib.import_module(name)
    # IPython formats a cell's error with inspect.getmodule, whose first call maps the file of
    # every imported module (thousands with TensorFlow, each path resolved on disk). Made here
    # once, the map is every kernel's: the paths are the same inside the sandbox
    import inspect

    inspect.getmodule(_warm_server.__code__)
    # The imports leave some 400,000 objects that live as long as the process. Frozen, the
    # garbage collector of each forked kernel skips them: a kernel's exit (IPython collects
    # there) scanned them all, and scanning writes to them, copying their pages
    gc.freeze()
    gc.enable()
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        listener.bind("\0" + address)
    except OSError:
        return 0  # another launcher started one first
    listener.listen(64)
    grader = os.pidfd_open(owner)
    selector = selectors.DefaultSelector()
    selector.register(listener, selectors.EVENT_READ)
    selector.register(grader, selectors.EVENT_READ)
    kernels = {}  # pid -> (its launcher's connection, a pidfd: readable once the kernel ends)
    idle_since = time.monotonic()
    while kernels or time.monotonic() - idle_since < WARM_IDLE_SECONDS:
        for key, _ in selector.select(timeout=0.2):
            if key.fileobj is grader:  # the grader ended: so do its kernels
                for pid in kernels:
                    _kill(pid)
                return 0
            if key.fileobj is listener:
                connection, _ = listener.accept()
                credentials = connection.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED,
                                                    struct.calcsize("3i"))
                if struct.unpack("3i", credentials)[1] != os.getuid():
                    connection.close()
                    continue
                close = [selector, listener, grader, connection,
                         *(end for both in kernels.values() for end in both)]
                pid = _warm_fork(connection, close)
                if pid is None:
                    connection.close()
                    continue
                # the kernel's end wakes this loop at once, so its launcher exits without delay
                ended = os.pidfd_open(pid)
                kernels[pid] = (connection, ended)
                selector.register(connection, selectors.EVENT_READ, data=pid)
                selector.register(ended, selectors.EVENT_READ, data=None)
                try:
                    connection.sendall(f"pid {pid}\n".encode())
                except OSError:  # its launcher is gone already
                    _kill(pid)
            elif key.data is not None:  # the launcher ended (or was killed): so does its kernel
                _kill(key.data)
                selector.unregister(key.fileobj)
        while kernels:
            pid, status = os.waitpid(-1, os.WNOHANG)
            if not pid:
                break
            if pid not in kernels:
                continue
            connection, ended = kernels.pop(pid)
            selector.unregister(ended)
            os.close(ended)
            try:
                connection.sendall(f"exit {_exit_code(status)}\n".encode())
            except OSError:
                pass
            if connection in selector.get_map():
                selector.unregister(connection)
            connection.close()
            idle_since = time.monotonic()
    return 0


def _exit_code(status):
    """A process's exit status (from os.waitpid) as the exit code of the process that waited."""
    return os.waitstatus_to_exitcode(status) % 256


def _kill(pid, number=9):  # SIGKILL
    try:
        os.kill(pid, number)
    except ProcessLookupError:
        pass


def _relay_signals(pid):
    """Pass the signals a grader sends (interrupt, terminate) on to the process ``pid``."""
    import signal

    for name in WARM_SIGNALS:
        signal.signal(getattr(signal, name), lambda number, _frame: _kill(pid, number))


def _warm_fork(connection, close):
    """Read one request and fork its kernel; the kernel's pid, or None for a bad request."""
    import socket

    header, fds, _, _ = socket.recv_fds(connection, 8, 3)
    if len(header) != 8 or len(fds) != 3:
        for fd in fds:
            os.close(fd)
        return None
    size = int.from_bytes(header, "big")
    body = b""
    while len(body) < size:
        chunk = connection.recv(size - len(body))
        if not chunk:
            break
        body += chunk
    try:
        request = json.loads(body)
    except ValueError:
        request = None
    pid = os.fork() if request else None
    if pid == 0:
        try:
            _die_with_parent()  # with the warm process (its kernel, in turn, dies with this)
            for resource in close:
                resource.close() if hasattr(resource, "close") else os.close(resource)
            for target, fd in enumerate(fds):
                os.dup2(fd, target)
            for fd in fds:
                if fd > 2:
                    os.close(fd)
            _warm_kernel(request["command"], request["cwd"], request["env"])
        except BaseException:  # noqa: BLE001 (this is a fork: it must never return)
            import traceback

            traceback.print_exc()
        finally:
            os._exit(1)
    for fd in fds:
        os.close(fd)
    return pid


def _unshare_as_root():
    """What `unshare --user --map-root-user --net --mount --pid` does, in this process."""
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    clone_newns, clone_newuser, clone_newpid, clone_newnet = (
        0x00020000, 0x10000000, 0x20000000, 0x40000000)
    uid, gid = os.getuid(), os.getgid()
    if libc.unshare(clone_newuser | clone_newns | clone_newpid | clone_newnet) != 0:
        raise OSError(ctypes.get_errno(), "unshare: " + os.strerror(ctypes.get_errno()))
    Path("/proc/self/setgroups").write_text("deny")
    Path("/proc/self/uid_map").write_text(f"0 {uid} 1")
    Path("/proc/self/gid_map").write_text(f"0 {gid} 1")


def _drop_capabilities():
    """What `setpriv --inh-caps=-all --bounding-set=-all --no-new-privs` and the exec after it
    do: no capability left in any set, none to be regained."""
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    pr_capbset_drop, pr_set_no_new_privs, pr_cap_ambient, clear_all = 24, 38, 47, 4
    last = int(Path("/proc/sys/kernel/cap_last_cap").read_text())
    checks = [libc.prctl(pr_capbset_drop, cap, 0, 0, 0) for cap in range(last + 1)]
    checks.append(libc.prctl(pr_cap_ambient, clear_all, 0, 0, 0))
    checks.append(libc.prctl(pr_set_no_new_privs, 1, 0, 0, 0))
    header = (ctypes.c_uint32 * 2)(0x20080522, 0)  # _LINUX_CAPABILITY_VERSION_3, this process
    data = (ctypes.c_uint32 * 6)()  # effective, permitted, inheritable: twice 32 bits, all 0
    checks.append(libc.capset(header, data))
    if any(checks):
        raise OSError(ctypes.get_errno(), "dropping capabilities failed")


def _warm_kernel(command, cwd, env):
    """In the fork: enter a new sandbox as a cold start would, then run ``command``."""

    os.chdir(cwd)
    os.environ.clear()
    os.environ.update(env)
    _unshare_as_root()
    kernel = os.fork()  # the first process of the new process namespace, as `unshare --fork`
    if kernel:
        _relay_signals(kernel)
        os._exit(_exit_code(os.waitpid(kernel, 0)[1]))
    _die_with_parent()
    # (the first process started after unshare is the new namespace's first: hence no `mount`
    # command before this fork)
    _mount("--make-rprivate", "/")
    _mount("-t", "proc", "-o", "nosuid,noexec,nodev", "proc", "/proc")
    _enclose(command)
    _drop_capabilities()
    _run_as_main(command)


def _run_as_main(command):
    """Run ``python -m module args`` or ``python -c code args`` in this process; exit."""
    import atexit
    import random
    import runpy
    import types

    import numpy

    random.seed()
    numpy.random.seed()
    code = 0
    try:
        if command[1] == "-m":
            sys.argv = ["-m", *command[3:]]
            sys.path.insert(0, os.getcwd())
            runpy.run_module(command[2], run_name="__main__", alter_sys=True)
        else:
            sys.argv = ["-c", *command[3:]]
            sys.path.insert(0, "")
            main = types.ModuleType("__main__")
            sys.modules["__main__"] = main
            exec(compile(command[2], "<string>", "exec"), main.__dict__)  # noqa: S102
    except SystemExit as end:  # as the interpreter treats sys.exit(x)
        if end.code is None or isinstance(end.code, int):
            code = end.code or 0
        else:
            print(end.code, file=sys.stderr)
            code = 1
    except BaseException:  # noqa: BLE001 (as the interpreter would: print it, exit 1)
        import traceback

        traceback.print_exc()
        code = 1
    finally:
        atexit._run_exitfuncs()
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except (OSError, ValueError):
                pass
        os._exit(code)


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
    if argv[:1] == ["--warm"] and len(argv) == 3:
        return _warm_server(argv[1], int(argv[2]))
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
