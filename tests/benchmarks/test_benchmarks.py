"""The benchmark scripts run (in fast mode) and write their figures. Their speed is not
asserted here: speed is measured by running them on purpose."""

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_throughput_benchmark_runs_and_writes_every_figure(tmp_path):
    env = dict(os.environ, AUGCOURSE_FAST="1", AUGCOURSE_RESULTS=str(tmp_path))
    proc = subprocess.run([sys.executable, str(REPO / "benchmarks" / "augmentation_throughput.py")],
                          env=env, text=True, capture_output=True, timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    figures = json.loads((tmp_path / "augmentation_throughput.json").read_text())
    methods = {"tf_image_serial", "tf_image_parallel", "keras_batch", "keras_batch_parallel",
               "keras_in_model", "recipe", "recipe_unordered", "recipe_private_pool",
               "projective_no_xla", "copy_floor"}
    # bash course.sh test all installs benchmarks/requirements.txt: then albumentations is measured
    if importlib.util.find_spec("albumentations"):
        methods |= {"albumentations", "albumentations_tf"}
    else:
        assert "albumentations is not installed" in proc.stdout
    assert set(figures["results"]) == {"32 px uint8", "32 px float32", "64 px uint8",
                                       "64 px float32"}
    for result in figures["results"].values():
        rates = result["images_per_second"]
        assert set(rates) == methods and all(rate > 0 for rate in rates.values())
        # the course's recipe against the serial per-image map, on this machine, now
        assert rates["recipe"] >= 2 * rates["tf_image_serial"], rates
    assert "x tf_image_serial" in proc.stdout and "copy floor:" in proc.stdout
    assert "GB/s" in proc.stdout and "the 2x target" in proc.stdout


def test_committed_throughput_figures_cover_both_sizes_dtypes_and_albumentations():
    """Lesson 4 plots benchmarks/measured/augmentation_throughput.json, a full run's copy."""
    figures = json.loads((REPO / "benchmarks" / "measured" / "augmentation_throughput.json")
                         .read_text())
    assert "FAST" not in figures["header"]
    assert set(figures["results"]) == {"32 px uint8", "32 px float32", "224 px uint8",
                                       "224 px float32"}
    for result in figures["results"].values():
        assert {"recipe", "tf_image_serial", "albumentations", "copy_floor"} <= set(
            result["images_per_second"])


def test_class_grading_benchmark_runs_and_writes_every_figure(tmp_path):
    env = dict(os.environ, AUGCOURSE_FAST="1", AUGCOURSE_RESULTS=str(tmp_path))
    proc = subprocess.run([sys.executable, str(REPO / "benchmarks" / "class_grading.py"),
                           "--workers", "1", "2"], env=env, text=True, capture_output=True,
                          timeout=900)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    figures = json.loads((tmp_path / "class_grading.json").read_text())
    assert [run["workers"] for run in figures["runs"]] == [None, 1, 2]  # None: one process
    for run in figures["runs"]:
        assert run["students_per_minute"] > 0 and not run["failed"]
        assert run["cpu_seconds"] > 0
        assert len(run["points"]) == figures["students"] == 6
    # the model answer and the correct variants get full marks, the kept mistakes lose points
    for run in figures["runs"]:
        for student, kept in run["handed_in"].items():
            full = run["points"][student] == "10/10"
            assert full == (not kept.startswith("wrong_")), (run["how"], student, kept,
                                                             run["points"][student])
    assert "x one process" in proc.stdout and "cores busy on average" in proc.stdout
    assert "all 3 runs gave every student the same points: yes" in proc.stdout
