"""The report scores the models with direct calls, model(x), which run the augmentation: the
augmented model's numbers are measured on augmented images.

expect: test_report
files: solution
"""
# %% report
report = {}
for name, model in (("plain", plain_model), ("augmented", augmented_model)):
    train_accuracy = float(np.mean(np.argmax(model(x_train), axis=1) == y_train))
    val_accuracy = float(np.mean(np.argmax(model(x_val), axis=1) == y_val))
    report[name] = {"train": train_accuracy, "val": val_accuracy,
                    "gap": train_accuracy - val_accuracy}
