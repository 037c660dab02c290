"""Look inside and time `tf.data` pipelines.

- :func:`dataset_steps` lists the transformations of a dataset in order, from the source to the
  last step, for example ``['TensorSlice', 'Shuffle', 'Batch', 'ParallelMap', 'Prefetch']``.
- :func:`images_per_second` pulls batches from a dataset and times them.
"""

import re
import time


def dataset_steps(dataset):
    """Names of the steps of ``dataset``, source first (from TensorFlow's own dataset graph).

    Taught in lesson 4.
    """
    import tensorflow as tf
    from tensorflow.core.framework import graph_pb2

    if not isinstance(dataset, tf.data.Dataset):
        raise TypeError(f"expected a tf.data.Dataset, got {type(dataset).__name__}")
    graph = graph_pb2.GraphDef()
    serialized = tf.raw_ops.DatasetToGraphV2(input_dataset=dataset._variant_tensor)
    graph.ParseFromString(serialized.numpy())
    steps = []
    for node in graph.node:
        match = re.fullmatch(r"(?:Experimental)?(\w+?)Dataset(?:V\d+)?", node.op)
        if match:
            steps.append(match.group(1))
    return steps


def images_per_second(dataset, max_images=None, step=None):
    """Pull batches from ``dataset`` (after one warm-up batch) and return images per second.

    A batch is an image tensor or a tuple whose first part is the images. ``step``, if given, is
    called on each batch (for example a training step) and its time counts too. Stops after
    ``max_images`` images, or at the end of the dataset.

    Taught in lesson 4.
    """
    iterator = iter(dataset)
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
        if max_images is not None and count >= max_images:
            break
    elapsed = time.perf_counter() - start
    if count == 0:
        raise ValueError("the dataset has only one batch: nothing left to time after warm-up")
    return count / elapsed


__all__ = ["dataset_steps", "images_per_second"]
