"""The overfitting project (problem set 8): its data split and train-once model files.

Training happens once, where the student works (on a CPU or a GPU). The trained model and its
history go to files; a later run of the notebook, including the instructor's autograde, loads
them instead of training again, so the grades are about the models the student trained.
"""

import hashlib
import json
import warnings
from pathlib import Path

from augcourse.data import digits_split

HISTORY_KEYS = ("loss", "accuracy", "val_loss", "val_accuracy")
# what fit_or_load records of a run, in words
RECORD_WORDS = {"seed": "seed", "epochs": "epochs", "train": "training data",
                "validation": "validation data", "model": "model (its layers or augmentation)"}


def project_digits():
    """``((x_train, y_train), (x_val, y_val))``: 300 training and 300 validation digits.

    32 x 32, float32 in [0, 1]: the ``train`` and ``validation`` parts of the course's split
    (:func:`augcourse.data.digits_split`, lesson 5), as in lesson 8. The graders keep its 497
    ``test`` digits back as a held-out test set.
    """
    split = digits_split(size=32)
    return split.train, split.validation


def held_out_digits():
    """The 497 digits the graders test on (the split's ``test`` part): never used for training
    or choosing a model.

    Used in problem set 8.
    """
    return digits_split(size=32).test


def model_files(name, folder="models"):
    """``(model_path, history_path)`` for a model called ``name``.

    Used in problem set 8.
    """
    if not isinstance(name, str) or not name.isidentifier():
        raise ValueError(f"name must be a simple word such as 'plain', got {name!r}")
    folder = Path(folder)
    return folder / f"{name}.keras", folder / f"{name}_history.json"


def data_fingerprint(x, y):
    """A short hash of images ``x`` and labels ``y`` (their values, shapes and dtypes): two
    fingerprints are equal only for the same data in the same order.

    Used in problem set 8.
    """
    import numpy as np

    digest = hashlib.sha256()
    for array in (np.ascontiguousarray(x), np.ascontiguousarray(y)):
        digest.update(f"{array.dtype.str}{array.shape}".encode())
        digest.update(array.tobytes())
    return digest.hexdigest()[:16]


def config_without(config, keys=("name",), replace=None):
    """A Keras config (what ``get_config`` returns) with the entries named in ``keys`` left out
    at every depth: by default the names, which Keras numbers afresh in every build. Strings
    that are keys of ``replace`` (a dict) become its values.

    Used in problem set 8 (its fingerprints and its graders).
    """
    if isinstance(config, dict):
        return {k: config_without(v, keys, replace) for k, v in config.items() if k not in keys}
    if isinstance(config, (list, tuple)):
        return [config_without(v, keys, replace) for v in config]
    if replace and isinstance(config, str):
        return replace.get(config, config)
    return config


def model_fingerprint(model):
    """A short hash of a model's layers and their settings (Keras's ``get_config``): equal for
    two builds of the same code, different when a layer or a setting (an augmentation's factor,
    say) changes. The names Keras numbers afresh in every build ("conv2d_7") are left out, and
    where a functional model's config refers to a layer by its name, the name is replaced by
    the layer's place in the config.

    Used in problem set 8.
    """
    config = model.get_config()
    places = {}  # every name in the config -> its place, in the order they appear

    def collect(value):
        if isinstance(value, dict):
            if isinstance(value.get("name"), str):
                places.setdefault(value["name"], f"#{len(places)}")
            for item in value.values():
                collect(item)
        elif isinstance(value, (list, tuple)):
            for item in value:
                collect(item)

    collect(config)
    text = json.dumps(config_without(config, replace=places), sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def save_run(name, model, history, folder="models", record=None):
    """Save a trained ``model`` and its ``history`` (a dict of per-epoch lists) under ``name``;
    ``record`` (a dict, optional) says how it was trained and is kept in the history file.

    Used in problem set 8.
    """
    model_path, history_path = model_files(name, folder)
    history = check_history(history)
    if record is not None:
        history = {**history, "run": dict(record)}
    model_path.parent.mkdir(parents=True, exist_ok=True)
    with warnings.catch_warnings():
        # Keras 3.15 saving trips a NumPy 2 DeprecationWarning about __array__(copy=...)
        warnings.simplefilter("ignore", DeprecationWarning)
        model.save(model_path)
    history_path.write_text(json.dumps(history))
    return model_path, history_path


def load_run(name, folder="models"):
    """``(model, history)`` saved by :func:`save_run`; a clear error when a file is missing.

    Used in problem set 8.
    """
    import keras

    model_path, history_path = model_files(name, folder)
    missing = [str(p) for p in (model_path, history_path) if not p.exists()]
    if missing:
        raise FileNotFoundError(f"no saved run {name!r}: missing {', '.join(missing)}. Train it "
                                "first (fit_or_load trains and saves it)")
    try:
        history = json.loads(history_path.read_text())
    except ValueError as error:
        raise ValueError(f"{history_path} is not valid JSON: {error}") from None
    with warnings.catch_warnings():
        # a model trained under mixed precision saved a loss-scaling optimizer, whose extra
        # variables a plain optimizer skips with a warning; the weights load all the same
        warnings.filterwarnings("ignore", message="Skipping variable loading for optimizer")
        model = keras.models.load_model(model_path)
    return model, check_history(history)


def run_record(name, folder="models"):
    """The record :func:`fit_or_load` kept of how run ``name`` was trained: ``{"seed",
    "epochs", "train", "validation"}`` (the last two are :func:`data_fingerprint` values, or
    None without validation data); None for a run saved without one.

    Used in problem set 8.
    """
    _, history_path = model_files(name, folder)
    if not history_path.exists():
        raise FileNotFoundError(f"no saved run {name!r}: missing {history_path}")
    try:
        record = json.loads(history_path.read_text()).get("run")
    except (ValueError, AttributeError) as error:
        raise ValueError(f"{history_path} is not a saved history: {error}") from None
    return record if isinstance(record, dict) else None


def check_history(history):
    """Return ``history`` as ``{key: list of floats}`` after checking its form.

    Used in problem set 8.
    """
    if hasattr(history, "history"):  # a keras History object
        history = history.history
    if not isinstance(history, dict):
        raise ValueError(f"a history is a dict of per-epoch lists, got {type(history).__name__}")
    missing = [key for key in HISTORY_KEYS if key not in history]
    if missing:
        raise ValueError(f"the history lacks {missing}: train with validation_data and "
                         "metrics=['accuracy']")
    lengths = {len(history[key]) for key in HISTORY_KEYS}
    if len(lengths) != 1 or 0 in lengths:
        raise ValueError("the history's lists have different or zero lengths")
    return {key: [float(v) for v in history[key]] for key in HISTORY_KEYS}


def fit_or_load(name, build, x, y, epochs, seed=0, validation_data=None, folder="models",
                retrain=False):
    """Train ``build()`` with :func:`augcourse.models.train` and save it under ``name``; when
    the files exist already (and ``retrain`` is False), load them instead of training again,
    unless they record another seed, number of epochs, data or model than this call asks for.
    ``build`` is a function that returns a new, uncompiled model (``build_model``, or
    ``lambda: build_model(make_augmenter())``), not a model.

    The history file also keeps a record of the seed, the epochs and fingerprints of the data
    and of the model's layers (:func:`run_record`), so that a grader can tell which data a saved
    model was trained on, and a changed augmenter is trained again instead of loaded.
    Returns ``(model, history, seconds)``; ``seconds`` is 0.0 when the run was loaded.

    Used in problem set 8.
    """
    import keras

    from augcourse.config import set_seed
    from augcourse.models import train

    if isinstance(build, keras.Model) or not callable(build):
        raise TypeError(
            f"fit_or_load(name, build, ...) takes a function that builds a new model, such as "
            f"build_model or lambda: build_model(make_augmenter()); it got "
            f"{type(build).__name__}. Pass the function itself, not the model it returns")
    model_path, history_path = model_files(name, folder)
    set_seed(seed)  # the initial weights too, not only the training, come from the seed
    model = build()
    if not isinstance(model, keras.Model):
        raise TypeError(f"build() should return a Keras model, got {type(model).__name__}")
    record = {"seed": int(seed), "epochs": epochs, "train": data_fingerprint(x, y),
              "validation": data_fingerprint(*validation_data) if validation_data else None,
              "model": model_fingerprint(model)}
    if not retrain and model_path.exists() and history_path.exists():
        saved = run_record(name, folder)
        if saved is not None and "model" not in saved:  # saved before models were recorded
            saved = {**saved, "model": record["model"]}
        if saved is None or saved == record:
            model, history = load_run(name, folder)
            return model, history, 0.0
        # the call asks for another run than the one saved (other epochs, seed or data): the
        # saved files are stale, and loading them would grade a run this code does not make
        changed = " and ".join(RECORD_WORDS[key] for key in record
                               if saved.get(key) != record[key])
        print(f"fit_or_load: the saved run {name!r} was trained with another {changed}; "
              "training it again")
    history, seconds = train(model, x, y, epochs, seed=seed, validation_data=validation_data)
    save_run(name, model, history, folder, record)
    return model, check_history(history), seconds


__all__ = ["check_history", "config_without", "data_fingerprint", "fit_or_load", "held_out_digits",
           "load_run", "model_files", "model_fingerprint", "project_digits", "run_record",
           "save_run"]
