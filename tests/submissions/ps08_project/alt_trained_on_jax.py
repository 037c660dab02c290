"""Trained before submitting, by Keras on the JAX backend (a student on a GPU machine with JAX):
the models folder is files/jax_backend, made by tools/train_on_jax.py from the solution. Graded
on TensorFlow; the report computed with predict and argmax.

expect: full
files: jax_backend
"""
# %% report
report = {}
for name, model in (("plain", plain_model), ("augmented", augmented_model)):
    scores = {}
    for part, (images, labels) in (("train", (x_train, y_train)), ("val", (x_val, y_val))):
        guesses = np.argmax(model.predict(images, verbose=0), axis=1)
        scores[part] = float(np.mean(guesses == labels))
    report[name] = {**scores, "gap": scores["train"] - scores["val"]}
