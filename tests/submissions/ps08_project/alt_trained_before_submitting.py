"""Trained before submitting (the models folder comes with the notebook); the report computed
with evaluate.

expect: full
files: solution
"""
# %% report
report = {}
for name, model in (("plain", plain_model), ("augmented", augmented_model)):
    model.compile(loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    train_accuracy = model.evaluate(x_train, y_train, verbose=0)[1]
    val_accuracy = model.evaluate(x_val, y_val, verbose=0)[1]
    report[name] = {"train": train_accuracy, "val": val_accuracy,
                    "gap": train_accuracy - val_accuracy}
