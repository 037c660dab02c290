"""Builds the CNN once at module level and reuses it: build_model() returns the same object every time and the augmented model wraps that same CNN, so it starts from the plain model's trained weights (not a new model).

expect: test_build_model
"""
# %% build_model
CNN = small_cnn(name="cnn")  # the small CNN, built once


def build_model(augmenter=None):
    """A new, uncompiled model: [augmenter] -> a small CNN -> 10 softmax outputs."""
    if augmenter is None:
        return CNN
    return keras.Sequential([keras.Input((32, 32, 1)), augmenter, CNN])
