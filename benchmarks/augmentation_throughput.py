"""How fast can augmentation go? Images per second for the ways lesson 04 compares.

Run on purpose (not part of the tests):
    .venv/bin/python benchmarks/augmentation_throughput.py          # full run, a few minutes
    AUGCOURSE_FAST=1 .venv/bin/python benchmarks/augmentation_throughput.py   # seconds

Every method applies the same kind of augmentation (a random horizontal flip, a small rotation,
a brightness change and a zoom-in crop) to the same images, at a small and a large image size:

  serial_map          dataset.map(one image at a time), no parallelism, no prefetch
  parallel_map        the same map with num_parallel_calls=AUTOTUNE, then batch and prefetch:
                      the pipeline the course recommends as the safe default (it must reach at
                      least 1.7x serial_map on 2 cores at both sizes; the script says if it does)
  batch_then_layers   batch first, then map Keras layers over whole batches (they draw per image),
                      in parallel, with prefetch: fastest for small images, not for large ones
  layers_in_model     the same Keras layers run on each batch inside a compiled function, as they
                      would as the first layers of a model (on the GPU when there is one)
  copy_floor          copying the same bytes with NumPy: no augmentation can beat this
  slicing_flip        a horizontal flip of the whole array by NumPy slicing (one cheap op)

It prints a table (images per second; ratio to parallel_map and to copy_floor) and writes the
figures to results/augmentation_throughput.json, which lesson 04 plots.
"""

import json
import os
import platform
import sys
import time
from pathlib import Path

import numpy as np

import augcourse  # noqa: F401  (quiet TensorFlow's start-up log)
import keras
import tensorflow as tf
from augcourse.config import FAST, pick
from augcourse.grading.environment import results_dir
from augcourse.pipelines import images_per_second

REPO = Path(__file__).resolve().parents[1]
BATCH = 64
SIZES = {"small": 32, "large": pick(160, 96)}
COUNTS = {"small": pick(8192, 512), "large": pick(1536, 128)}


def keras_augmenter():
    """Keras layers that draw per image: the batch-level version of `augment_one`."""
    return keras.Sequential([
        keras.layers.RandomFlip("horizontal"),
        keras.layers.RandomRotation(0.03),
        keras.layers.RandomBrightness(0.1, value_range=(0.0, 1.0)),
        keras.layers.RandomZoom((-0.15, 0.0)),
    ], name="augment")


def make_augment_one(size):
    """The per-image version: tf.image ops, drawn once per call, so once per image."""
    rotate = keras.layers.RandomRotation(0.03)  # built once, outside the map function
    crop = int(round(size * 0.87))

    def augment_one(image):
        image = tf.image.random_flip_left_right(image)
        image = rotate(image, training=True)
        image = tf.image.random_brightness(image, 0.1)
        image = tf.image.random_crop(image, (crop, crop, 3))
        image = tf.image.resize(image, (size, size))
        return tf.clip_by_value(image, 0.0, 1.0)

    return augment_one


def numpy_rate(function, images, repeats=5):
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        function(images)
        best = min(best, time.perf_counter() - start)
    return len(images) / best


def measure(size, count):
    rng = np.random.default_rng(0)
    images = rng.random((count, size, size, 3), dtype=np.float32)
    source = tf.data.Dataset.from_tensor_slices(images)
    augment_one = make_augment_one(size)
    layers = keras_augmenter()
    autotune = tf.data.AUTOTUNE

    def apply_layers(batch):
        return layers(batch, training=True)

    in_model = tf.function(apply_layers)
    pipelines = {
        "serial_map": (source.map(augment_one).batch(BATCH), None),
        "parallel_map": (source.map(augment_one, num_parallel_calls=autotune)
                         .batch(BATCH).prefetch(autotune), None),
        "batch_then_layers": (source.batch(BATCH).map(apply_layers, num_parallel_calls=autotune)
                              .prefetch(autotune), None),
        "layers_in_model": (source.batch(BATCH).prefetch(autotune), in_model),
    }
    rates = {}
    for name, (dataset, step) in pipelines.items():
        rates[name] = images_per_second(dataset, step=step)
        yield name, rates[name]
    yield "copy_floor", numpy_rate(np.copy, images)
    yield "slicing_flip", numpy_rate(lambda x: x[:, :, ::-1].copy(), images)


def main():
    gpus = tf.config.list_physical_devices("GPU")
    device = f"GPU: {gpus[0].name}" if gpus else "CPU only"
    header = (f"augmentation throughput on {platform.node()} ({os.cpu_count()} cores, {device}), "
              f"TensorFlow {tf.__version__}, Keras {keras.__version__}, batch {BATCH}"
              + (", FAST mode" if FAST else ""))
    print(header)
    methods = ["serial_map", "parallel_map", "batch_then_layers", "layers_in_model",
               "copy_floor", "slicing_flip"]
    progress = keras.utils.Progbar(len(methods) * len(SIZES), unit_name="measurement")
    results = {}
    for label, size in SIZES.items():
        results[label] = {"size": size, "count": COUNTS[label], "images_per_second": {}}
        for name, rate in measure(size, COUNTS[label]):
            results[label]["images_per_second"][name] = rate
            progress.add(1)
    lines = [header]
    for label, result in results.items():
        rates = result["images_per_second"]
        lines.append(f"\n{label} images: {result['size']}x{result['size']}x3, "
                     f"{result['count']} images")
        lines.append(f"  {'method':20s} {'images/s':>12s} {'x parallel_map':>15s} "
                     f"{'x serial_map':>13s} {'of copy floor':>14s}")
        for name in methods:
            rate = rates[name]
            lines.append(f"  {name:20s} {rate:12,.0f} {rate / rates['parallel_map']:15.2f} "
                         f"{rate / rates['serial_map']:13.2f} {rate / rates['copy_floor']:14.2%}")
    lines.append("")
    for label, result in results.items():
        rates = result["images_per_second"]
        speedup = rates["parallel_map"] / rates["serial_map"]
        verdict = "meets" if speedup >= 1.7 else "MISSES"
        lines.append(f"recommended pipeline (parallel_map) on {label} images: {speedup:.2f}x "
                     f"serial_map, {verdict} the 1.7x target")
    report = "\n".join(lines)
    print(report)
    out = results_dir(REPO)
    (out / "augmentation_throughput.txt").write_text(report + "\n")
    (out / "augmentation_throughput.json").write_text(json.dumps(
        {"header": header, "results": results}, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
