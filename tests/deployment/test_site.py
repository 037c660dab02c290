"""The course as a website: `bash course.sh site DIR` builds it once for this file (the lessons
executed in fast mode: lesson 1 by the build, the others taken from this test run's own runs,
tests/lesson_runs.py), a loopback HTTP server serves DIR/html, and headless Chromium reads it as
a visitor would, with every request that leaves 127.0.0.1 refused (the site must render offline).
The start page opens first and its link leads to lesson 1; the navigation lists every lesson and
problem set in course order; every lesson shows its figures; the problem sets are the student
versions; the search box finds a term. A second build takes the lessons from the cache.

Like tests/deployment/test_browser.py, this skips on a laptop without Chromium and fails in CI
(AUGCOURSE_REQUIRE_SYSTEM=1). A screenshot of lesson 4 goes to results/browser/.
"""

import json
import os
import re
import runpy
import subprocess
import sys
import time
from urllib.parse import urlparse

import nbformat
import pytest

from course_harness import BIN, REPO
from lesson_runs import environment_kept
from services import SHOTS, free_port, new_page, require_chromium, server

LESSONS = sorted((REPO / "lessons").glob("*.ipynb"))
PROBLEM_SETS = sorted((REPO / "exercises").glob("*/*.ipynb"))
MARKERS = ("BEGIN SOLUTION", "END SOLUTION", "BEGIN HIDDEN TESTS", "### BEGIN", "### END")


def build(out):
    """Run the real command; return its wall time in seconds."""
    env = dict(os.environ, AUGCOURSE_VENV=str(BIN.parent))
    start = time.monotonic()
    proc = subprocess.run(["bash", "course.sh", "site", str(out)], cwd=REPO, env=env, text=True,
                          capture_output=True, timeout=1200)
    assert proc.returncode == 0, (proc.stdout + proc.stderr)[-6000:]
    return time.monotonic() - start


def cache_records(out):
    from jupyter_cache import get_cache

    return {(r.uri, r.pk, r.created) for r in get_cache(out / ".jupyter_cache")
            .list_cache_records()}


def seed_cache(out, lessons, executed_lesson):
    """Put ``lessons``, executed by this test run (tests/lesson_runs.py), into the site's
    jupyter-cache, so that the build shows their outputs without running them again.

    jupyter-cache matches a notebook by its code cells with their metadata and the notebook's
    kernelspec, so each entry is the lesson as it is on disk with the executed outputs put in.
    """
    from jupyter_cache import get_cache
    from jupyter_cache.base import CacheBundleIn

    with environment_kept():  # site/conf.py sets the lessons' environment when it is read
        fingerprint = runpy.run_path(str(REPO / "site" / "conf.py"))["helpers_fingerprint"]()
    (out / ".jupyter_cache.augcourse").write_text(fingerprint)  # as conf.py stamps its cache
    cache = get_cache(out / ".jupyter_cache")
    for lesson in lessons:
        notebook = nbformat.read(lesson, as_version=4)
        executed = executed_lesson(lesson)
        notebook.metadata["language_info"] = executed.metadata["language_info"]
        for cell, run in zip(notebook.cells, executed.cells, strict=True):
            if cell.cell_type == "code":
                cell.outputs, cell.execution_count = run.outputs, run.execution_count
        cache.cache_notebook_bundle(CacheBundleIn(notebook, str(lesson)))


@pytest.fixture(scope="module")
def site(tmp_path_factory, executed_lesson):
    """(base URL, build folder) of the site built by `bash course.sh site`, served on
    loopback. Every lesson but the first comes executed from this test run (tests/lesson_runs.py,
    shared with tests/notebooks/test_lessons.py); the build runs lesson 1 itself, so that its own
    way of executing lessons is tested too."""
    require_chromium()  # before the build: skip (laptop) or fail (CI) at once
    out = tmp_path_factory.mktemp("site")
    # last lesson first: when tests/notebooks/test_lessons.py runs at the same time on another
    # worker, the two run different lessons instead of one waiting for the other
    seed_cache(out, LESSONS[1:][::-1], executed_lesson)
    seconds = build(out)
    SHOTS.mkdir(parents=True, exist_ok=True)
    (SHOTS.parent / "site_build_seconds.txt").write_text(
        f"first build (lesson 1 executed, the other lessons from the test run): {seconds:.0f} s\n")
    port = free_port()
    command = [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1",
               "--directory", str(out / "html")]
    with server(command, port, out, dict(os.environ), out / "http.log", what="http.server"):
        yield f"http://127.0.0.1:{port}", out


@pytest.fixture
def page(browser, request):
    """A page that may load only from 127.0.0.1; it lists in ``page.refused`` what it asked
    for elsewhere."""
    page = new_page(browser)
    page.refused = []

    def offline(route):
        url = route.request.url
        if urlparse(url).hostname in ("127.0.0.1", "localhost") or url.startswith("data:"):
            route.continue_()
        else:
            page.refused.append(url)
            route.abort()

    page.route("**/*", offline)
    yield page
    page.screenshot(path=SHOTS / f"site_{request.node.name}.png")
    page.context.close()


def title(notebook):
    """The first heading of a notebook's first markdown cell."""
    cells = json.loads(notebook.read_text())["cells"]
    text = "".join(next(c for c in cells if c["cell_type"] == "markdown")["source"])
    return re.search(r"^# (.+)$", text, flags=re.M).group(1).strip()


def article_text(page):
    return page.locator("article.bd-article").inner_text()


def test_the_site_opens_on_the_start_page_with_every_page_in_course_order(site, page):
    base, _ = site
    page.goto(f"{base}/")  # index.html sends the visitor to the root of the toc
    page.wait_for_url(f"{base}/START.html")
    assert page.locator("article h1").first.inner_text().strip().startswith(title(
        REPO / "START.ipynb"))
    links = page.locator("nav.bd-docs-nav li.toctree-l1 > a")
    hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
    expected = (["#"] + [f"lessons/{p.stem}.html" for p in LESSONS]
                + [f"exercises/{p.parent.name}/{p.stem}.html" for p in PROBLEM_SETS])
    assert hrefs == expected, "the navigation lacks a page or has them out of course order"
    captions = page.locator("nav.bd-docs-nav p.caption").all_inner_texts()
    assert [c.strip() for c in captions] == ["Lessons", "Problem sets (student versions)"]
    assert not page.refused, f"the start page asked the network for {page.refused}"


def test_a_link_on_the_start_page_opens_lesson_1(site, page):
    base, _ = site
    page.goto(f"{base}/START.html")
    page.locator("article.bd-article").get_by_role("link", name="Lesson 1: pixels").click()
    page.wait_for_url(f"{base}/lessons/01_pixels.html")
    assert page.locator("article h1").first.inner_text().strip().startswith(
        title(LESSONS[0]))
    problem_set = page.locator("nav.bd-docs-nav").get_by_role("link", name="Problem set 1")
    assert problem_set.get_attribute("href") == "../exercises/ps01_pixels/ps01_pixels.html"


@pytest.mark.parametrize("lesson", LESSONS, ids=[p.stem for p in LESSONS])
def test_every_lesson_page_shows_its_figures(site, page, lesson):
    base, _ = site
    page.goto(f"{base}/lessons/{lesson.stem}.html")
    page.wait_for_load_state("load")
    assert page.locator("article h1").first.inner_text().strip().startswith(title(lesson))
    if lesson.stem.startswith("04_"):  # for the record: the page as a visitor opens it
        page.screenshot(path=SHOTS / "site_lesson_04.png")
    figures = page.locator("article .cell_output img")
    assert figures.count() >= 1, "no figure among the lesson's outputs"
    for i in range(figures.count()):
        figure = figures.nth(i)
        figure.scroll_into_view_if_needed()
        drawn = figure.evaluate("img => img.complete && img.naturalWidth > 0")
        assert drawn, f"figure {i} ({figure.get_attribute('src')}) did not load"
    assert page.locator("article .cell_output .output.traceback").count() == 0
    assert not page.refused, f"{lesson.stem} asked the network for {page.refused}"
    if lesson.stem.startswith("04_"):  # and at its first figure
        figures.first.scroll_into_view_if_needed()
        page.screenshot(path=SHOTS / "site_lesson_04_figure.png")


def test_lessons_ran_in_fast_mode(site, page):
    base, _ = site
    page.goto(f"{base}/lessons/08_overfitting.html")
    assert "scale: small" in article_text(page)


@pytest.mark.parametrize("notebook", PROBLEM_SETS, ids=[p.stem for p in PROBLEM_SETS])
def test_problem_set_pages_are_the_student_versions(site, page, notebook):
    base, _ = site
    page.goto(f"{base}/exercises/{notebook.parent.name}/{notebook.stem}.html")
    assert page.locator("article h1").first.inner_text().strip().startswith(title(notebook))
    text = article_text(page)
    assert "YOUR CODE HERE" in text and "raise NotImplementedError" in text
    assert not [m for m in MARKERS if m in page.content()], "an instructor's marker is shown"
    assert page.locator("article .cell_output").count() == 0, "a problem set was executed"


def test_nothing_of_the_instructor_version_is_in_the_site(site):
    _, out = site
    html = out / "html"
    assert not (html / "source").exists() and not (html / "solutions").exists()
    leaks = [str(p.relative_to(html)) for p in html.rglob("*")
             if p.is_file() and p.suffix in (".html", ".js", ".txt", ".ipynb")
             and any(m in p.read_text(errors="replace") for m in MARKERS)]
    assert not leaks, f"instructors' markers in {leaks}"


def test_the_search_box_finds_cutmix(site, page):
    base, _ = site
    page.goto(f"{base}/START.html")
    page.locator("article.bd-article").wait_for()
    page.locator(".bd-sidebar-primary .search-button__button").click()
    box = page.locator("#pst-search-dialog input[type=search]")
    box.fill("CutMix")
    box.press("Enter")
    page.wait_for_url(re.compile(r"/search\.html\?q=CutMix"))
    results = page.locator("#search-results ul.search li a")
    results.first.wait_for()
    targets = [results.nth(i).get_attribute("href") for i in range(results.count())]
    assert any("lessons/06_mixing.html" in t for t in targets), targets
    assert not page.refused, f"the search asked the network for {page.refused}"


def test_a_second_build_takes_the_lessons_from_the_cache(site):
    """Runs last: it rebuilds the pages (not the cache) into the folder the server serves."""
    _, out = site
    before = cache_records(out)
    assert len(before) == len(LESSONS), "the cache does not hold every lesson once"
    for folder in ("html", "jupyter_execute"):
        subprocess.run(["rm", "-rf", str(out / folder)], check=True)
    seconds = build(out)
    with open(SHOTS.parent / "site_build_seconds.txt", "a") as record:
        record.write(f"warm cache, every page read again: {seconds:.0f} s\n")
    assert cache_records(out) == before, (
        "a lesson was executed again (expected only if augcourse/ or requirements.txt changed "
        "during the test: site/conf.py then empties the cache)")
    for lesson in LESSONS:
        assert "cell_output" in (out / "html" / "lessons" / f"{lesson.stem}.html").read_text()
