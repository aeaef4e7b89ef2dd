"""Long lists are cut in pages: statements by speaker, the timeline by month, articles, figures and
entities by letter, so that no page grows with the collection."""

from __future__ import annotations

import re
from typing import Any

import pytest

import generator.render
from generator.render import gather, page_count
from generator.render.model import ArticleFacts
from tests.render.test_collection_pages import article_facts, person, render_site

ROWS = 3


@pytest.fixture(autouse=True)
def small_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(generator.render, "PAGE_ROWS", ROWS)
    monkeypatch.setattr(generator.render, "ENTITY_ROWS", 2)


def statement(number: int, speaker: str = "ghazi-hamad") -> dict[str, Any]:
    return {
        "id": f"statement-{number}",
        "speaker": speaker,
        "speaker_text": "Hamad",
        "cue": "said",
        "content": f"point number {number} stands",
        "kind": "indirect",
        "sentence": "s1",
        "confidence": 0.8,
    }


def days(count: int, month: str = "2023-11", **extra: Any) -> list[ArticleFacts]:
    return [
        article_facts(f"{month}-{day:02d}", entities=[person("ghazi-hamad", "Ghazi Hamad")], **extra)
        for day in range(1, count + 1)
    ]


def statements_on(page: str) -> list[str]:
    return re.findall(r"point number (\d+) stands", page)


def test_a_speakers_statements_are_on_pages_of_their_own_linked_in_order() -> None:
    pages = render_site(days(3, statements=[statement(1), statement(2)]))
    first, second = pages["statements/ghazi-hamad/index.md"], pages["statements/ghazi-hamad/2.md"]
    assert len(statements_on(first)) == ROWS and len(statements_on(second)) == 3
    assert "[2](../../statements/ghazi-hamad/2.md)" in first
    assert "[1](../../statements/ghazi-hamad/index.md)" in second
    index = pages["statements/index.md"]
    assert "[Ghazi Hamad](../statements/ghazi-hamad/index.md) | 6 | 2023\\-11\\-03" in index


def test_the_statements_index_lists_speakers_by_how_much_they_said() -> None:
    more = [*days(2, statements=[statement(1, "abbas-kamel")])]
    for item in more:
        item.facts["entities"].append(person("abbas-kamel", "Abbas Kamel"))
    single = article_facts("2023-10-01", entities=[person("ghazi-hamad", "Ghazi Hamad")], statements=[statement(9)])
    index = render_site([*more, single])["statements/index.md"]
    assert index.index("Abbas Kamel") < index.index("Ghazi Hamad")


def test_the_timeline_is_a_page_per_month() -> None:
    pages = render_site([*days(2, "2023-11"), *days(4, "2023-12")])
    assert "[2023\\-12](../timeline/2023-12/index.md) | 4" in pages["timeline/index.md"]
    assert pages["timeline/index.md"].index("2023\\-12") < pages["timeline/index.md"].index("2023\\-11")
    assert "2023\\-12\\-04" in pages["timeline/2023-12/index.md"]
    assert "2023\\-12\\-01" in pages["timeline/2023-12/2.md"]
    assert "2023\\-11" not in pages["timeline/2023-12/index.md"].split("All months", 1)[1]


def test_articles_and_figures_continue_on_numbered_pages() -> None:
    pages = render_site(days(7))
    assert {"articles/page/2.md", "articles/page/3.md"} <= pages.keys()
    assert pages["articles/page/3.md"].count("| 2023") == 1


def test_a_long_entity_list_is_indexed_by_initial() -> None:
    names = ["Abbas Kamel", "Amal Saad", "Bassem Naim", "Basel Ali", "Omar Sharif"]
    items = [
        article_facts(f"2023-11-0{n + 1}", entities=[person(name.lower().replace(" ", "-"), name)], name=f"s{n}")
        for n, name in enumerate(names)
    ]
    pages = render_site(items)
    index = pages["people/index.md"]
    assert "[A](../people/letter/a/index.md) (2)" in index and "[O](../people/letter/o/index.md) (1)" in index
    assert "Bassem Naim" in pages["people/letter/b/index.md"]
    assert "Amal Saad" not in pages["people/letter/b/index.md"]


def test_a_long_entity_page_shows_the_latest_and_links_to_all_statements() -> None:
    pages = render_site(days(3, statements=[statement(1), statement(2)]))
    entity = pages["people/ghazi-hamad.md"]
    assert len(statements_on(entity)) == 2
    assert "[All 6 statements by Ghazi Hamad](../statements/ghazi-hamad/index.md)" in entity
    assert "… and 1 older articles" in entity


def test_page_count_counts_the_paginated_pages() -> None:
    items = days(7, statements=[statement(1), statement(2)])
    assert len(render_site(items)) == page_count(gather(items))


def test_a_long_series_is_charted_by_its_latest_reports_and_in_full_on_pages_of_its_own(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(generator.render, "CHART_POINTS", 2)
    items = [article_facts(f"2023-11-{day:02d}", [(10 + day, "hostages", "released")]) for day in range(1, 8)]
    pages = render_site(items)
    charts = pages["figures/charts.md"]
    assert charts.count('class="fs-point') == 2  # the latest two of seven
    assert "The latest 2 of 7 reports." in charts
    series_pages = sorted(p for p in pages if p.startswith("figures/series/hostage-released/"))
    assert series_pages == [
        "figures/series/hostage-released/2.md",
        "figures/series/hostage-released/3.md",
        "figures/series/hostage-released/index.md",
    ]
    drawn = [pages[p].count('class="fs-point') for p in series_pages]
    tabled = [len(re.findall(r"^\| 2023\\-11\\-\d\d \|", pages[p], re.M)) for p in series_pages]
    assert sum(drawn) == sum(tabled) == 7  # every report is charted and tabled once, ROWS to a page
    assert len(pages) == page_count(gather(items))
