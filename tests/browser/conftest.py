"""Real-browser fixtures: Debian's Chromium through Playwright, built sites served on 127.0.0.1, and a
guard that fails a test on any console error, page error, dialog or request to another host.

Every browser test is skipped, with the reason, where Chromium is not installed (`.ci/run` installs it,
so in CI they run). The sites are built once per session, in-process, from copies of the inputs.
"""

from __future__ import annotations

import functools
import shutil
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import pytest

from tests.conftest import ROOT, make_project, settings_for, shared

if TYPE_CHECKING:
    from playwright.sync_api import Browser, ConsoleMessage, Dialog, Page, Request, Response, Route, WebError

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",  # CI runs as root
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    # Without these Chromium calls Google's hosts on its own, which the guard would report.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOTS = ROOT / "test-output" / "screenshots"
"""Kept as CI output (test-output/ is ignored by git)."""
STORY_SAMPLE = 20
"""How many White House articles join the seed: the shortest of November 2023 that mention hostages."""
EXTRA_HOSTILE = Path(__file__).parent / "hostile_extra"
"""Hostile articles written for this project's templates (e.g. a headline that closes <title>)."""
LOCAL_SCHEMES = {"data", "blob", "about"}


def chromium_executable() -> str | None:
    if Path(CHROMIUM).is_file():
        return CHROMIUM
    return shutil.which("chromium")


@pytest.fixture(scope="session")
def chromium() -> str:
    """The Chromium to drive, or skip every browser test (nothing is built) where there is none."""
    executable = chromium_executable()
    if executable is None:
        pytest.skip(f"needs Chromium at {CHROMIUM} (apt-get install chromium; .ci/run installs it)")
    return executable


@pytest.fixture(scope="session")
def browser(chromium: str) -> Iterator[Browser]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


SERIES_ARTICLES = ("release-of-hostages", "extension-of-humanitarian-pause", "release-of-american-hostage")
"""Words of the file names of the President's texts on the releases of 24, 27 and 29 November, whose
figures make the "hostages released" chart (a series needs figures on several dates)."""


def story_sample(corpus: Path, count: int = STORY_SAMPLE) -> list[Path]:
    """The `count` shortest November 2023 articles that mention hostages, and the texts whose figures make a
    chart: the truce story, built in seconds."""
    november = [p for p in sorted(corpus.glob("*_2023-11-*.md")) if "hostage" in p.read_text("utf-8").lower()]
    shortest = sorted(november, key=lambda p: (p.stat().st_size, p.name))[:count]
    charted = [p for p in november if any(words in p.name for words in SERIES_ARTICLES) and p not in shortest]
    return shortest + charted


@pytest.fixture(scope="session")
def story_site(chromium: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """seeds/ plus White House articles of November 2023, built once; returns the site folder."""
    from generator.build import build

    corpus = shared("corpus/whitehouse-2023")
    root = make_project(tmp_path_factory.mktemp("story-site"))
    for article in story_sample(corpus):
        shutil.copy(article, root / "seeds" / article.name)
    report = build(settings_for(root))
    assert report.problems == [], report.problems
    return root / "site"


@pytest.fixture(scope="session")
def hostile_site(chromium: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every file of ../shared/hostile/articles (and hostile_extra/), built once; some are rejected."""
    from generator.build import build

    hostile = shared("hostile/articles")
    root = make_project(tmp_path_factory.mktemp("hostile-site"), seed=False)
    for article in [*sorted(hostile.iterdir()), *sorted(EXTRA_HOSTILE.glob("*.txt"))]:
        if article.is_file():
            shutil.copy(article, root / "seeds" / article.name)
    report = build(settings_for(root))
    assert report.problems, "the hostile set has files that must be rejected"
    assert report.site_built
    return root / "site"


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):  # the browser closing a connection is normal
            super().handle_error(request, client_address)


@contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve `folder` on 127.0.0.1 on a free port, in a thread; yields the base URL (ends with /)."""
    server = _Server(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, name=f"serve {folder}", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@pytest.fixture(scope="session")
def story_url(story_site: Path) -> Iterator[str]:
    with serve(story_site) as url:
        yield url


@pytest.fixture(scope="session")
def hostile_url(hostile_site: Path) -> Iterator[str]:
    with serve(hostile_site) as url:
        yield url


@dataclass
class Guard:
    """What pages did that they must not: console errors, uncaught errors, dialogs, requests elsewhere."""

    problems: list[str] = field(default_factory=list)

    def on_console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            where = message.location.get("url") or (message.page.url if message.page else "?")
            self.problems.append(f"console error on {where}: {message.text}")

    def on_page_error(self, error: WebError) -> None:
        where = error.page.url if error.page else "?"
        self.problems.append(f"page error on {where}: {error.error.name}: {error.error.message}")

    def on_dialog(self, dialog: Dialog) -> None:
        where = dialog.page.url if dialog.page else "?"
        self.problems.append(f"{dialog.type} dialog on {where}: {dialog.message!r}")
        dialog.dismiss()

    def on_request(self, request: Request) -> None:
        if not is_local(request.url):
            self.problems.append(f"request to another host from {request.frame.url}: {request.url}")

    def take(self) -> list[str]:
        """The problems so far (each once), forgetting them."""
        problems, self.problems = list(dict.fromkeys(self.problems)), []
        return problems


def is_local(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in LOCAL_SCHEMES or (parts.scheme in {"http", "https"} and parts.hostname == "127.0.0.1")


def _stay_local(route: Route) -> None:
    if is_local(route.request.url):
        route.fallback()
    else:
        route.abort("blockedbyclient")  # never reaches the network; the guard has recorded it


@dataclass
class Browse:
    """One guarded page of a served site."""

    page: Page
    base: str
    guard: Guard

    def goto(self, path: str) -> Response:
        response = self.page.goto(self.base + path, wait_until="load")
        assert response is not None and response.ok, f"{path}: {response.status if response else 'no response'}"
        return response

    def settle(self) -> None:
        """Wait until the page has stopped loading (Material's search worker fetches its index late)."""
        self.page.wait_for_load_state("networkidle")

    def assert_clean(self) -> None:
        self.settle()
        problems = self.guard.take()
        assert not problems, "\n".join(problems)

    def screenshot(self, name: str) -> Path:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        self.page.screenshot(path=path, full_page=True)
        return path


@contextmanager
def guarded(browser: Browser, base: str) -> Iterator[Browse]:
    """A fresh browser context whose every page is watched; fails on leftover problems when closed."""
    guard = Guard()
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.on("console", guard.on_console)
    context.on("weberror", guard.on_page_error)
    context.on("dialog", guard.on_dialog)
    context.on("request", guard.on_request)
    context.route("**/*", _stay_local)
    try:
        yield Browse(context.new_page(), base, guard)
        problems = guard.take()
        assert not problems, "\n".join(problems)
    finally:
        context.close()


@pytest.fixture
def story(browser: Browser, story_url: str) -> Iterator[Browse]:
    """A guarded page on the story site."""
    with guarded(browser, story_url) as browse:
        yield browse
