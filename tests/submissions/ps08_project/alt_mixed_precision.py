"""Trained under mixed precision, as lesson 8 sets it on a GPU (float16 maths, float32 weights,
the softmax in float32): the saved models keep their float16 policy, and the graders load and
grade them as they are. Here on the CPU, where the same policy runs.

expect: full
"""
# %% train_plain
EPOCHS = 40
keras.mixed_precision.set_global_policy("mixed_float16")
plain_model, plain_history, _ = fit_or_load("plain", build_model, x_train, y_train, EPOCHS,
                                            seed=0, validation_data=(x_val, y_val))
# %% train_augmented
augmented_model, augmented_history, _ = fit_or_load(
    "augmented", lambda: build_model(make_augmenter()), x_train, y_train, EPOCHS, seed=0,
    validation_data=(x_val, y_val))
keras.mixed_precision.set_global_policy("float32")
# the runs really were mixed: their convolutions compute in float16
assert plain_model.layers[0].compute_dtype == augmented_model.layers[1].compute_dtype == "float16"
