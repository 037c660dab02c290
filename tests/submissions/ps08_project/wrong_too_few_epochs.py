"""Three epochs: neither model has learned the digits.

expect: test_saved_models test_generalisation
"""
# %% train_plain
EPOCHS = 3
plain_model, plain_history, seconds = fit_or_load(
    "plain", build_model, x_train, y_train, EPOCHS, seed=0, validation_data=(x_val, y_val))
