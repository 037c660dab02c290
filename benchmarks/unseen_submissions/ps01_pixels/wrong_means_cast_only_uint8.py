"""Casts to float32 only when the batch is uint8, so other dtypes (int32, float64) come back in their own dtype.

expect: test_channel_means
"""
# %% channel_means
def channel_means(batch):
    """Return the float32 mean of each channel of `batch` (N, H, W, C), shape (C,)."""
    batch = tf.convert_to_tensor(batch)
    if batch.dtype == tf.uint8:
        batch = tf.cast(batch, tf.float32)
    return tf.reduce_mean(batch, axis=[0, 1, 2])
