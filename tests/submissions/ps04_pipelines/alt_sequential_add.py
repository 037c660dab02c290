"""Builds the model with model.add, and a pipeline built step by step with a plain map.

expect: full
"""
# %% build_model
def build_model(augmenter):
    model = keras.Sequential()
    model.add(keras.Input((32, 32, 1)))
    model.add(augmenter)
    model.add(keras.layers.Conv2D(12, 5, activation="relu"))
    model.add(keras.layers.GlobalMaxPooling2D())
    model.add(keras.layers.Dense(10, activation="softmax"))
    return model

# %% make_train_dataset
def make_train_dataset(x, y, augmenter, batch_size, seed):
    def augment(images, labels):
        return augmenter(images, training=True), labels

    data = tf.data.Dataset.from_tensor_slices((x, y))
    data = data.shuffle(buffer_size=len(x), seed=seed).batch(batch_size, drop_remainder=False)
    data = data.map(augment)
    return data.prefetch(buffer_size=tf.data.AUTOTUNE)
