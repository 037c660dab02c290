"""A wrapper layer that calls the augmentation with training=True whatever the model's mode:
the augmentation stays on when the model predicts.

The wrapper also ignores the augmenter build_model is given ([2c]).

It comes with the model answer's models, as a student who trained before submitting would:
its plain run is the model answer's, which autograde loads, and its changed augmented run
is trained again.

expect: test_build_model test_saved_models test_histories test_generalisation test_report
files: solution
"""
# %% build_model
@keras.saving.register_keras_serializable(package="student")
class AlwaysAugment(keras.layers.Layer):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.augment = make_augmenter()

    def call(self, inputs, training=None):
        return self.augment(inputs, training=True)


def build_model(augmenter=None):
    return small_cnn((32, 32, 1), 10, AlwaysAugment() if augmenter is not None else None)
