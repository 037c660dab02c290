"""Inserts the augmenter at index 1 of small_cnn().layers, assuming layers[0] is the input; in Keras 3 layers[0] is the first Conv2D, so the augmenter runs on the conv features, not first on the images.

expect: test_build_model
"""
# %% build_model
def build_model(augmenter=None):
    """A new, uncompiled model: [augmenter] -> a small CNN -> 10 softmax outputs."""
    layers = list(small_cnn().layers)
    if augmenter is not None:
        layers.insert(1, augmenter)  # right after the input
    return keras.Sequential([keras.Input((32, 32, 1))] + layers)
