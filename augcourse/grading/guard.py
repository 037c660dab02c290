"""Undo tampering before every cell of a graded notebook.

The grading kernel (augcourse/grading/sandbox.py's kernel spec) calls :func:`install` when it
starts, before any cell runs. From then on, before each cell, the guard puts back

- every public function or class of NumPy (``numpy``, ``numpy.testing``, ``numpy.random``),
  ``math``, ``builtins`` and the course's own ``augcourse`` modules that an earlier cell
  replaced (``np.array_equal = lambda *a: True`` earns nothing: the test cell gets the
  real one);
- a module name that an earlier cell bound to something else (``np = Fake()``);
- a builtin that an earlier cell shadowed with a function (``def isinstance(*a): ...``).

Each repair prints one line into the notebook (``augcourse guard: ...``), which the instructor
sees in the autograded notebook; ``python -m augcourse.grading.audit`` names the same tricks.

It also **locks** those modules: assigning or deleting one of their genuine names raises an
AttributeError, so a student's function that patches NumPy while a test calls it fails that
test instead of fooling it. The lock stops ``np.x = y``, ``setattr`` and ``del``; a change
that gets past it (into a module's ``__dict__``, or through ``object.__setattr__``) is found
when the cell ends: that cell fails with a TamperError, whether a test or the student's own,
and the originals are put back. The audit names all of these. Objects built to fool a
comparison (``__eq__`` always true) earn nothing because the tests turn a student's values
into NumPy arrays of a checked type first.
"""

import builtins
import sys
import types

WATCHED_MODULES = ("numpy", "numpy.testing", "numpy.random", "math", "builtins")
# builtins that the kernel itself replaces for every cell it runs (ipykernel's own input)
KERNEL_OWNED = {"input", "getpass", "help", "display", "get_ipython", "exit", "quit",
                "breakpoint", "copyright", "credits", "license"}
WATCHED_PACKAGES = ("augcourse",)


def _watched(name):
    return name in WATCHED_MODULES or name.split(".")[0] in WATCHED_PACKAGES


def _public_objects(module):
    """``{name: object}`` of a module's public functions, classes and submodules."""
    kinds = (types.FunctionType, types.BuiltinFunctionType, type, types.ModuleType)
    numpy_callables = ("ufunc", "_ArrayFunctionDispatcher")  # np.add, np.allclose in NumPy 2
    return {name: value for name, value in vars(module).items()
            if not name.startswith("_")
            and (isinstance(value, kinds) or type(value).__name__ in numpy_callables)}


class _LockedModule(types.ModuleType):
    """A module whose genuine public objects cannot be replaced or deleted by assignment."""

    genuine = {}  # module name -> {attribute: genuine object}, filled by Guard

    def _refuse(self, name, value):
        original = _LockedModule.genuine.get(vars(self).get("__name__"), {}).get(name, value)
        if name == "__class__" or original is not value:
            raise AttributeError(f"augcourse guard: {vars(self).get('__name__')}.{name} cannot "
                                 "be changed while the notebook is graded")

    def __setattr__(self, name, value):
        self._refuse(name, value)
        super().__setattr__(name, value)

    def __delattr__(self, name):
        self._refuse(name, None)
        super().__delattr__(name)


class TamperError(Exception):
    """A cell changed a protected module; its results cannot be trusted."""


class Guard:
    """The state of one kernel's guard: the genuine objects, and what it repaired."""

    def __init__(self, namespace, shell=None):
        self.shell = shell
        self.namespace = namespace  # the notebook's globals
        self.genuine = {}  # module name -> {attribute: object}
        self.genuine_ids = set()  # ids of those objects
        self.bound = {}  # notebook name -> the module or genuine object first bound to it
        self.startup = dict(namespace)  # what the kernel itself put there (exit, quit, In...)
        self.repairs = []

    def _snapshot_new_modules(self):
        for name, module in list(sys.modules.items()):
            if name not in self.genuine and module is not None and _watched(name):
                self.genuine[name] = _public_objects(module)
                self.genuine_ids.update(id(value) for value in self.genuine[name].values())
                if type(module) is types.ModuleType:  # a module with its own class stays as is
                    owned = KERNEL_OWNED if name == "builtins" else set()
                    _LockedModule.genuine[name] = {k: v for k, v in self.genuine[name].items()
                                                   if k not in owned}
                    module.__class__ = _LockedModule

    def _repair_modules(self):
        for name, objects in self.genuine.items():
            module = sys.modules.get(name)
            if module is None:
                continue
            for attribute, original in objects.items():
                if name == "builtins" and attribute in KERNEL_OWNED:
                    continue
                if vars(module).get(attribute, original) is not original:
                    setattr(module, attribute, original)
                    yield f"{name}.{attribute} was replaced"

    def _repair_names(self):
        for name, original in self.bound.items():
            if self.namespace.get(name, original) is not original or name not in self.namespace:
                self.namespace[name] = original
                yield f"the name {name} was rebound"
        for name, value in list(self.namespace.items()):
            if name in self.bound:
                continue
            if isinstance(value, types.ModuleType) or id(value) in self.genuine_ids:
                self.bound[name] = value  # np, or accuracy from augcourse.models
            elif (not name.startswith("_") and hasattr(builtins, name) and callable(value)
                  and value is not getattr(builtins, name)
                  and self.startup.get(name) is not value):
                del self.namespace[name]
                yield f"the builtin {name} was shadowed"

    def check(self):
        """Repair what earlier cells changed; return the repairs made now, in words."""
        repaired = list(self._repair_modules())
        # modules first imported by the cell before (the setup cell, for the tests' modules)
        self._snapshot_new_modules()
        repaired += list(self._repair_names())
        self.repairs.extend(repaired)
        return repaired

    def before_cell(self, *_):
        for what in self.check():
            print(f"augcourse guard: {what} by an earlier cell; the original is back")

    def after_cell(self, result):
        """A cell during which a protected module changed (past the lock, through its
        ``__dict__``) fails with a TamperError: a test that ran against a fake NumPy proves
        nothing. The originals are put back at once."""
        replaced = list(self._repair_modules())
        if not replaced or self.shell is None:
            return
        self.repairs.extend(replaced)
        try:
            raise TamperError("augcourse guard: " + "; ".join(replaced) + " while this cell "
                              "ran, so its results cannot be trusted; the originals are back")
        except TamperError as error:
            result.error_in_exec = error
            self.shell.showtraceback()


def end_on_sigterm():
    """In the sandbox the kernel is the first process of its PID namespace, and such a process
    ignores every signal it has no handler for, so SIGTERM sent to the kernel's process group
    would leave it running. Give SIGTERM its usual meaning there."""
    import os
    import signal

    if os.getpid() == 1:
        signal.signal(signal.SIGTERM, lambda signum, frame: os._exit(128 + signum))


def install(shell=None):
    """Watch the running IPython shell: repair before every cell. Returns the guard."""
    end_on_sigterm()
    if shell is None:
        from IPython import get_ipython

        shell = get_ipython()
    if shell is None:
        raise RuntimeError("augcourse.grading.guard.install() needs a running IPython kernel")
    # Import the watched modules now, before any student cell: a module first imported (and
    # patched) by a student cell would otherwise be recorded as patched.
    import importlib

    import augcourse

    for name in WATCHED_MODULES + tuple(f"augcourse.{m}" for m in augcourse.STUDENT_MODULES):
        importlib.import_module(name)
    guard = Guard(shell.user_ns, shell)
    guard.check()
    shell.events.register("pre_run_cell", guard.before_cell)
    shell.events.register("post_run_cell", guard.after_cell)
    return guard


__all__ = ["Guard", "TamperError", "end_on_sigterm", "install"]
