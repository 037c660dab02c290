"""The benchmark scripts run (in fast mode) and write their figures. Their speed is not
asserted here: speed is measured by running them on purpose."""

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
    methods = {"serial_map", "parallel_map", "batch_then_layers", "layers_in_model",
               "copy_floor", "slicing_flip"}
    for size in ("small", "large"):
        rates = figures["results"][size]["images_per_second"]
        assert set(rates) == methods and all(rate > 0 for rate in rates.values())
    assert "x serial_map" in proc.stdout and "of copy floor" in proc.stdout


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
