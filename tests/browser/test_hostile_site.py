"""Every page built from the hostile articles, opened in Chromium: nothing from the input runs.

Fails on any dialog (an injected `alert`), console error, page error or request to another host, and,
without a browser, on any <script> that is not one of Material's own.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from tests.browser.conftest import guarded

pytestmark = pytest.mark.browser


def html_pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))


ACTIVE_MARKUP = """() => [...document.querySelectorAll("*")].flatMap((el) => [
    ...(["IFRAME", "OBJECT", "EMBED"].includes(el.tagName) ? [`<${el.tagName.toLowerCase()}> element`] : []),
    ...[...el.attributes]
        .filter((a) => a.name.startsWith("on") || /^\\s*(javascript|vbscript|data):/i.test(a.value))
        .map((a) => `<${el.tagName.toLowerCase()} ${a.name}="${a.value.slice(0, 80)}">`),
])"""
"""Elements and attributes that run code or embed other documents, as the browser built the page's DOM."""


def test_every_hostile_page_runs_nothing_and_loads_nothing_from_elsewhere(
    browser: Browser, hostile_site: Path, hostile_url: str
) -> None:
    pages = html_pages(hostile_site)
    assert any("script" in name for name in pages), "the article with <script> in its title was built"
    problems: list[str] = []
    with guarded(browser, hostile_url) as browse:
        for name in pages:
            response = browse.page.goto(browse.base + name, wait_until="load")
            if response is None or not response.ok:
                problems.append(f"{name}: HTTP {response.status if response else '-'}")
            browse.settle()
            problems.extend(f"{name}: {problem}" for problem in browse.guard.take())
            problems.extend(f"{name}: {element}" for element in browse.page.evaluate(ACTIVE_MARKUP))
    assert not problems, f"{len(problems)} problem(s) on {len(pages)} pages:\n" + "\n".join(problems)


def test_searching_hostile_titles_runs_nothing(browser: Browser, hostile_url: str) -> None:
    """The search page renders results from the Pagefind index, which holds the hostile titles and text."""
    with guarded(browser, hostile_url) as browse:
        browse.goto("search/index.html")
        for query in ["script", "alert", "onerror", "Doha"]:
            search = browse.page.locator("#fs-search-input")
            search.fill(query)
            browse.page.locator("#fs-search-status").filter(has_not_text="Searching").wait_for(state="attached")
            browse.page.wait_for_function(
                "() => document.querySelector('#fs-search-status').textContent !== 'Searching…'"
            )
            browse.settle()
        assert browse.page.locator("#fs-search-results script, #fs-search-results img").count() == 0
        browse.assert_clean()


NORMALISE_BASE = re.compile(r'(new URL\("|"base": "|"search": ")[./]*')
"""Material's inline scripts differ between pages only by the path back to the site's root."""
SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
SRC = re.compile(r"""\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)


def scripts(html: str) -> tuple[set[str], set[str]]:
    """(normalised inline script texts, src attributes) of one page.

    A plain search for <script> finds every one a browser would run, and more (it does not know that
    <title> and <textarea> hold text), so it errs on the side of reporting.
    """
    texts, sources = set(), set()
    for match in SCRIPT.finditer(html):
        src = SRC.search(match[1])
        if src:
            sources.add(next(group for group in src.groups() if group is not None))
        else:
            texts.add(NORMALISE_BASE.sub(r"\1", match[2]))
    return texts, sources


def test_hostile_pages_have_only_the_sites_own_scripts(hostile_site: Path, story_site: Path) -> None:
    """Every <script> is one that a page built from ordinary articles has too, or a file of the site."""
    allowed: set[str] = set()
    for page in story_site.rglob("*.html"):
        allowed |= scripts(page.read_text(encoding="utf-8"))[0]
    site = hostile_site.resolve()
    problems = []
    for name in html_pages(site):
        page = site / name
        texts, sources = scripts(page.read_text(encoding="utf-8"))
        problems += [f"{name}: inline script {text[:80]!r}" for text in sorted(texts - allowed)]
        for src in sorted(sources):
            target = (site / src.lstrip("/") if src.startswith("/") else page.parent / src).resolve()
            if re.match(r"^([a-z][a-z0-9+.-]*:|//)", src, re.IGNORECASE) or not target.is_relative_to(site):
                problems.append(f"{name}: script from outside the site: {src}")
            elif not target.is_file():
                problems.append(f"{name}: script file missing: {src}")
    assert not problems, "\n".join(problems)
