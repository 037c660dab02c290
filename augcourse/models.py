"""The small CNN the course trains, and one call to train it and time it.

Lessons 05 and 08 and the project use the same model and the same digit augmenter, so that their
numbers can be compared: two convolution blocks and a softmax layer, 16,330 weights for 32x32
digits, about 7 s for ten epochs on 1,000 digits on two CPU cores (lesson 05).
"""

import math
import time

import numpy as np


def small_cnn(input_shape=(32, 32, 1), classes=10, augmenter=None, dropout=0.0,
              name="small_cnn", seed=None):
    """Return an uncompiled ``keras.Sequential``: [augmenter] -> 2 conv blocks -> softmax.

    ``augmenter`` (a Keras layer, optional) goes first, so Keras switches it on in ``fit`` and
    off in ``predict`` and ``evaluate``. ``dropout`` (a rate in [0, 1)) adds a Dropout layer before
    the output. The softmax runs in float32, so the model also trains under mixed precision.
    ``seed`` (an integer, optional) fixes the initial weights of the three weighted layers: with
    the same seed, every augmenter and dropout rate starts from the same weights (without it, the
    weights come from the global random state, which building an augmenter moves on).

    Taught in lesson 5; ``seed`` in lesson 8.
    """
    import keras

    if augmenter is not None and not isinstance(augmenter, keras.layers.Layer):
        raise TypeError(f"augmenter must be a Keras layer or None, got {type(augmenter).__name__}")
    if isinstance(dropout, bool) or not isinstance(dropout, (int, float)) or not 0 <= dropout < 1:
        raise ValueError(f"dropout must be a rate in [0, 1), got {dropout!r}")
    if not isinstance(classes, int) or classes < 2:
        raise ValueError(f"classes must be an integer of at least 2, got {classes!r}")
    if seed is not None and (isinstance(seed, bool) or not isinstance(seed, int)):
        raise ValueError(f"seed must be an integer or None, got {seed!r}")

    def kernel(offset):  # one seeded initializer per weighted layer, so no two layers share draws
        return "glorot_uniform" if seed is None else keras.initializers.GlorotUniform(seed + offset)

    layers = [keras.Input(tuple(input_shape))]
    if augmenter is not None:
        layers.append(augmenter)
    layers += [
        keras.layers.Conv2D(16, 3, activation="relu", kernel_initializer=kernel(0)),
        keras.layers.MaxPooling2D(),
        keras.layers.Conv2D(32, 3, activation="relu", kernel_initializer=kernel(1)),
        keras.layers.MaxPooling2D(),
        keras.layers.Flatten(),
    ]
    if dropout:
        layers.append(keras.layers.Dropout(dropout))
    layers += [keras.layers.Dense(classes, kernel_initializer=kernel(2)),
               keras.layers.Activation("softmax", dtype="float32")]
    return keras.Sequential(layers, name=name)


def digit_augmenter(rotation=0.05, shift=0.1, zoom=0.1, name="digit_augment"):
    """Return the course's augmentation for digits: a ``keras.Sequential`` of small random
    rotations (``rotation``, a fraction of a full turn), shifts (``shift``, a fraction of the
    height and width) and zooms (``zoom``), all filling with black, as the digits' background is.

    Lessons 2 and 4 build it layer by layer; lessons 5 and 8 take it from here. It never flips:
    a mirrored digit is no digit, and a 6 turned upside down reads as a 9.
    """
    import keras

    for what, value in (("rotation", rotation), ("shift", shift), ("zoom", zoom)):
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value < 1:
            raise ValueError(f"{what} must be a number in [0, 1), got {value!r}")
    layers = []
    if rotation:
        layers.append(keras.layers.RandomRotation(rotation, fill_mode="constant"))
    if shift:
        layers.append(keras.layers.RandomTranslation(shift, shift, fill_mode="constant"))
    if zoom:
        layers.append(keras.layers.RandomZoom(zoom, fill_mode="constant"))
    if not layers:
        raise ValueError("rotation, shift and zoom are all 0: this augmenter would do nothing")
    return keras.Sequential(layers, name=name)


def train(model, x, y, epochs, seed=0, batch_size=32, learning_rate=3e-3, validation_data=None,
          weight_decay=0.0, patience=None, status=True):
    """Compile ``model`` (Adam, sparse cross-entropy, accuracy), fit it, and return
    ``(history_dict, seconds)``. ``seed`` seeds Python, NumPy and TensorFlow first, so the
    same call gives the same run on the same machine. ``weight_decay`` above 0 uses AdamW, which
    shrinks every weight by ``learning_rate * weight_decay`` of itself at each step.
    ``patience`` (with ``validation_data``) stops early: training ends once the validation loss
    has not improved for ``patience`` epochs, and the model keeps the weights of its best epoch.

    Keras's per-epoch progress is off (dozens of lines per run); instead each run ends with one
    status line on stdout (``status=False``: none), so a cell that trains several models shows
    how far it is and what a run costs.

    Taught in lesson 5.
    """
    import keras

    from augcourse.config import set_seed

    if not isinstance(epochs, int) or epochs < 1:
        raise ValueError(f"epochs must be a positive integer, got {epochs!r}")
    if len(x) != len(y):
        raise ValueError(f"{len(x)} images but {len(y)} labels")
    if isinstance(weight_decay, bool) or not isinstance(weight_decay, (int, float)) or (
            weight_decay < 0):
        raise ValueError(f"weight_decay must be a number of at least 0, got {weight_decay!r}")
    if patience is not None and (isinstance(patience, bool) or not isinstance(patience, int)
                                 or patience < 1 or validation_data is None):
        raise ValueError(f"patience must be a positive integer and needs validation_data, got "
                         f"patience={patience!r}")
    callbacks = [] if patience is None else [keras.callbacks.EarlyStopping(
        monitor="val_loss", patience=patience, restore_best_weights=True)]
    set_seed(seed)
    optimizer = (keras.optimizers.AdamW(learning_rate, weight_decay=weight_decay) if weight_decay
                 else keras.optimizers.Adam(learning_rate))
    # steps_per_execution: Keras runs 10 training steps per call from Python into TensorFlow.
    # The steps, their batches and their random draws are the same as one step per call
    # (tests/unit/test_augcourse.py compares the histories), with fewer calls, whose overhead
    # counts for models this small on a CPU.
    model.compile(optimizer=optimizer, loss="sparse_categorical_crossentropy",
                  metrics=["accuracy"], steps_per_execution=10)
    # The numbers of steps, stated, are the ones Keras counts itself (a last partial batch
    # included). Unstated, Keras 3.15 makes a new dataset iterator at both the start and the end
    # of every epoch (for the training and the validation data), and each costs ~10 ms of CPU;
    # stated, the one made at an epoch's end serves the next epoch. The same batches either way
    # (tests/unit/test_augcourse.py compares the histories).
    steps = math.ceil(len(x) / batch_size)
    validation_steps = (math.ceil(len(validation_data[0]) / batch_size)
                        if isinstance(validation_data, (tuple, list)) else None)
    start = time.perf_counter()
    history = model.fit(x, y, batch_size=batch_size, epochs=epochs, verbose=0,
                        steps_per_epoch=steps, validation_data=validation_data,
                        validation_steps=validation_steps, callbacks=callbacks)
    seconds = time.perf_counter() - start
    if status:
        print(run_status(history.history, len(x), seconds, seed))
    return history.history, seconds


def run_status(history, images, seconds, seed=None):
    """One line about a finished training run: epochs, images, seconds, and the last
    validation accuracy when there was validation data.

    Used in lesson 6.
    """
    epochs = len(history.get("loss", []))
    line = (f"  trained {epochs} epochs on {images} images"
            + ("" if seed is None else f" (seed {seed})") + f" in {seconds:.1f} s")
    if "val_accuracy" in history:
        line += f"; validation accuracy {history['val_accuracy'][-1]:.3f}"
    return line


def accuracy(model, x, y, batch_size=256):
    """Fraction of ``x`` that ``model`` classifies as ``y`` (inference mode, no augmentation).

    Taught in lesson 5.
    """
    # Direct calls with training=False rather than predict: predict builds a new tf.function per
    # model, and a loop over many models makes TensorFlow warn about retracing on stderr.
    x = np.asarray(x)
    predicted = np.concatenate([
        np.argmax(np.asarray(model(x[start:start + batch_size], training=False)), axis=1)
        for start in range(0, len(x), batch_size)])
    return float(np.mean(predicted == np.asarray(y)))


__all__ = ["accuracy", "digit_augmenter", "run_status", "small_cnn", "train"]
