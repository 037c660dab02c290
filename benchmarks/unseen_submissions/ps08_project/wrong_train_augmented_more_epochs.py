"""Trains the augmented model for 60 epochs ("augmentation learns more slowly") while the plain one trains 40: not the same number of epochs.

expect: test_saved_models
"""
# %% train_augmented
AUGMENTED_EPOCHS = 60  # augmented batches are harder, give it more time
augmented_model, augmented_history, augmented_seconds = fit_or_load(
    "augmented", lambda: build_model(make_augmenter()), x_train, y_train, AUGMENTED_EPOCHS,
    seed=0, validation_data=(x_val, y_val))
print(f"augmented: {augmented_seconds:.1f} s")
