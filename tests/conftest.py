"""Tests marked slow run only when asked for: ``bash course.sh test -m slow``. The browser
tests share one headless Chromium per test file (``browser``)."""

import pytest


def pytest_collection_modifyitems(config, items):
    if "slow" in (config.getoption("-m") or ""):
        return
    skip = pytest.mark.skip(reason="slow: run on purpose with -m slow")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="module")
def browser():
    from services import launch_chromium

    with launch_chromium() as chromium:
        yield chromium
