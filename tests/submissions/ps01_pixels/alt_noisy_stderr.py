"""Correct, but warns and writes to stderr: TensorFlow-style noise must never cost points.

expect: full
"""
# %% to_float01
def to_float01(images):
    import sys
    import warnings

    warnings.warn("to_float01: converting to float32", UserWarning, stacklevel=2)
    print("W0000 00:00:1700000000.000000 noisy.cc:1] a log line on stderr", file=sys.stderr)
    return tf.cast(images, tf.float32) / 255.0
