"""brighten_uint8 rescales to [0, 1], adds delta/255, clips, multiplies by 255 and casts with astype: float round-off plus truncation makes many results one level too low.

expect: test_brighten_uint8
"""
# %% brighten_uint8
def brighten_uint8(images, delta):
    """Add the integer `delta` to uint8 `images`, saturating at 0 and 255; return uint8."""
    # work in [0, 1] like brighten, where clipping is easy, then go back to 0..255
    scaled = np.asarray(images) / 255.0
    shifted = np.clip(scaled + delta / 255.0, 0.0, 1.0)
    return (shifted * 255).astype(np.uint8)
