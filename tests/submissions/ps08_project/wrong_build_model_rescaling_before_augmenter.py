"""The model rescales its input before the augmenter (a Rescaling(1/255) as if the digits were
0-255), so the augmenter is not the first layer and does not receive the digits as they come in
([2c]); fit_or_load trains the changed model again instead of loading the model answer's, and
on inputs divided by 255 it falls short on the held-out digits ([3i]).

expect: test_build_model test_generalisation
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
