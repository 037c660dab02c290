"""Trains the augmented model for twice as many epochs as the plain one ("augmentation needs
longer to converge"); breaks [3e] (both for the same number of epochs).

expect: test_saved_models
"""
# %% train_plain
EPOCHS = 40
plain_model, plain_history, plain_seconds = fit_or_load(
    "plain", build_model, x_train, y_train, EPOCHS, seed=0, validation_data=(x_val, y_val))
print(f"plain: {plain_seconds:.1f} s")
# %% train_augmented
# the augmented model sees a harder task every epoch, so give it longer to converge
augmented_model, augmented_history, augmented_seconds = fit_or_load(
    "augmented", lambda: build_model(make_augmenter()), x_train, y_train, 2 * EPOCHS, seed=0,
    validation_data=(x_val, y_val))
print(f"augmented: {augmented_seconds:.1f} s")
