"""Lesson 4's recipe: shuffle(len(x), seed) -> batch -> zip with per-batch seeds from
Dataset.random(seed, rerandomize_each_iteration=True) -> parallel map of the stateless
make_batch_augmenter(max_brightness=0.2) (adds one uniform amount per image, clips to [0, 1]) ->
prefetch(AUTOTUNE).

expect: full
"""
# %% make_train_dataset
from augcourse.pipelines import make_batch_augmenter

brighten = make_batch_augmenter(max_brightness=0.2)


def make_train_dataset(x, y, batch_size=32, seed=0):
    """Shuffle examples (seeded, every epoch), shift each image's brightness, clip, batch."""
    seeds = tf.data.Dataset.random(seed=seed, rerandomize_each_iteration=True).batch(2)
    batches = (tf.data.Dataset.from_tensor_slices((x, y))
               .shuffle(len(x), seed=seed)
               .batch(batch_size))
    return (tf.data.Dataset.zip((batches, seeds))
            .map(lambda batch, pair: (brighten(batch[0], pair), batch[1]),
                 num_parallel_calls=tf.data.AUTOTUNE)
            .prefetch(tf.data.AUTOTUNE))
