"""The model rescales its input before the augmenter (a Rescaling(1/255) as if the digits were
0-255), so the augmenter is not the first layer and does not receive the digits as they come in
([2c]); the models trained are the model answer's.

expect: test_build_model
files: solution
"""
# %% build_model
def build_model(augmenter=None):
    layers = [keras.Input((32, 32, 1)), keras.layers.Rescaling(1 / 255)]
    if augmenter is not None:
        layers.append(augmenter)
    layers += [keras.layers.Conv2D(16, 3, activation="relu"), keras.layers.MaxPooling2D(),
               keras.layers.Conv2D(32, 3, activation="relu"), keras.layers.MaxPooling2D(),
               keras.layers.Flatten(), keras.layers.Dense(10, activation="softmax")]
    return keras.Sequential(layers)
