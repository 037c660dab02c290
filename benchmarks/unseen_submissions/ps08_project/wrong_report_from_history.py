"""Takes the report from the training histories (last epoch's accuracy and val_accuracy as fit reported them) instead of computing it from the models with the augmentation off.

expect: test_report
"""
# %% report
report = {}
for name, history in (("plain", plain_history), ("augmented", augmented_history)):
    train_acc = history["accuracy"][-1]
    val_acc = history["val_accuracy"][-1]
    report[name] = {"train": train_acc, "val": val_acc, "gap": train_acc - val_acc}
