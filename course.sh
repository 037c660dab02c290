#!/usr/bin/env bash
# One entry point for the course.
#   bash course.sh start      set up (first time: a few minutes) and open the course in JupyterLab,
#                             on its start page (START.ipynb)
#   bash course.sh test [all] set up and run the course's tests, or with "all" every tier (CI);
#                             pytest options after it
#   bash course.sh generate   rebuild exercises/ and solutions/ from source/ with nbgrader
#   bash course.sh fmt        clean notebooks as they are committed: cell ids, no outputs
#   bash course.sh setup      only set up: a virtual environment in .venv with requirements.txt
#   bash course.sh site [DIR] build the course as a static website, offline, in DIR/html
#                             (default site/_build; config in site/; lessons run in fast mode)
set -euo pipefail
cd "$(dirname "$0")"
# AUGCOURSE_VENV names an existing environment to use as it is (the tests use this): course.sh
# then installs nothing into it.
VENV="${AUGCOURSE_VENV:-$PWD/.venv}"
STAMP="$VENV/.augcourse-installed"
# nbgrader runs helper programs (alembic) by name: the environment's bin/ must come first.
export PATH="$VENV/bin:$PATH"

setup() {
  [ -z "${AUGCOURSE_VENV:-}" ] || return 0
  local python="${PYTHON:-python3}"
  if [ ! -x "$VENV/bin/python" ]; then
    command -v "$python" >/dev/null || { echo "course.sh: $python not found; install Python 3.10-3.12" >&2; exit 1; }
    "$python" - <<'PY' || exit 1
import sys
if not ((3, 10) <= sys.version_info[:2] <= (3, 12)):
    sys.exit(f"course.sh: Python {sys.version.split()[0]} found; TensorFlow 2.21 needs 3.10-3.12 "
             "(set PYTHON=python3.12, for example)")
PY
    echo "course.sh: creating $VENV with $("$python" --version)"
    "$python" -m venv "$VENV"
  fi
  # Install again only when requirements.txt changed.
  local want
  want=$(sha256sum <requirements.txt | cut -d" " -f1)
  if [ "$(cat "$STAMP" 2>/dev/null)" != "$want" ]; then
    echo "course.sh: installing requirements.txt into $VENV (about 2 minutes the first time)"
    "$VENV/bin/python" -m pip install --quiet --upgrade pip
    # pip compiles every installed module to bytecode one file at a time (half the time of
    # the install); compileall does the same on every core
    "$VENV/bin/python" -m pip install --quiet --no-compile -r requirements.txt
    "$VENV/bin/python" -m compileall -q -j 0 "$("$VENV/bin/python" -c 'import sysconfig; print(sysconfig.get_path("purelib"))')" >/dev/null
    echo "$want" >"$STAMP"
  fi
  # Make the course's helper package importable from every notebook folder: a .pth file
  # pointing at this checkout (what an editable install does, without a build step).
  "$VENV/bin/python" -c 'import site, sys; open(site.getsitepackages()[0] + "/augcourse-course.pth", "w").write(sys.argv[1] + "\n")' "$PWD"
  # TensorFlow's C++ start-up lines (CUDA probe, absl) are written straight to file
  # descriptor 2; keep them in the terminal instead of every notebook's first cell.
  # The kernel that runs students' code at autograde (augcourse/grading/sandbox.py).
  "$VENV/bin/python" -m augcourse.grading.sandbox --install >/dev/null
  mkdir -p "$VENV/etc/ipython"
  printf '%s\n' "c.IPKernelApp.capture_fd_output = False" >"$VENV/etc/ipython/ipython_kernel_config.py"
}

benchmark_extras() {
  # albumentations for the throughput benchmark (benchmarks/requirements.txt), when it changed
  [ -z "${AUGCOURSE_VENV:-}" ] || return 0
  local want stamp="$VENV/.augcourse-benchmarks"
  want=$(sha256sum <benchmarks/requirements.txt | cut -d" " -f1)
  if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    echo "course.sh: installing benchmarks/requirements.txt (albumentations, for the benchmark)"
    "$VENV/bin/python" -m pip install --quiet -r benchmarks/requirements.txt -c requirements.txt
    echo "$want" >"$stamp"
  fi
}

generate() {
  # A throw-away gradebook, so that regenerating never touches the class's gradebook.db.
  # "*": every problem set of source/ in one nbgrader process; generate_solution finds the
  # problem sets in the gradebook that generate_assignment fills.
  local db
  db=$(mktemp -d)
  nbgrader generate_assignment "*" --force --log-level=WARN --CourseDirectory.db_url="sqlite:///$db/generate.db"
  nbgrader generate_solution "*" --force --log-level=WARN --CourseDirectory.db_url="sqlite:///$db/generate.db"
  rm -rf "$db"
}

site() {
  # Sphinx with MyST-NB (site/conf.py, site/_toc.yml) reads START.ipynb, lessons/ and exercises/
  # from the repository root; it caches the lessons' execution in DIR/.jupyter_cache, so a
  # second build runs only what changed. -W: a warning (a broken link, say) fails the build.
  local out="${1:-site/_build}"
  "$VENV/bin/python" -m sphinx -b html -q -W -c site . "$out/html"
  echo "course.sh: the course's website is in $out/html (open $out/html/index.html)"
}

cmd="${1:-}"
[ $# -gt 0 ] && shift
case "$cmd" in
  setup) setup ;;
  start)
    setup
    as_root=()
    [ "$(id -u)" -ne 0 ] || as_root=(--allow-root)  # containers often run as root
    exec "$VENV/bin/jupyter" lab --ip=127.0.0.1 --ServerApp.root_dir="$PWD" \
      --LabApp.default_url=/lab/tree/START.ipynb "${as_root[@]}" "$@" ;;
  test)
    setup
    # the tiers in pyproject's testpaths, or every tier with "all" (what CI runs);
    # in parallel, one worker per core (-n 0: in this process)
    if [ "${1:-}" = all ]; then shift; set -- tests "$@"; benchmark_extras; fi
    # --no-loadscope-reorder: the groups start in tests/conftest.py's order, longest first.
    # One TensorFlow thread per operation in every process the tests start (kernels included):
    # the workers already keep the cores busy, and TensorFlow's threads would compete with them
    # (training ps08's two models took less CPU with one thread, and no longer)
    export TF_NUM_INTRAOP_THREADS="${TF_NUM_INTRAOP_THREADS:-1}"
    exec "$VENV/bin/python" -m pytest -n auto --dist loadgroup --no-loadscope-reorder "$@" ;;
  generate)
    setup
    generate ;;
  fmt)
    setup
    "$VENV/bin/python" tools/fmt_notebooks.py "$@" ;;
  site)
    setup
    site "$@" ;;
  *)
    echo "usage: bash course.sh start | test [all] [pytest options] | generate | fmt | site [DIR] | setup" >&2
    exit 2 ;;
esac
