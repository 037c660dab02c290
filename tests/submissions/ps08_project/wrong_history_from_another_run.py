"""The augmented model is saved with the history of another run (the plain model's).

The history file written by hand has lost fit_or_load's record of the run ([3a]).

expect: test_saved_models test_histories
files: solution
"""
# %% train_augmented
augmented_model, augmented_history, seconds = fit_or_load(
    "augmented", lambda: build_model(make_augmenter()), x_train, y_train, EPOCHS, seed=0,
    validation_data=(x_val, y_val))
with open("models/augmented_history.json", "w") as file:
    json.dump(plain_history, file)
augmented_history = plain_history
