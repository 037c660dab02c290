"""The gap is val minus train, where the text asks for train minus val ([4c]).

expect: test_report
files: solution
"""
# %% report
report = {}
for name, model in (("plain", plain_model), ("augmented", augmented_model)):
    train_accuracy = accuracy(model, x_train, y_train)
    val_accuracy = accuracy(model, x_val, y_val)
    report[name] = {"train": train_accuracy, "val": val_accuracy,
                    "gap": val_accuracy - train_accuracy}
