"""The figure zooms its accuracy axis to 0.8 to 1.0 to show the differences near the top,
which cuts off the low accuracies of the first epochs; breaks [3g] (each curve whole within its
axes' limits).

expect: test_histories
"""
# %% plot_curves
figure, axis = plt.subplots(figsize=(8, 4))
epochs = np.arange(1, len(plain_history["accuracy"]) + 1)
for name, history, colour in (("plain", plain_history, "tab:blue"),
                              ("augmented", augmented_history, "tab:green")):
    axis.plot(epochs, history["accuracy"], "--", color=colour, label=f"{name}, training")
    axis.plot(epochs, history["val_accuracy"], "-", color=colour, label=f"{name}, validation")
axis.set_xlabel("epoch")
axis.set_ylabel("accuracy")
axis.set_ylim(0.8, 1.0)  # the interesting part: where the curves level off
axis.legend()
plt.show()
