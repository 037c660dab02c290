"""The augmented run validates on augmented validation images, so its validation curve does not
measure the model on real digits.

expect: test_histories
files: solution
"""
# %% train_augmented
from augcourse.models import train
from augcourse.project import save_run

augmented_model = build_model(make_augmenter())
augment_val = make_augmenter()
augmented_history, seconds = train(
    augmented_model, x_train, y_train, EPOCHS, seed=0,
    validation_data=(np.asarray(augment_val(x_val, training=True)), y_val))
save_run("augmented", augmented_model, augmented_history)
