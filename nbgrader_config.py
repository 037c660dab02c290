"""nbgrader configuration for the course (read by every `nbgrader` command run in this folder).

Folders: source/ holds the instructor notebooks, exercises/ the generated student version (the
release folder), solutions/ the generated solution version. `bash course.sh generate` rebuilds
both from source/.
"""

import os

c = get_config()  # noqa: F821 (provided by traitlets when it loads this file)
course_root = os.path.dirname(os.path.abspath(__file__))

c.CourseDirectory.root = course_root
c.CourseDirectory.course_id = "augmentation"
c.CourseDirectory.source_directory = "source"
c.CourseDirectory.release_directory = "exercises"
c.CourseDirectory.solution_directory = "solutions"
# SQLite next to this file by default; a class on JupyterHub can point this at PostgreSQL.
c.CourseDirectory.db_url = os.environ.get(
    "AUGCOURSE_DB_URL", "sqlite:///" + os.path.join(course_root, "gradebook.db"))

# The exchange lives inside the course folder so that release/submit/collect work without root.
exchange_root = os.environ.get("AUGCOURSE_EXCHANGE", os.path.join(course_root, ".exchange"))
os.makedirs(exchange_root, exist_ok=True)
c.Exchange.root = exchange_root

# Per-cell time limit. The slowest graded cell (importing TensorFlow) takes about 10 s on a
# 2-core laptop; 120 s leaves room for a busy machine and still stops an infinite loop.
c.Execute.timeout = 120
c.Execute.interrupt_on_timeout = True

# Anything on stderr zeroes a test cell in nbgrader, and TensorFlow writes C++ log lines and
# Python warnings there that have nothing to do with the answer. Three layers keep them out:
# 1. environment of the grading kernel: TensorFlow's C++ logs off, Python warnings ignored;
os.environ["TF_CPP_MIN_LOG_LEVEL"] = "3"
os.environ["PYTHONWARNINGS"] = "ignore"
# 2. writes to the process's file descriptor 2 (absl, CUDA probes) stay out of the notebook;
c.Execute.extra_arguments = ["--IPKernelApp.capture_fd_output=False"]
# 3. at autograde, any stderr stream left is dropped before scoring. Our tests signal failure by
#    raising (an "error" output, which still scores 0), never by writing to stderr.
c.IgnorePattern.enabled = True
c.IgnorePattern.pattern = r"[\s\S]"

# Student code runs in the kernel "augcourse-sandbox" (augcourse/grading/sandbox.py): no network,
# the course folder covered except the student's own folder, no capabilities, memory and CPU-time
# caps. It talks to nbgrader through Unix sockets (ZeroMQ's ipc transport), since TCP on
# loopback cannot cross into its empty network namespace; one socket folder per nbgrader
# process, so parallel graders never share one. Where the machine cannot sandbox, the kernel
# starts anyway and prints a loud UNSANDBOXED banner in the grader's output.
import atexit  # noqa: E402
import shutil  # noqa: E402
import tempfile  # noqa: E402

from augcourse.grading import sandbox  # noqa: E402

os.environ["AUGCOURSE_COURSE_ROOT"] = course_root
sandbox.install()  # writes the kernel spec only when it is missing or out of date
c.Execute.kernel_name = sandbox.KERNEL_NAME
c.KernelManager.transport = "ipc"
_sockets = tempfile.mkdtemp(prefix="augcourse-ipc-")
atexit.register(shutil.rmtree, _sockets, ignore_errors=True)
c.KernelManager.ip = os.path.join(_sockets, "kernel")
# `nbgrader autograde` starts one kernel per notebook: after the first, each is a fork of a warm
# process that has TensorFlow imported (same sandbox; AUGCOURSE_WARM_KERNELS=off to start cold).
import sys  # noqa: E402

if sys.argv[1:2] == ["autograde"]:
    os.environ.setdefault("AUGCOURSE_WARM_KERNELS", "on")

# Hand-ins downloaded from an LMS (`nbgrader zip_collect`): files named
# <assignment>_<student id>_attempt_<date-time>_<notebook>.ipynb, as Blackboard names them, in
# downloaded/<assignment>/archive/ (zip files are unpacked). For another LMS, change the pattern;
# it needs the groups student_id and file_id (the notebook's name without .ipynb).
c.FileNameCollectorPlugin.named_regexp = (
    r".+_(?P<student_id>\w+)_attempt_(?P<timestamp>[0-9\-]+)_(?P<file_id>\w+)")

# A test cell that a student deleted is put back and graded, instead of waiting for a human.
c.OverwriteCells.add_missing_cells = True

# Solutions are committed without outputs, like every notebook here: generate them without
# running them (the tests run every solution through autograde instead).
from nbgrader.preprocessors import ClearMarkScheme, ClearOutput, IncludeHeaderFooter, LockCells  # noqa: E402

c.GenerateSolution.preprocessors = [IncludeHeaderFooter, LockCells, ClearOutput, ClearMarkScheme]

# Files a student produces (trained models, histories) must never be replaced by same-named
# files from source/ at autograde.
c.Autograde.exclude_overwriting = {}

# Feedback for students shows each test cell's points and failure message, never the hidden
# tests: augcourse/grading/feedback.py removes their code, tracebacks and printed output.
# The instructor's full view: nbgrader generate_feedback PS --HideHiddenTests.enabled=False
from nbconvert.preprocessors import CSSHTMLHeaderPreprocessor  # noqa: E402
from nbgrader.preprocessors import GetGrades  # noqa: E402

from augcourse.grading.feedback import HideHiddenTests  # noqa: E402

c.GenerateFeedback.preprocessors = [GetGrades, HideHiddenTests, CSSHTMLHeaderPreprocessor]
