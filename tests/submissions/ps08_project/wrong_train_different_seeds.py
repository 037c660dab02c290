"""The two runs use different seeds (0 and 1), where the text asks for the same seed ([3e]); so
the comparison mixes the effect of the augmentation with that of the initial weights.

It comes with the model answer's models, as a student who trained before submitting would:
its plain run is the model answer's, which autograde loads, and its changed augmented run
is trained again.

expect: test_saved_models
files: solution
"""
# %% train_augmented
augmented_model, augmented_history, seconds = fit_or_load(
    "augmented", lambda: build_model(make_augmenter()), x_train, y_train, EPOCHS, seed=1,
    validation_data=(x_val, y_val))
