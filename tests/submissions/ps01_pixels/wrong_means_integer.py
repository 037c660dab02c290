"""Calls tf.reduce_mean on the uint8 batch, which averages in integers (25.25 becomes 25).

expect: test_channel_means
"""
# %% channel_means
def channel_means(batch):
    return tf.cast(tf.reduce_mean(tf.constant(batch), axis=[0, 1, 2]), tf.float32)
