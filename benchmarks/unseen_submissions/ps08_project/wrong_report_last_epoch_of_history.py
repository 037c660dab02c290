"""The report takes train and val accuracy from the last epoch of each history (what fit
reported, with the augmentation on during training) instead of computing them from the models;
breaks [4b].

expect: test_report
"""
# %% report
report = {}
for name, history in (("plain", plain_history), ("augmented", augmented_history)):
    train_acc = history["accuracy"][-1]
    val_acc = history["val_accuracy"][-1]
    report[name] = {"train": train_acc, "val": val_acc, "gap": train_acc - val_acc}
