"""Every claim test starts from the same random state (Python, NumPy, Keras seeded with 0), so
what it measures does not depend on which tests ran before it in the same process (the order
changes when tests run in parallel)."""

import pytest

import augcourse


@pytest.fixture(autouse=True)
def same_random_state():
    augcourse.set_seed(0)
