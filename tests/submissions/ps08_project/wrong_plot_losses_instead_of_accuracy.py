"""The figure shows the training and validation loss, where the text asks for the accuracy
([3g]).

expect: test_histories
files: solution
"""
# %% plot_curves
figure, axis = plt.subplots(figsize=(7, 3.5))
for name, history in (("plain", plain_history), ("augmented", augmented_history)):
    axis.plot(history["loss"], "--", label=f"{name}, training")
    axis.plot(history["val_loss"], label=f"{name}, validation")
axis.set(xlabel="epoch", ylabel="loss")
axis.legend()
plt.show()
