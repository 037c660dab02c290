"""Look inside and time `tf.data` pipelines.

- :func:`dataset_steps` lists the transformations of a dataset in order, from the source to the
  last step, for example ``['TensorSlice', 'Shuffle', 'Batch', 'ParallelMap', 'Prefetch']``.
- :func:`images_per_second` pulls batches from a dataset and times them.
- :func:`make_batch_augmenter` builds the course's fast augmenter for batches: one composed
  flip-rotation-zoom-shift per image and a brightness change, drawn from a seed you pass in.
"""

import re
import time


def _dataset_graph(dataset):
    """TensorFlow's own graph of ``dataset``: its steps, and the functions they run."""
    import tensorflow as tf
    from tensorflow.core.framework import graph_pb2

    if not isinstance(dataset, tf.data.Dataset):
        raise TypeError(f"expected a tf.data.Dataset, got {type(dataset).__name__}")
    graph = graph_pb2.GraphDef()
    serialized = tf.raw_ops.DatasetToGraphV2(input_dataset=dataset._variant_tensor)
    graph.ParseFromString(serialized.numpy())
    return graph


def _step_name(op):
    """'ParallelMap' for the op ParallelMapDatasetV2, None for an op that is not a step."""
    match = re.fullmatch(r"(?:Experimental)?(\w+?)Dataset(?:V\d+)?", op)
    return match.group(1) if match else None


def dataset_steps(dataset):
    """Names of the steps of ``dataset``, source first (from TensorFlow's own dataset graph).

    Taught in lesson 4.
    """
    steps = (_step_name(node.op) for node in _dataset_graph(dataset).node)
    return [step for step in steps if step]


def images_per_second(dataset, max_images=None, step=None, min_seconds=0.0):
    """Pull batches from ``dataset`` (after one warm-up batch) and return images per second.

    A batch is an image tensor or a tuple whose first part is the images. ``step``, if given, is
    called on each batch (for example a training step) and its time counts too. Stops after
    ``max_images`` images, or at the end of the dataset; with ``min_seconds``, it goes round the
    dataset again (``dataset.repeat()``) until that much time has passed, so that a fast pipeline
    on a small dataset is not timed over a few milliseconds.

    Taught in lesson 4.
    """
    import tensorflow as tf

    if not isinstance(dataset, tf.data.Dataset):
        raise TypeError(f"expected a tf.data.Dataset, got {type(dataset).__name__}")
    if min_seconds < 0:
        raise ValueError(f"min_seconds must be 0 or more, got {min_seconds}")
    iterator = iter(dataset.repeat() if min_seconds else dataset)
    try:
        warm = next(iterator)
    except StopIteration:
        raise ValueError("the dataset is empty") from None
    if step is not None:
        step(warm)
    count, start = 0, time.perf_counter()
    for batch in iterator:
        if step is not None:
            step(batch)
        images = batch[0] if isinstance(batch, (tuple, list)) else batch
        count += int(images.shape[0])
        enough_images = max_images is None or count >= max_images
        enough_time = time.perf_counter() - start >= min_seconds
        if (max_images is not None or min_seconds) and enough_images and enough_time:
            break
    elapsed = time.perf_counter() - start
    if count == 0:
        raise ValueError("the dataset has only one batch: nothing left to time after warm-up")
    return count / elapsed


def _check_augmenter_settings(max_degrees, zoom, max_shift, max_brightness):
    """Raise a ValueError that names the setting, for settings the augmenter cannot honour."""
    if not 0 <= max_degrees <= 180:
        raise ValueError(f"max_degrees is {max_degrees}: give an angle in degrees from 0 to 180")
    if len(zoom) != 2 or not 0 < zoom[0] <= zoom[1]:
        raise ValueError(f"zoom is {zoom}: give (smallest, largest) scale factors, both > 0 "
                         "(1.1 shows a digit 10 % larger, 0.9 10 % smaller)")
    if not 0 <= max_shift < 1:
        raise ValueError(f"max_shift is {max_shift}: give a fraction of the image size, 0 to 1")
    if not 0 <= max_brightness <= 1:
        raise ValueError(f"max_brightness is {max_brightness}: give a fraction of the full range, "
                         "0 to 1")


def _random_coefficients(seed, count, height, width, max_degrees, zoom, max_shift, flip):
    """Per image, the affine map from an output pixel (x, y) to the input point it reads, as
    ``tf.raw_ops.ImageProjectiveTransformV3`` writes it: ``(a0, a1, a2, b0, b1, b2)`` with
    x_in = a0 x + a1 y + a2, y_in = b0 x + b1 y + b2. Mirror, rotation and zoom are about the
    image's centre; then the shift."""
    import math

    import tensorflow as tf

    seeds = tf.random.experimental.stateless_split(seed, 4)
    mirror = tf.where(tf.random.stateless_uniform([count], seeds[0]) < 0.5, -1.0, 1.0)
    limit = max_degrees * math.pi / 180
    angle = tf.random.stateless_uniform([count], seeds[1], -limit, limit)
    scale = 1.0 / tf.random.stateless_uniform([count], seeds[2], zoom[0], zoom[1])
    shift = tf.random.stateless_uniform([2, count], seeds[3], -max_shift, max_shift)
    cos, sin = tf.cos(angle) * scale, tf.sin(angle) * scale
    a0, a1 = (cos * mirror if flip else cos), -sin
    b0, b1 = (sin * mirror if flip else sin), cos
    width, height = tf.cast(width, tf.float32), tf.cast(height, tf.float32)
    cx, cy = (width - 1) / 2, (height - 1) / 2
    a2 = cx - a0 * cx - a1 * cy - shift[0] * width
    b2 = cy - b0 * cx - b1 * cy - shift[1] * height
    return tf.stack([a0, a1, a2, b0, b1, b2], axis=1)


def _warp(images, coefficients, fill_value=0.0):
    """Each image read at the points ``coefficients`` map its pixels to, with bilinear
    interpolation; points outside the image read ``fill_value``. The same result as
    ``ImageProjectiveTransformV3`` with ``fill_mode="CONSTANT"``, written as gathers that XLA
    compiles (returns float32)."""
    import tensorflow as tf

    shape = tf.shape(images)
    count, height, width, channels = shape[0], shape[1], shape[2], shape[3]
    rows, cols = tf.meshgrid(tf.range(height, dtype=tf.float32),
                             tf.range(width, dtype=tf.float32), indexing="ij")
    c = coefficients[:, :, None, None]
    src_x = c[:, 0] * cols + c[:, 1] * rows + c[:, 2]
    src_y = c[:, 3] * cols + c[:, 4] * rows + c[:, 5]
    x0, y0 = tf.floor(src_x), tf.floor(src_y)
    wx, wy = (src_x - x0)[..., None], (src_y - y0)[..., None]
    x0, y0 = tf.cast(x0, tf.int32), tf.cast(y0, tf.int32)
    flat = tf.reshape(tf.cast(images, tf.float32) - fill_value, [count, -1, channels])

    def read(y, x):  # outside the image: 0 here, fill_value once it is added back
        inside = (x >= 0) & (x < width) & (y >= 0) & (y < height)
        index = tf.clip_by_value(y, 0, height - 1) * width + tf.clip_by_value(x, 0, width - 1)
        values = tf.gather(flat, tf.reshape(index, [count, -1]), batch_dims=1)
        return (tf.reshape(values, [count, height, width, channels])
                * tf.cast(inside, tf.float32)[..., None])

    top = read(y0, x0) * (1 - wx) + read(y0, x0 + 1) * wx
    bottom = read(y0 + 1, x0) * (1 - wx) + read(y0 + 1, x0 + 1) * wx
    return top * (1 - wy) + bottom * wy + fill_value


def make_batch_augmenter(max_degrees=0.0, zoom=(1.0, 1.0), max_shift=0.0, flip=False,
                         max_brightness=0.0, fill_value=0.0):
    """Return ``augment(images, seed)``: each image of a batch gets its own random draw.

    Geometry is **one** transform per image, composed of an optional left-right flip (chance
    1/2), a rotation by up to ``max_degrees`` either way, a zoom by a factor drawn from
    ``zoom`` (``(1.0, 1.15)``: up to 15 % larger, a zoom-in crop) and a shift by up to
    ``max_shift`` of the height and of the width, each way, all about the image's centre.
    Pixels are read with bilinear interpolation; pixels from outside the image get
    ``fill_value``. Then a brightness shift of up to ``max_brightness`` of the full range, and
    the result is clipped to it. ``images`` is a batch ``(N, H, W, C)`` of ``uint8`` (0..255)
    or floats in 0..1 and comes back in its own dtype and shape.

    ``seed`` is a pair of integers (a ``(2,)`` tensor). The draws depend on it alone, not on
    TensorFlow's global seed or on earlier calls: the same seed gives the same images, so
    parallel calls cannot share draws, and a new seed per batch gives new draws. In a pipeline,
    zip the batches with ``tf.data.Dataset.random(seed=..., rerandomize_each_iteration=True)
    .batch(2)``. The function is compiled with XLA (``jit_compile=True``): the warp is a few
    gathers that XLA fuses, which is what makes it fast on a CPU.

    Taught in lesson 4.
    """
    import tensorflow as tf

    _check_augmenter_settings(max_degrees, zoom, max_shift, max_brightness)
    settings = dict(max_degrees=float(max_degrees), zoom=(float(zoom[0]), float(zoom[1])),
                    max_shift=float(max_shift), flip=bool(flip))

    @tf.function(jit_compile=True, reduce_retracing=True)
    def augment(images, seed):
        if images.dtype != tf.uint8 and not images.dtype.is_floating:
            raise TypeError(f"make_batch_augmenter: images must be uint8 (0..255) or floats in "
                            f"0..1, got {images.dtype.name}")
        if images.shape.rank != 4:
            raise ValueError(f"make_batch_augmenter: images must be a batch (N, H, W, C), got "
                             f"shape {images.shape}")
        shape = tf.shape(images)
        geometry_seed, brightness_seed = tf.unstack(
            tf.random.experimental.stateless_split(seed, 2))
        coefficients = _random_coefficients(geometry_seed, shape[0], shape[1], shape[2],
                                            **settings)
        out = _warp(images, coefficients, fill_value)
        top = 255.0 if images.dtype == tf.uint8 else 1.0
        out += tf.random.stateless_uniform([shape[0], 1, 1, 1], brightness_seed,
                                           -max_brightness * top, max_brightness * top)
        out = tf.clip_by_value(out, 0.0, top)
        if images.dtype == tf.uint8:
            out = tf.round(out)
        return tf.cast(out, images.dtype)

    return augment


__all__ = ["dataset_steps", "images_per_second", "make_batch_augmenter"]
