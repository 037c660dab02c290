"""Correct model and augmenter, but the training seed is chosen on the held-out test digits: the
plain cell trains both models for seeds 0, 1 and 2 (in a side folder), scores them on
held_out_digits() and keeps the seed where the augmented model beats the plain one by most;
both final runs then use that seed. Violates "test both models on 497 held-out digits
(held_out_digits() loads them for the tests: never train on them or choose a model with
them)" and "[3i] On the 497 held-out digits, which you never train on". Both runs still share a
seed, data and epochs, so the visible tests likely all pass.

expect: test_generalisation
"""
# %% make_augmenter
def make_augmenter():
    """A Keras layer of label-keeping augmentations for 32 x 32 digits."""
    return keras.Sequential([
        keras.layers.RandomRotation(0.05, fill_mode="constant", fill_value=0.0),
        keras.layers.RandomTranslation(0.1, 0.1, fill_mode="constant", fill_value=0.0),
        keras.layers.RandomZoom(0.1, fill_mode="constant", fill_value=0.0),
    ], name="digit_augment")
# %% build_model
def build_model(augmenter=None):
    """A new, uncompiled model: [augmenter] -> a small CNN -> 10 softmax outputs."""
    return small_cnn((32, 32, 1), 10, augmenter=augmenter, seed=0)
# %% train_plain
EPOCHS = 40
# try a few seeds and keep the one where augmentation helps most
x_test, y_test = held_out_digits()
margins = {}
for seed in (0, 1, 2):
    plain_try = fit_or_load("plain", build_model, x_train, y_train, EPOCHS, seed=seed,
                            validation_data=(x_val, y_val), folder="seed_search/" + str(seed))[0]
    augmented_try = fit_or_load("augmented", lambda: build_model(make_augmenter()), x_train,
                                y_train, EPOCHS, seed=seed, validation_data=(x_val, y_val),
                                folder="seed_search/" + str(seed))[0]
    margins[seed] = accuracy(augmented_try, x_test, y_test) - accuracy(plain_try, x_test, y_test)
SEED = max(margins, key=margins.get)
print("margins per seed:", margins, "-> seed", SEED)
plain_model, plain_history, plain_seconds = fit_or_load(
    "plain", build_model, x_train, y_train, EPOCHS, seed=SEED, validation_data=(x_val, y_val))
# %% train_augmented
augmented_model, augmented_history, augmented_seconds = fit_or_load(
    "augmented", lambda: build_model(make_augmenter()), x_train, y_train, EPOCHS, seed=SEED,
    validation_data=(x_val, y_val))
# %% plot_curves
figure, axis = plt.subplots(figsize=(8, 4))
for name, history, colour in (("plain", plain_history, "tab:blue"),
                              ("augmented", augmented_history, "tab:green")):
    epochs = np.arange(1, len(history["accuracy"]) + 1)
    axis.plot(epochs, history["accuracy"], "--", color=colour, label=f"{name}, training")
    axis.plot(epochs, history["val_accuracy"], "-", color=colour, label=f"{name}, validation")
axis.set(xlabel="epoch", ylabel="accuracy", title="plain vs augmented: accuracy per epoch")
axis.legend()
plt.show()
# %% report
report = {}
for name, model in (("plain", plain_model), ("augmented", augmented_model)):
    train_accuracy = accuracy(model, x_train, y_train)
    val_accuracy = accuracy(model, x_val, y_val)
    report[name] = {"train": train_accuracy, "val": val_accuracy,
                    "gap": train_accuracy - val_accuracy}
print(json.dumps(report, indent=1))
