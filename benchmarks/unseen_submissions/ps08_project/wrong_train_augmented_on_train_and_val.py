"""Trains the augmented model on all 600 labelled digits (train + validation concatenated) instead of the 300 training digits, still validating on (x_val, y_val).

expect: test_saved_models
"""
# %% train_augmented
x_all = np.concatenate([x_train, x_val])  # more digits for the augmented run
y_all = np.concatenate([y_train, y_val])
augmented_model, augmented_history, augmented_seconds = fit_or_load(
    "augmented", lambda: build_model(make_augmenter()), x_all, y_all, EPOCHS, seed=0,
    validation_data=(x_val, y_val))
print(f"augmented: {augmented_seconds:.1f} s")
