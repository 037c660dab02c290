"""A Keras layer per image in a parallel map (correct before issue 20's recipe, when chance
repeats of its draws were not graded): parallel calls of a Keras layer can share its random state
([1j]).

expect: test_train_draws
"""
# %% make_train_dataset
def make_train_dataset(x, y, batch_size=32, seed=0):
    shift = keras.layers.RandomBrightness((-0.2, 0.2), value_range=(0.0, 1.0))

    def one(image, label):
        return shift(image, training=True), label

    dataset = tf.data.Dataset.from_tensor_slices((x, y))
    dataset = dataset.shuffle(buffer_size=len(x) + 100, seed=seed)
    dataset = dataset.map(one, num_parallel_calls=tf.data.AUTOTUNE)
    return dataset.batch(batch_size).prefetch(tf.data.AUTOTUNE)
