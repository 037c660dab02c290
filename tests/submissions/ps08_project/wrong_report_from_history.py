"""The report copies the last epoch of each history: the training accuracy that fit measured
on augmented batches, not the model's accuracy on the training images.

expect: test_report
files: solution
"""
# %% report
report = {}
for name, history in (("plain", plain_history), ("augmented", augmented_history)):
    train_accuracy, val_accuracy = history["accuracy"][-1], history["val_accuracy"][-1]
    report[name] = {"train": train_accuracy, "val": val_accuracy,
                    "gap": train_accuracy - val_accuracy}
