"""How fast can augmentation go? Images per second for the pipelines lesson 4 compares.

Run on purpose (the tests run it only in fast mode, to see that it works):
    .venv/bin/python benchmarks/augmentation_throughput.py          # full run, a few minutes
    AUGCOURSE_FAST=1 .venv/bin/python benchmarks/augmentation_throughput.py   # seconds

albumentations, what users pick for augmentation on a CPU, is measured when it is installed:
    .venv/bin/python -m pip install -r benchmarks/requirements.txt

Every method makes the same kind of change to the same images: a left-right flip (chance 1/2), a
rotation by up to 11 degrees either way, a zoom-in crop of up to 15 % (black where a rotation
uncovers the border) and a brightness shift of up to 10 % of the range. Sizes 32 and 224 pixels,
RGB, as uint8 (0..255) and as float32 (0..1), in one run:

  tf_image_serial     dataset.map over single images with tf.image ops (flip, brightness, a random
                      crop of 87 % resized back) and a Keras RandomRotation; no parallelism
  tf_image_parallel   the same map with num_parallel_calls=AUTOTUNE, then batch and prefetch
  keras_batch         batch, then a plain map of Keras layers (RandomFlip, RandomRotation,
                      RandomZoom, RandomBrightness), prefetch; the layers draw per image
  keras_batch_parallel  the same with num_parallel_calls=AUTOTUNE: parallel calls can share a
                      layer's draws (lesson 4, section 7), shown for its speed only
  keras_in_model      the Keras layers run on each batch in a compiled function, as the first
                      layers of a model would (on the GPU when there is one)
  recipe              the course's recipe (lesson 4): batch, zip with per-batch seeds from
                      Dataset.random, a parallel map of augcourse.pipelines.make_batch_augmenter
                      (one composed transform per image, XLA-compiled), prefetch
  recipe_unordered    the recipe with deterministic=False (batches may come out of order)
  recipe_private_pool the recipe with a private thread pool of one thread per core
  projective_no_xla   the recipe's transform as tf.raw_ops.ImageProjectiveTransformV3 (what the
                      Keras layers call), without XLA: what the compilation buys
  albumentations      albumentations 2 (OpenCV) over single images in a Python loop, no tf.data
  albumentations_tf   albumentations inside a parallel tf.data map through tf.numpy_function
  copy_floor          np.copyto into an array allocated beforehand: no augmentation beats this

It prints a table (images per second, ratios) with the course's targets, and writes the figures
to results/augmentation_throughput.{txt,json}. A full run also writes the committed copy that
lesson 4 plots, benchmarks/measured/augmentation_throughput.json.
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
from augcourse.pipelines import _random_coefficients, images_per_second, make_batch_augmenter

try:
    import albumentations
    import cv2
except ImportError:  # measured only where benchmarks/requirements.txt is installed
    albumentations = None

REPO = Path(__file__).resolve().parents[1]
COMMITTED = REPO / "benchmarks" / "measured" / "augmentation_throughput.json"
BATCH = 64
SIZES = (32, pick(224, 64))
COUNTS = {32: pick(8192, 1024), SIZES[1]: pick(1536, 512)}  # enough batches that prefetch
# cannot hide the work
DTYPES = ("uint8", "float32")
DEGREES, CROP, BRIGHTNESS = 11.0, 0.87, 0.1  # a crop of 87 % shown full size: a zoom of 1.15
AUTOTUNE = tf.data.AUTOTUNE
TARGETS = ("recipe >= albumentations at 224 px on uint8; recipe >= 2x tf_image_serial at both "
           "sizes")


def keras_layers(top):
    return keras.Sequential([
        keras.layers.RandomFlip("horizontal"),
        keras.layers.RandomRotation(DEGREES / 360, fill_mode="constant"),
        keras.layers.RandomZoom((CROP - 1, 0.0), fill_mode="constant"),
        keras.layers.RandomBrightness(BRIGHTNESS, value_range=(0, top)),
    ])


def tf_image_one(size, top):
    rotate = keras.layers.RandomRotation(DEGREES / 360, fill_mode="constant")
    crop = int(round(size * CROP))

    def augment(image):
        dtype = image.dtype
        image = tf.cast(image, tf.float32)
        image = tf.image.random_flip_left_right(image)
        image = rotate(image, training=True)
        image = tf.image.random_brightness(image, BRIGHTNESS * top)
        image = tf.image.random_crop(image, (crop, crop, 3))
        image = tf.clip_by_value(tf.image.resize(image, (size, size)), 0.0, top)
        return tf.cast(image, dtype)

    return augment


def projective_no_xla(top):
    """The recipe's composed transform through the op the Keras layers use, not compiled."""
    def augment(images, seed):
        geometry_seed, brightness_seed = tf.unstack(
            tf.random.experimental.stateless_split(seed, 2))
        shape = tf.shape(images)
        coefficients = _random_coefficients(geometry_seed, shape[0], shape[1], shape[2],
                                            max_degrees=DEGREES, zoom=(1.0, 1.0 / CROP),
                                            max_shift=0.0, flip=True)
        out = tf.raw_ops.ImageProjectiveTransformV3(
            images=images, transforms=tf.pad(coefficients, [[0, 0], [0, 2]]),
            output_shape=shape[1:3], fill_value=0.0, interpolation="BILINEAR",
            fill_mode="CONSTANT")
        shift = tf.random.stateless_uniform([shape[0], 1, 1, 1], brightness_seed, -1.0, 1.0)
        out = tf.clip_by_value(tf.cast(out, tf.float32) + shift * BRIGHTNESS * top, 0.0, top)
        return tf.cast(out, images.dtype)

    return augment


def albumentations_one(top):
    return albumentations.Compose([
        albumentations.HorizontalFlip(p=0.5),
        albumentations.Affine(rotate=(-DEGREES, DEGREES), scale=(1.0, 1.0 / CROP), p=1.0,
                              border_mode=cv2.BORDER_CONSTANT, fill=0),
        albumentations.RandomBrightnessContrast(brightness_limit=BRIGHTNESS, contrast_limit=0.0,
                                                p=1.0),
    ], seed=0)


def seeded(batches, seed=0):
    """Batches zipped with a fresh (2,) seed each, new every epoch: the recipe's seeds."""
    seeds = tf.data.Dataset.random(seed=seed, rerandomize_each_iteration=True).batch(2)
    return tf.data.Dataset.zip((batches, seeds))


def best_of_two(measure):
    return max(measure(), measure())


def pipeline_rate(dataset, step=None):
    # at least this long per timing, going round the data: the fast pipelines finish a pass over
    # the fast mode's images in milliseconds
    return best_of_two(lambda: images_per_second(dataset, step=step,
                                                 min_seconds=pick(1.0, 0.2)))


def loop_rate(function, images):
    def once():
        start = time.perf_counter()
        function(images)
        return len(images) / (time.perf_counter() - start)
    function(images[:BATCH])  # warm up
    return best_of_two(once)


def measure(size, dtype):
    """Yield (method, images per second) for one image size and dtype."""
    count = COUNTS[size]
    rng = np.random.default_rng(0)
    images = rng.integers(0, 256, (count, size, size, 3), dtype=np.uint8)
    top = 255.0
    if dtype == "float32":
        images, top = images.astype(np.float32) / 255.0, 1.0
    source = tf.data.Dataset.from_tensor_slices(images)
    batches = source.batch(BATCH)
    one = tf_image_one(size, top)
    layers, parallel_layers = keras_layers(top), keras_layers(top)
    recipe = make_batch_augmenter(max_degrees=DEGREES, zoom=(1.0, 1.0 / CROP), flip=True,
                                  max_brightness=BRIGHTNESS)
    no_xla = projective_no_xla(top)
    unordered = tf.data.Options()
    unordered.deterministic = False
    private = tf.data.Options()
    private.threading.private_threadpool_size = os.cpu_count()

    def in_model(batch):
        return layers(batch, training=True)

    pipelines = {
        "tf_image_serial": (source.map(one).batch(BATCH), None),
        "tf_image_parallel": (source.map(one, num_parallel_calls=AUTOTUNE).batch(BATCH)
                              .prefetch(AUTOTUNE), None),
        "keras_batch": (batches.map(lambda x: layers(x, training=True)).prefetch(AUTOTUNE), None),
        "keras_batch_parallel": (batches.map(lambda x: parallel_layers(x, training=True),
                                             num_parallel_calls=AUTOTUNE).prefetch(AUTOTUNE), None),
        "keras_in_model": (batches.prefetch(AUTOTUNE), tf.function(in_model)),
        "recipe": (seeded(batches).map(recipe, num_parallel_calls=AUTOTUNE).prefetch(AUTOTUNE),
                   None),
        "recipe_unordered": (seeded(batches).map(recipe, num_parallel_calls=AUTOTUNE)
                             .prefetch(AUTOTUNE).with_options(unordered), None),
        "recipe_private_pool": (seeded(batches).map(recipe, num_parallel_calls=AUTOTUNE)
                                .prefetch(AUTOTUNE).with_options(private), None),
        "projective_no_xla": (seeded(batches).map(no_xla, num_parallel_calls=AUTOTUNE)
                              .prefetch(AUTOTUNE), None),
    }
    for name, (dataset, step) in pipelines.items():
        yield name, pipeline_rate(dataset, step)
    if albumentations is not None:
        transform = albumentations_one(top)
        out = np.empty_like(images)

        def albumentations_loop(batch):
            for i, image in enumerate(batch):
                out[i] = transform(image=image)["image"]

        def albumentations_batch(batch):
            return np.stack([transform(image=image)["image"] for image in batch])

        yield "albumentations", loop_rate(albumentations_loop, images)
        through_tf = batches.map(
            lambda x: tf.numpy_function(albumentations_batch, [x], x.dtype, stateful=True),
            num_parallel_calls=AUTOTUNE).prefetch(AUTOTUNE)
        yield "albumentations_tf", pipeline_rate(through_tf)
    floor = np.empty_like(images)
    yield "copy_floor", loop_rate(lambda x: np.copyto(floor[:len(x)], x), images)


def report(results, header):
    lines = [header, f"targets: {TARGETS}"]
    for key, result in results.items():
        rates = result["images_per_second"]
        lines.append(f"\n{key}: {result['count']} images")
        lines.append(f"  {'method':22s} {'images/s':>10s} {'x tf_image_serial':>18s} "
                     f"{'x albumentations':>17s} {'of copy floor':>14s}")
        for name, rate in rates.items():
            versus_albu = (f"{rate / rates['albumentations']:17.2f}" if "albumentations" in rates
                           else f"{'-':>17s}")
            lines.append(f"  {name:22s} {rate:10,.0f} {rate / rates['tf_image_serial']:18.2f} "
                         f"{versus_albu} {rate / rates['copy_floor']:14.2%}")
        bytes_per_image = result["size"] ** 2 * 3 * np.dtype(result["dtype"]).itemsize
        lines.append(f"  copy floor: {rates['copy_floor'] * bytes_per_image / 1e9:.1f} GB/s")
    lines.append("")
    for key, result in results.items():
        rates = result["images_per_second"]
        serial = rates["recipe"] / rates["tf_image_serial"]
        lines.append(f"{key}: recipe {serial:.2f}x tf_image_serial "
                     f"({'meets' if serial >= 2 else 'MISSES'} the 2x target)")
        if "albumentations" in rates:
            albu = rates["recipe"] / rates["albumentations"]
            target = result["size"] == 224 and result["dtype"] == "uint8"
            lines.append(f"{key}: recipe {albu:.2f}x albumentations"
                         + (f" ({'meets' if albu >= 1 else 'MISSES'} the 1x target)"
                            if target else ""))
    if albumentations is None:
        lines.append("albumentations is not installed: python -m pip install -r "
                     "benchmarks/requirements.txt to measure it")
    return "\n".join(lines)


def main():
    gpus = tf.config.list_physical_devices("GPU")
    device = f"GPU: {gpus[0].name}" if gpus else "CPU only"
    versions = f"TensorFlow {tf.__version__}, Keras {keras.__version__}" + (
        f", albumentations {albumentations.__version__}, OpenCV {cv2.__version__}"
        if albumentations is not None else "")
    header = (f"augmentation throughput on {platform.node()} ({os.cpu_count()} cores, {device}), "
              f"{versions}, batch {BATCH}, {time.strftime('%Y-%m-%d')}"
              + (", FAST mode" if FAST else ""))
    results = {}
    progress = keras.utils.Progbar(len(SIZES) * len(DTYPES), unit_name="setting")
    for size in SIZES:
        for dtype in DTYPES:
            key = f"{size} px {dtype}"
            results[key] = {"size": size, "dtype": dtype, "count": COUNTS[size],
                            "images_per_second": dict(measure(size, dtype))}
            progress.add(1)
    text = report(results, header)
    print(text)
    out = results_dir(REPO)
    (out / "augmentation_throughput.txt").write_text(text + "\n")
    figures = json.dumps({"header": header, "targets": TARGETS, "results": results}, indent=2)
    (out / "augmentation_throughput.json").write_text(figures + "\n")
    if not FAST:
        COMMITTED.parent.mkdir(exist_ok=True)
        COMMITTED.write_text(figures + "\n")
        print(f"wrote {COMMITTED.relative_to(REPO)} (lesson 4 plots it)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
