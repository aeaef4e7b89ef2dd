"""The guard itself: a page that misbehaves in every way the browser tests look for is caught each time."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from tests.browser.conftest import guarded
from tests.browser.test_hostile_site import ACTIVE_MARKUP, scripts

pytestmark = pytest.mark.browser

MISBEHAVING = """<!doctype html><title>x</title>
<script>alert("injected")</script>
<script>console.error("boom")</script>
<img src="http://example.com/pixel.png" onerror="void 0">
<a href="javascript:alert(1)">link</a>
<script>throw new Error("thrown")</script>
"""


def test_guard_reports_dialogs_console_and_page_errors_and_other_hosts(browser: Browser) -> None:
    with guarded(browser, "http://127.0.0.1:9/") as browse:
        browse.page.set_content(MISBEHAVING, wait_until="load")
        problems = "\n".join(browse.guard.take())
        markup = browse.page.evaluate(ACTIVE_MARKUP)
    assert "alert dialog on about:blank: 'injected'" in problems
    assert "console error on" in problems and "boom" in problems
    assert "page error on about:blank: Error: thrown" in problems
    assert "request to another host from about:blank: http://example.com/pixel.png" in problems
    assert '<img onerror="void 0">' in markup and '<a href="javascript:alert(1)">' in markup


def test_script_scan_errs_on_the_side_of_reporting() -> None:
    texts, sources = scripts(
        "<title>a <script>alert(1)</script></title><SCRIPT src=//cdn.example/x.js></SCRIPT><script>ok()</script>"
    )
    assert texts == {"alert(1)", "ok()"}
    assert sources == {"//cdn.example/x.js"}
