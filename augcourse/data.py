"""Datasets that load with no network.

- :func:`load_digits`: 1,797 real handwritten digits (scikit-learn), as uint8 images;
  :func:`digits_split`: the course's one split of them into training, validation and test.
- :func:`left_right_arrows`: generated arrows that point left (label 0) or right (label 1), the
  one kind of data where a horizontal flip must change the label.
- :func:`load_photos`: real colour photos that ship with scikit-learn and scikit-image.
- :func:`write_image_folder` / :func:`load_image_folder`: a local folder of class-named
  sub-folders, the layout of most real image datasets.
- :func:`load_tf_flowers`: tf_flowers through tensorflow-datasets, only when it is already on
  disk; it never waits on a network and raises :class:`DatasetNotAvailable` otherwise.
"""

import os
from pathlib import Path
from typing import NamedTuple

import numpy as np

from augcourse.checks import ImageInputError, check_images

# name -> (module, attribute) of photos that ship inside an installed package
_PHOTOS = {
    "china": ("sklearn", "china.jpg"),
    "flower": ("sklearn", "flower.jpg"),
    "astronaut": ("skimage", "astronaut"),
    "chelsea": ("skimage", "chelsea"),
    "coffee": ("skimage", "coffee"),
    "rocket": ("skimage", "rocket"),
}
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".bmp", ".gif")


class DatasetNotAvailable(RuntimeError):
    """A dataset is not on this machine, and the course will not wait on a download.

    Taught in lesson 8.
    """


def load_digits(size=8, as_rgb=False, n=None):
    """Return ``(images, labels)``: real handwritten digits 0-9 as uint8 images.

    ``images`` has shape ``(N, size, size, 1)`` (or 3 channels with ``as_rgb=True``) and values
    0..255 (the originals are 8x8 with values 0..16, rescaled here); ``labels`` is int64 of
    shape ``(N,)``. ``size`` other than 8 resizes with bilinear interpolation. ``n`` keeps the
    first ``n`` images.

    Taught in lesson 1.
    """
    from sklearn.datasets import load_digits as _sk_load_digits

    if not isinstance(size, int) or isinstance(size, bool) or size < 1:
        raise ValueError(f"size must be a positive integer number of pixels, got {size!r}")
    bunch = _sk_load_digits()
    images = np.rint(bunch.images * (255.0 / 16.0)).astype(np.uint8)[..., None]
    labels = bunch.target.astype(np.int64)
    if n is not None:
        if not isinstance(n, int) or isinstance(n, bool) or not 1 <= n <= len(labels):
            raise ValueError(f"n must be an integer from 1 to {len(labels)}, got {n!r}")
        images, labels = images[:n], labels[:n]
    if size != 8:
        import tensorflow as tf

        resized = tf.image.resize(images.astype(np.float32), (size, size), method="bilinear")
        images = np.clip(np.rint(resized.numpy()), 0, 255).astype(np.uint8)
    if as_rgb:
        images = np.repeat(images, 3, axis=-1)
    return images, labels


def shuffled_digits(size=32):
    """Return ``(images, labels)``: all 1,797 digits as float32 in [0, 1], in one fixed shuffle.

    The digits come sorted by writer, so a split of the raw order puts some writers only in
    training and others only in testing. :func:`digits_split` cuts this order into the course's
    training, validation and test digits.

    Taught in lesson 5.
    """
    digits, labels = load_digits(size=size)
    order = np.random.default_rng(0).permutation(len(digits))
    return (digits / 255.0).astype(np.float32)[order], labels[order]


# The course's one split of the shuffled digits (lessons 5 to 9, problem set 8), by row:
# training starts with the first 300 and grows into the spare rows; no model trains on the test.
TRAIN_ROWS = range(0, 300)
VALIDATION_ROWS = range(300, 600)
SPARE_TRAIN_ROWS = range(600, 1300)  # more training digits, for lesson 8's "more data" runs
TEST_ROWS = range(1300, 1797)


class DigitSplit(NamedTuple):
    """The three parts of :func:`digits_split`, each ``(images, labels)``.

    Taught in lesson 5.
    """

    train: tuple
    validation: tuple
    test: tuple


def digits_split(size=32, n_train=None):
    """The course's split of :func:`shuffled_digits`: a ``DigitSplit`` whose ``train``,
    ``validation`` and ``test`` are each ``(images, labels)``.

    ``train`` is the first 300 digits (``n_train``, up to 1,000, adds the spare rows in order, so
    a bigger training set holds the smaller one), ``validation`` the next 300 and ``test`` the
    last 497, which no model in the course trains on or is chosen by. Taught in lesson 5.
    """
    most = len(TRAIN_ROWS) + len(SPARE_TRAIN_ROWS)
    n_train = len(TRAIN_ROWS) if n_train is None else n_train
    if not isinstance(n_train, int) or isinstance(n_train, bool) or not 1 <= n_train <= most:
        raise ValueError(f"n_train must be a whole number from 1 to {most}, got {n_train!r}")
    images, labels = shuffled_digits(size=size)
    train = np.r_[TRAIN_ROWS, SPARE_TRAIN_ROWS][:n_train]
    validation, test = np.asarray(VALIDATION_ROWS), np.asarray(TEST_ROWS)
    return DigitSplit((images[train], labels[train]),
                      (images[validation], labels[validation]),
                      (images[test], labels[test]))


def left_right_arrows(n, size=32, seed=0):
    """Return ``(images, labels)``: ``n`` arrows pointing left (label 0) or right (label 1).

    Float32 images of shape ``(n, size, size, 1)`` in [0, 1]: a bright shaft and head on black,
    each arrow with its own length, thickness, position and brightness. Mirroring an arrow left to
    right turns a "left" into a "right", so a flip must swap the label. Taught in lesson 5.
    """
    if not isinstance(n, int) or isinstance(n, bool) or n < 1:
        raise ValueError(f"n must be a positive integer, got {n!r}")
    if not isinstance(size, int) or isinstance(size, bool) or size < 16:
        raise ValueError(f"size must be an integer of at least 16 pixels, got {size!r}")
    rng = np.random.default_rng(seed)
    rows, cols = np.mgrid[0:size, 0:size]
    images = np.zeros((n, size, size, 1), np.float32)
    labels = rng.integers(0, 2, n).astype(np.int64)
    for i in range(n):
        length = rng.uniform(0.55, 0.75) * size
        half_thick = rng.uniform(0.03, 0.07) * size
        head = rng.uniform(0.18, 0.25) * size  # shorter than the shaft, so the ends differ
        centre_row = rng.uniform(0.35, 0.65) * size
        start = rng.uniform(0.1, 0.9 * size - length)
        tip = start + length
        shaft = (np.abs(rows - centre_row) <= half_thick) & (cols >= start) & (cols <= tip - head)
        # a triangle: widest at its base, a point at the tip
        in_head = (cols > tip - head) & (cols <= tip)
        head_half_width = (tip - cols) * 0.8
        arrow = shaft | (in_head & (np.abs(rows - centre_row) <= head_half_width))
        image = arrow * np.float32(rng.uniform(0.7, 1.0))
        images[i, ..., 0] = image if labels[i] == 1 else image[:, ::-1]
    return images, labels


def photo_names():
    """Names accepted by :func:`load_photo`.

    Taught in lesson 1.
    """
    return list(_PHOTOS)


def load_photo(name="chelsea"):
    """Return one real colour photo as a uint8 array of shape ``(H, W, 3)``.

    Taught in lesson 1.
    """
    if name not in _PHOTOS:
        raise ValueError(f"unknown photo {name!r}; choose one of {photo_names()}")
    source, key = _PHOTOS[name]
    if source == "sklearn":
        from sklearn.datasets import load_sample_image

        return np.asarray(load_sample_image(key), dtype=np.uint8)
    import skimage.data

    return np.asarray(getattr(skimage.data, key)(), dtype=np.uint8)


def load_photos(names=None, size=None):
    """Return a list of real photos (uint8, ``(H, W, 3)``).

    With ``size=(height, width)`` every photo is centre-cropped to that aspect ratio and resized,
    and the result is one uint8 batch of shape ``(N, height, width, 3)``.

    Taught in lesson 2.
    """
    names = photo_names() if names is None else list(names)
    photos = [load_photo(name) for name in names]
    if size is None:
        return photos
    import tensorflow as tf

    height, width = _check_size(size)
    batch = []
    for photo in photos:
        cropped = _center_crop_to_aspect(photo, height / width)
        resized = tf.image.resize(cropped.astype(np.float32), (height, width), antialias=True)
        batch.append(np.clip(np.rint(resized.numpy()), 0, 255).astype(np.uint8))
    return np.stack(batch)


def _check_size(size):
    try:
        height, width = (int(v) for v in size)
    except (TypeError, ValueError):
        raise ValueError(f"size must be (height, width), got {size!r}") from None
    if height < 1 or width < 1:
        raise ValueError(f"size must be positive, got {size!r}")
    return height, width


def _center_crop_to_aspect(image, aspect):
    h, w = image.shape[:2]
    if h / w > aspect:  # too tall
        new_h = max(1, round(w * aspect))
        top = (h - new_h) // 2
        return image[top:top + new_h]
    new_w = max(1, round(h / aspect))
    left = (w - new_w) // 2
    return image[:, left:left + new_w]


def write_image_folder(folder, images, labels, class_names):
    """Write images as PNG files into ``folder/<class name>/<index>.png``; return the folder.

    This is the layout that :func:`load_image_folder`, Keras and tensorflow-datasets read.

    Not used in a lesson: for your own images, in the class-folder layout of tf_flowers (lesson 8).
    """
    import tensorflow as tf

    images = check_images(images, "images", ranks=(4,))
    labels = np.asarray(labels)
    if labels.shape != (len(images),):
        raise ValueError(f"labels must have shape ({len(images)},), got {labels.shape}")
    if labels.size and (labels.min() < 0 or labels.max() >= len(class_names)):
        raise ValueError(f"labels must lie in 0..{len(class_names) - 1} to name a class")
    if images.dtype != np.uint8:
        images = np.clip(np.rint(images * 255.0), 0, 255).astype(np.uint8)
    folder = Path(folder)
    for name in class_names:
        (folder / str(name)).mkdir(parents=True, exist_ok=True)
    for index, (image, label) in enumerate(zip(images, labels, strict=True)):
        path = folder / str(class_names[label]) / f"{index:05d}.png"
        path.write_bytes(tf.io.encode_png(image).numpy())
    return folder


def load_image_folder(folder, image_size=(64, 64), batch_size=32, validation_split=None,
                      seed=42, color_mode="rgb"):
    """Load ``folder/<class name>/*.png|jpg`` as a batched ``tf.data.Dataset``.

    Returns ``(dataset, class_names)``, or ``(train, validation, class_names)`` when
    ``validation_split`` is given. Images come as float32 0..255, as Keras loads them.

    Not used in a lesson: for your own images, in the class-folder layout of tf_flowers (lesson 8).
    """
    import keras

    folder = Path(folder)
    if not folder.is_dir():
        raise FileNotFoundError(f"image folder {str(folder)!r} does not exist")
    class_dirs = sorted(p for p in folder.iterdir() if p.is_dir())
    if not class_dirs:
        raise ValueError(
            f"{str(folder)!r} has no sub-folders; expected one folder per class, "
            "for example flowers/daisy/*.jpg and flowers/roses/*.jpg")
    counts = {p.name: sum(1 for f in p.iterdir() if f.suffix.lower() in IMAGE_SUFFIXES)
              for p in class_dirs}
    if sum(counts.values()) == 0:
        raise ValueError(
            f"no images ({', '.join(IMAGE_SUFFIXES)}) in the class folders of {str(folder)!r}")
    options = dict(image_size=_check_size(image_size), batch_size=batch_size, seed=seed,
                   color_mode=color_mode, label_mode="int", verbose=False)
    if validation_split is None:
        dataset = keras.utils.image_dataset_from_directory(str(folder), shuffle=True, **options)
        return dataset, list(dataset.class_names)
    train, validation = keras.utils.image_dataset_from_directory(
        str(folder), validation_split=validation_split, subset="both", **options)
    return train, validation, list(train.class_names)


def tfds_data_dir():
    """Where tensorflow-datasets reads: ``$TFDS_DATA_DIR`` or ``~/tensorflow_datasets``.

    Taught in lesson 8.
    """
    return Path(os.environ.get("TFDS_DATA_DIR", Path.home() / "tensorflow_datasets"))


def tf_flowers_on_disk(data_dir=None):
    """True when a prepared copy of tf_flowers is in ``data_dir`` (no network is touched).

    Taught in lesson 8.
    """
    root = Path(data_dir) if data_dir is not None else tfds_data_dir()
    return any(root.glob("tf_flowers/*/dataset_info.json"))


def load_tf_flowers(data_dir=None, image_size=(128, 128), validation_fraction=0.2):
    """Return ``(train, validation, class_names)`` from tf_flowers, if it is on disk.

    The datasets yield ``(uint8 image, int label)`` pairs, resized to ``image_size``. When the
    dataset is not on disk this raises :class:`DatasetNotAvailable` at once: the course never
    waits on a download (tensorflow-datasets would retry for minutes with no network).

    Taught in lesson 8.
    """
    import tensorflow as tf

    root = Path(data_dir) if data_dir is not None else tfds_data_dir()
    if not tf_flowers_on_disk(root):
        raise DatasetNotAvailable(
            f"tf_flowers is not prepared under {str(root)!r}. The course runs on its offline "
            "datasets instead. To use tf_flowers, run once on a machine with a network: "
            "python -c \"import tensorflow_datasets as tfds; tfds.load('tf_flowers')\" "
            "(or set TFDS_DATA_DIR to a folder that holds it).")
    if not 0.0 < validation_fraction < 1.0:
        raise ValueError(f"validation_fraction must be between 0 and 1, got {validation_fraction}")
    import tensorflow_datasets as tfds

    percent = round(validation_fraction * 100)
    (train, validation), info = tfds.load(
        "tf_flowers", data_dir=str(root), download=False, as_supervised=True, with_info=True,
        split=[f"train[{percent}%:]", f"train[:{percent}%]"])
    height, width = _check_size(image_size)

    def resize(image, label):
        image = tf.image.resize(image, (height, width), antialias=True)
        return tf.cast(tf.clip_by_value(tf.round(image), 0, 255), tf.uint8), label

    autotune = tf.data.AUTOTUNE
    return (train.map(resize, num_parallel_calls=autotune),
            validation.map(resize, num_parallel_calls=autotune),
            list(info.features["label"].names))


__all__ = ["DatasetNotAvailable", "DigitSplit", "ImageInputError", "digits_split",
           "left_right_arrows", "load_digits", "load_image_folder", "load_photo", "load_photos",
           "load_tf_flowers", "photo_names", "shuffled_digits", "tf_flowers_on_disk",
           "tfds_data_dir", "write_image_folder"]
