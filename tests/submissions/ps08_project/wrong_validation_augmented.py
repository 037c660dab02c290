"""The augmented run validates on augmented validation images, so its validation curve does not
measure the model on real digits (the training itself is the model answer's).

fit_or_load's record shows validation data other than (x_val, y_val) ([3d]).

expect: test_saved_models test_histories
files: solution
"""
# %% train_augmented
augment_val = make_augmenter()
augmented_model, augmented_history, seconds = fit_or_load(
    "augmented", lambda: build_model(make_augmenter()), x_train, y_train, EPOCHS, seed=0,
    validation_data=(np.asarray(augment_val(x_val, training=True)), y_val), retrain=True)
