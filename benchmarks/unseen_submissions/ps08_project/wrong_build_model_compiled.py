"""Returns the model compiled (Adam, sparse cross-entropy, accuracy) although the text asks for a new, uncompiled model.

expect: test_build_model
"""
# %% build_model
def build_model(augmenter=None):
    """A new, uncompiled model: [augmenter] -> a small CNN -> 10 softmax outputs."""
    model = small_cnn(augmenter=augmenter)
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy",
                  metrics=["accuracy"])
    return model
