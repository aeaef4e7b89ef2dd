"""The story site's own pages in Chromium: the front page, a chart point reaching its sentence, and
phones (390 px wide), where wide tables scroll inside their box instead of widening the page."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, expect

from tests.browser.conftest import Browse, guarded

pytestmark = pytest.mark.browser

PHONE_WIDTH = 390


def test_the_front_page_shows_the_figure_series_and_the_people(story: Browse) -> None:
    story.goto("figures/charts.html")
    charts = story.page.locator("figure.fs-chart").count()
    story.goto("")
    article = story.page.locator("article")
    heading = article.locator("h2", has_text="The figures over time")
    if charts:  # every series charted is on the front page, linked to its chart
        expect(heading).to_be_visible()
        series = article.locator("table").first.locator("tbody tr")
        assert series.count() == charts
        expect(series.first.locator("a")).to_have_attribute("href", re.compile(r"figures/charts\.html#"))
    else:
        expect(heading).to_have_count(0)
    expect(article.locator("h2", has_text="The people most involved")).to_be_visible()
    people = article.locator("h2", has_text="The people most involved").locator("xpath=following::table[1]")
    people = people.locator("tbody tr")
    assert people.count() >= 3
    for row in range(people.count()):
        expect(people.nth(row).locator("a").first).to_have_attribute("href", re.compile(r"^people/[^/]+\.html$"))
    story.assert_clean()


def test_a_chart_point_leads_to_its_sentence(story: Browse) -> None:
    story.goto("figures/charts.html")
    if not story.page.locator("figure.fs-chart a.fs-point").count():
        pytest.skip("the story sample has no figure series under the current grouping (issue 13)")
    point = story.page.locator("figure.fs-chart a.fs-point").first
    href = point.get_attribute("href") or ""
    anchor = href.rsplit("#", 1)[1]
    assert anchor.startswith("fs-s"), href
    point.click()
    expect(story.page).to_have_url(re.compile(r"/articles/[^/]+\.html#fs-s\d+$"))
    expect(story.page.locator(f"span.fs-sentence#{anchor}")).to_be_visible()
    story.assert_clean()


@pytest.mark.parametrize(
    "path",
    [
        "",
        "statements/index.html",
        "figures/index.html",
        "figures/charts.html",
        "timeline/index.html",
        "search/index.html",
    ],
)
def test_at_390_px_nothing_is_wider_than_the_screen(browser: Browser, story_url: str, path: str) -> None:
    with guarded(browser, story_url) as browse:
        browse.page.set_viewport_size({"width": PHONE_WIDTH, "height": 844})
        browse.goto(path)
        browse.settle()
        width = browse.page.evaluate("() => document.documentElement.scrollWidth")
        assert width <= PHONE_WIDTH, f"{path or 'home'} is {width} px wide"
        tables = browse.page.locator("article table")
        for index in range(tables.count()):
            box = tables.nth(index).evaluate(
                "t => { const b = t.closest('.md-typeset__table') || t.parentElement;"
                " return b.getBoundingClientRect().right; }"
            )
            assert box <= PHONE_WIDTH + 0.5, f"{path}: table {index} ends at {box} px"
