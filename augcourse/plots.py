"""Image grids and before/after figures that accept uint8 or float [0, 1] images."""

import math

import numpy as np

from augcourse.checks import ImageInputError, check_images


def _for_display(image):
    """One image ready for ``imshow``: channel axis dropped when grayscale."""
    if image.shape[-1] == 1:
        return image[..., 0], "gray"
    return image, None


def show_images(images, titles=None, ncols=None, size=2.0, suptitle=None):
    """Show a batch (or list) of images in a grid; return the matplotlib figure.

    ``images`` is a batch ``(N, H, W, C)`` or a list of images ``(H, W, C)`` of any sizes, each
    uint8 (0..255) or float (0..1). Grayscale images (one channel) are drawn in gray with a
    fixed 0..max range, so that a dark image looks dark instead of being stretched.

    Taught in lesson 1.
    """
    import matplotlib.pyplot as plt

    if isinstance(images, (list, tuple)):
        if not images:
            raise ImageInputError("images is an empty list; nothing to show")
        batch = [check_images(im, f"images[{i}]", ranks=(3,)) for i, im in enumerate(images)]
    else:
        batch = list(check_images(images, "images", ranks=(4,)))
    if titles is not None and len(titles) != len(batch):
        raise ValueError(f"got {len(titles)} titles for {len(batch)} images")
    ncols = ncols or min(len(batch), 8)
    if not isinstance(ncols, int) or ncols < 1:
        raise ValueError(f"ncols must be a positive integer, got {ncols!r}")
    nrows = math.ceil(len(batch) / ncols)
    fig, axes = plt.subplots(nrows, ncols, figsize=(size * ncols, size * nrows), squeeze=False)
    for index, ax in enumerate(axes.flat):
        ax.axis("off")
        if index >= len(batch):
            continue
        image, cmap = _for_display(batch[index])
        vmax = 255 if image.dtype == np.uint8 else 1.0
        ax.imshow(image, cmap=cmap, vmin=0, vmax=vmax, interpolation="nearest")
        if titles is not None:
            ax.set_title(str(titles[index]), fontsize=9)
    if suptitle:
        fig.suptitle(suptitle)
    fig.tight_layout()
    return fig


def show_before_after(before, after, titles=("before", "after"), size=3.0):
    """Show pairs side by side: row i is ``before[i]`` next to ``after[i]``.

    Both arguments are single images or batches of the same length.

    Not used in a lesson: a two-panel version of show_images (lesson 1).
    """
    before_arr = check_images(before, "before")
    after_arr = check_images(after, "after")
    if before_arr.ndim == 3:
        before_arr = before_arr[None]
    if after_arr.ndim == 3:
        after_arr = after_arr[None]
    if len(before_arr) != len(after_arr):
        raise ValueError(f"before has {len(before_arr)} images but after has {len(after_arr)}")
    pairs = []
    for left, right in zip(before_arr, after_arr, strict=True):
        pairs.extend([left, right])
    return show_images(pairs, titles=list(titles) * len(before_arr), ncols=2, size=size)


__all__ = ["show_before_after", "show_images"]
