"""Input validation shared by the helpers: wrong input gets a message that says what to do."""

import numpy as np


class ImageInputError(ValueError):
    """An argument is not an image or a batch of images of the expected form.

    Raised by the helpers of this package; not taught.
    """


def _as_array(images, name):
    if hasattr(images, "numpy"):  # a tf.Tensor or an eager Keras tensor
        images = images.numpy()
    try:
        array = np.asarray(images)
    except ValueError:  # NumPy refuses lists of arrays of different shapes
        array = None
    if array is None or array.dtype == object:
        raise ImageInputError(
            f"{name} is a list of images of different shapes; all images of a batch must "
            "have the same shape (resize or crop them first)")
    return array


def check_images(images, name="images", ranks=(3, 4), channels=(1, 3)):
    """Return ``images`` as a NumPy array after checking that it is a valid image or batch.

    Accepted: rank 3 ``(height, width, channels)`` or rank 4 ``(batch, height, width,
    channels)`` (restricted by ``ranks``); ``channels`` in ``channels``; dtype ``uint8``
    (values 0..255) or a float dtype with values in [0, 1]. Anything else raises
    :class:`ImageInputError` with a message that names the problem.

    Used by the helpers of this package; not taught.
    """
    array = _as_array(images, name)
    if array.ndim not in ranks:
        forms = {2: "(height, width)", 3: "(height, width, channels)",
                 4: "(batch, height, width, channels)"}
        wanted = " or ".join(forms.get(r, f"rank {r}") for r in ranks)
        hint = ""
        if array.ndim == 2 and 3 in ranks:
            hint = " A grayscale image of shape (H, W) needs a channel axis: image[..., None]."
        raise ImageInputError(
            f"{name} has shape {array.shape} (rank {array.ndim}); expected {wanted}.{hint}")
    if channels and array.shape[-1] not in channels:
        raise ImageInputError(
            f"{name} has {array.shape[-1]} channels (last axis of shape {array.shape}); "
            f"expected one of {tuple(channels)}. Images here are channels-last.")
    if min(array.shape) == 0:
        raise ImageInputError(f"{name} is empty: shape {array.shape}")
    if array.dtype == np.uint8:
        return array
    if np.issubdtype(array.dtype, np.floating):
        if not np.all(np.isfinite(array)):
            raise ImageInputError(f"{name} contains NaN or infinite values")
        low, high = float(array.min()), float(array.max())
        if low < 0.0 or high > 1.0:
            hint = (" It looks like 0..255 values stored as floats: divide by 255."
                    if high > 1.0 and high <= 255.0 and low >= 0.0 else
                    " Clip the values (np.clip(x, 0, 1)) after an augmentation.")
            raise ImageInputError(
                f"{name} is {array.dtype} with values in [{low:.3g}, {high:.3g}]; float "
                f"images must lie in [0, 1].{hint}")
        return array
    raise ImageInputError(
        f"{name} has dtype {array.dtype}; expected uint8 (0..255) or float (0..1)")
