#!/usr/bin/env bash
# Grade one problem set on several machines with a Slurm job array: each array task grades its
# share of the class (python -m augcourse.grading.classgrade --shard K/N) against the one gradebook.
#
#   sbatch --array=0-3 deploy/classgrade-slurm.sh ps06_mixing     # 4 machines, shards 1/4 .. 4/4
#
# Every node needs: this course folder at the same path (a shared file system, so that every
# node sees submitted/ and writes autograded/, logs/ and feedback/ in one place), its .venv
# (`bash course.sh setup` once), and AUGCOURSE_DB_URL naming the class's PostgreSQL gradebook
# (SQLite is a file on one machine and cannot be shared safely). Extra arguments go to the class
# grader (--dry-run lists each task's students without grading).
#SBATCH --job-name=classgrade
#SBATCH --cpus-per-task=8
#SBATCH --output=logs/classgrade-%A_%a.out
set -euo pipefail
: "${SLURM_ARRAY_TASK_ID:?run this with sbatch --array=0-(N-1)}"
: "${SLURM_ARRAY_TASK_COUNT:?run this with sbatch --array=0-(N-1)}"
: "${AUGCOURSE_DB_URL:?set AUGCOURSE_DB_URL to the PostgreSQL gradebook of the class}"
assignment="${1:?usage: sbatch --array=0-3 deploy/classgrade-slurm.sh ASSIGNMENT [options]}"
shift
cd "${SLURM_SUBMIT_DIR:-$(dirname "$0")/..}"
exec .venv/bin/python -m augcourse.grading.classgrade "$assignment" \
  --shard "$((SLURM_ARRAY_TASK_ID + 1))/$SLURM_ARRAY_TASK_COUNT" \
  --workers "${SLURM_CPUS_PER_TASK:-2}" --no-progress "$@"
