"""Detectors for augmentation bugs that fail silently. Run them on your own pipelines.

Each one checks behaviour, not code:

- :func:`count_distinct_draws`: how many different random draws a batch really gets (1 means one
  draw for the whole batch, as `tf.image.random_brightness` gives when mapped after `batch`).
- :func:`fraction_changed`: how many images an augmentation actually changes (0 means it does
  nothing, for example a rotation that rounds every angle to zero quarter turns).
- :func:`repeats_across_epochs`: whether a training pipeline replays the same augmented images every
  epoch (a `cache` after the random map, or per-element seeds that repeat).
- :func:`repeated_draws`: how often a random augmentation hands two images the same draw (fed
  identical images, every output should differ; in a parallel map, calls of a Keras random layer
  can share their layer's random state).
- :func:`is_repeatable`: whether two passes over a dataset give identical batches in the same
  order (what a validation pipeline must do, and an augmented one must not).
- :func:`parallel_maps_writing_state`: the parallel maps of a pipeline whose function writes a
  variable on every call, as a Keras random layer does with its random state: parallel calls can
  then share draws. The one detector that reads the pipeline's graph instead of its output,
  because the race it finds shows only now and then, and on one core never.
"""

import hashlib
import re

import numpy as np

from augcourse.checks import check_images


def _images_of(batch):
    images = batch[0] if isinstance(batch, (tuple, list)) else batch
    return np.asarray(images)


def count_distinct_draws(augment, image, batch_size=32):
    """Apply ``augment`` to a batch of ``batch_size`` copies of ``image``; count distinct outputs.

    ``augment`` takes a batch ``(N, H, W, C)`` and returns one. The result is between 1 (one draw
    for the whole batch, or no randomness) and ``batch_size`` (a draw per image).

    Taught in lesson 5.
    """
    image = check_images(image, "image", ranks=(3,))
    if not isinstance(batch_size, int) or batch_size < 2:
        raise ValueError(f"batch_size must be an integer of at least 2, got {batch_size!r}")
    out = np.asarray(augment(np.repeat(image[np.newaxis], batch_size, axis=0)))
    if out.shape[0] != batch_size:
        raise ValueError(f"augment returned {out.shape[0]} images for a batch of {batch_size}")
    return len({row.tobytes() for row in out})


def fraction_changed(augment, images, atol=0.0):
    """Fraction of the images of a batch that ``augment`` changes by more than ``atol``.

    Shapes may change (a crop): an image whose shape changed counts as changed.

    Taught in lesson 5.
    """
    images = check_images(images, "images", ranks=(4,))
    out = np.asarray(augment(images))
    if out.shape[0] != images.shape[0]:
        raise ValueError(f"augment returned {out.shape[0]} images for {images.shape[0]}")
    if out.shape != images.shape:
        return 1.0
    difference = np.abs(out.astype(np.float64) - images.astype(np.float64))
    return float(np.mean(difference.reshape(len(images), -1).max(axis=1) > atol))


def _epoch_fingerprints(dataset):
    digests = []
    for batch in dataset:
        for image in _images_of(batch):
            digests.append(hashlib.sha1(np.ascontiguousarray(image).tobytes()).hexdigest())
    if not digests:
        raise ValueError("the dataset is empty")
    return digests


def repeats_across_epochs(dataset):
    """True when two passes over ``dataset`` yield the same set of images (in any order).

    For a training pipeline with random augmentation this is a bug: the augmentation is frozen.
    Shuffling alone does not hide it, since the order is ignored.

    Taught in lesson 5.
    """
    first = _epoch_fingerprints(dataset)
    second = _epoch_fingerprints(dataset)
    return sorted(first) == sorted(second)


def repeated_draws(dataset, epochs=1):
    """Share of the images of an epoch that repeat another image of the same epoch, over
    ``epochs`` passes over ``dataset``.

    Feed a random augmentation copies of one image: each output should be a draw of its own,
    so a repeat means two calls shared a draw (for a float32 draw, chance repeats are about one
    in a million pairs).

    Taught in lesson 4.
    """
    if epochs < 1:
        raise ValueError(f"epochs must be 1 or more, got {epochs}")
    repeats = total = 0
    for _ in range(epochs):
        digests = _epoch_fingerprints(dataset)
        repeats += len(digests) - len(set(digests))
        total += len(digests)
    return repeats / total


def is_repeatable(dataset):
    """True when two passes over ``dataset`` yield identical images in the same order.

    Taught in lesson 5.
    """
    return _epoch_fingerprints(dataset) == _epoch_fingerprints(dataset)


# ops that write a variable: what a Keras random layer does to its seed state on every call
_STATE_WRITES = re.compile(r"(Assign|AssignAdd|AssignSub)VariableOp|ResourceScatter\w+|"
                           r"ResourceApply\w+")


def parallel_maps_writing_state(dataset):
    """Steps of ``dataset`` that run a function in parallel and write a variable in it.

    Returns a list such as ``["ParallelMap"]`` (one entry per such step, source first), empty
    when there is none. A Keras random layer keeps its random state in a variable: each call
    reads the state, draws, and writes the advanced state back, so two calls that run at the same
    moment can read the same state and make the same draws (lesson 4, section 7). In a plain map
    the calls run one after another; a ``tf.random.Generator`` advances its state in one step (an
    ``RngReadAndSkip``, not a write); stateless ops seeded per batch have no state at all. Those
    pass. Reads the pipeline's own graph (nested functions included), not its output: the race
    shows only now and then, and never on a single core.

    Taught in lesson 4.
    """
    from augcourse.pipelines import _dataset_graph, _step_name

    graph = _dataset_graph(dataset)
    library = {function.signature.name: function for function in graph.library.function}

    def writes_state(name, seen):
        if name in seen or name not in library:
            return False
        seen.add(name)
        for node in library[name].node_def:
            if _STATE_WRITES.fullmatch(node.op):
                return True
            for value in node.attr.values():
                called = ([value.func.name] if value.HasField("func") else []) + [
                    function.name for function in value.list.func]
                if any(writes_state(function, seen) for function in called):
                    return True
        return False

    found = []
    for node in graph.node:
        step = _step_name(node.op)
        if (step and step.startswith("Parallel") and "f" in node.attr
                and writes_state(node.attr["f"].func.name, set())):
            found.append(step)
    return found


__all__ = ["count_distinct_draws", "fraction_changed", "is_repeatable",
           "parallel_maps_writing_state", "repeated_draws", "repeats_across_epochs"]
