"""Correct, lesson 4's recipe: shuffle, batch, zip with per-batch seeds from Dataset.random,
a parallel map of make_batch_augmenter (a stateless brightness shift, clipped), prefetch.

expect: full
"""
# %% make_train_dataset
from augcourse.pipelines import make_batch_augmenter

shift_brightness = make_batch_augmenter(max_brightness=0.2)


def make_train_dataset(x, y, batch_size=32, seed=0):
    seeds = tf.data.Dataset.random(seed=seed, rerandomize_each_iteration=True).batch(2)
    batches = (tf.data.Dataset.from_tensor_slices((x, y)).shuffle(len(x), seed=seed)
               .batch(batch_size))
    return (tf.data.Dataset.zip((batches, seeds))
            .map(lambda batch, pair: (shift_brightness(batch[0], pair), batch[1]),
                 num_parallel_calls=tf.data.AUTOTUNE)
            .prefetch(tf.data.AUTOTUNE))
