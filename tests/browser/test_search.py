"""Search with Pagefind in Chromium: people first, facts linking to their sentence, the index fetched
in pieces from the site itself, and a clear message where search cannot work (a page opened from disk)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from tests.browser.conftest import Browse

pytestmark = pytest.mark.browser


def search(browse: Browse, query: str) -> None:
    browse.goto("search/index.html")
    browse.page.locator("#fs-search-input").fill(query)
    browse.page.locator(".fs-search-result").first.wait_for(state="visible")


def test_a_persons_name_finds_their_page_first(story: Browse) -> None:
    search(story, "Barnea")
    first = story.page.locator(".fs-search-result").first
    expect(first.locator(".fs-search-kind")).to_have_text("Person")
    expect(first.locator("a").first).to_have_attribute("href", re.compile(r"people/david-barnea\.html$"))
    story.assert_clean()


def test_a_fact_result_names_its_kind_and_opens_its_sentence(story: Browse) -> None:
    search(story, "Barnea")
    fact = story.page.locator(".fs-search-facts a", has_text="Role · David Barnea").first
    expect(fact).to_be_visible()
    fact.click()
    expect(story.page).to_have_url(re.compile(r"/articles/[^/]+\.html#fs-s\d+$"))
    anchor = story.page.url.rsplit("#", 1)[1]
    expect(story.page.locator(f"#{anchor}")).to_contain_text("Barnea")
    story.assert_clean()


def test_the_index_comes_in_pieces_from_the_site_itself(story: Browse) -> None:
    fetched: list[str] = []
    story.page.on("requestfinished", lambda request: fetched.append(request.url))
    search(story, "hostages")
    story.settle()
    index = [url for url in fetched if "/pagefind/" in url]
    assert any(url.endswith(".pf_index") for url in index), index
    assert all(url.startswith(story.base) for url in fetched)
    assert not any("search_index.json" in url for url in fetched)
    story.assert_clean()


def test_opened_from_the_disk_the_search_page_says_it_needs_a_server(browser: Browser, story_site: Path) -> None:
    page = browser.new_page()  # not guarded: the guard counts file:// as another host
    try:
        page.goto((story_site / "search" / "index.html").as_uri())
        expect(page.locator("#fs-search-status")).to_contain_text("Search needs the site to be served")
        expect(page.locator("#fs-search-input")).to_be_disabled()
    finally:
        page.close()
