"""Lowers EPOCHS to 10 to save time on a slow CPU: both models stop far too early.

expect: test_saved_models
"""
# %% train_plain
EPOCHS = 10  # 40 is slow on my laptop
plain_model, plain_history, plain_seconds = fit_or_load(
    "plain", build_model, x_train, y_train, EPOCHS, seed=0, validation_data=(x_val, y_val))
print(f"plain: {plain_seconds:.1f} s")
