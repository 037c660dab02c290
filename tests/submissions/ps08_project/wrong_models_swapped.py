"""The two runs are saved under each other's names.

expect: test_saved_models test_generalisation
"""
# %% train_plain
EPOCHS = 40
plain_model, plain_history, seconds = fit_or_load(
    "plain", lambda: build_model(make_augmenter()), x_train, y_train, EPOCHS, seed=0,
    validation_data=(x_val, y_val))
# %% train_augmented
augmented_model, augmented_history, seconds = fit_or_load(
    "augmented", build_model, x_train, y_train, EPOCHS, seed=0, validation_data=(x_val, y_val))
