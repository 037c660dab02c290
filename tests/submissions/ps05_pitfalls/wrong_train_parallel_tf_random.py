"""tf.image.random_brightness per image in a parallel map: under the global seed each epoch
draws the same shifts again, handed to the images in another order.

expect: test_train_fresh
"""
# %% make_train_dataset
def make_train_dataset(x, y, batch_size=32, seed=0):
    def shift(image, label):
        return tf.clip_by_value(tf.image.random_brightness(image, 0.2), 0.0, 1.0), label

    return (tf.data.Dataset.from_tensor_slices((x, y))
            .shuffle(len(x), seed=seed)
            .map(shift, num_parallel_calls=tf.data.AUTOTUNE)
            .batch(batch_size)
            .prefetch(tf.data.AUTOTUNE))
