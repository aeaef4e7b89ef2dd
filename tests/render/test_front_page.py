"""The front page: figure series with their latest value and trend, the people most involved with
their latest title, the latest statements and the dates the articles mark; no lone figures."""

from __future__ import annotations

from tests.render.test_collection_pages import article_facts, person, render_site


def test_the_front_page_shows_each_series_latest_value_and_trend_but_no_lone_figure() -> None:
    home = render_site(
        [
            article_facts("2023-11-24", [(13, "hostages", "released")], name="a"),
            article_facts("2023-11-26", [(39, "hostages", "freed"), (4, "children", "has")], name="b"),
            article_facts("2023-11-28", [(60, "hostages", "released")], name="c"),
        ]
    )["index.md"]
    assert "| [Hostages released](figures/charts.md#hostage-released) | 60 | 2023\\-11\\-28 | ▲ up 21 | 3 |" in home
    assert "children" not in home


def test_the_front_page_names_the_people_most_involved_with_their_latest_title() -> None:
    hamad = person("ghazi-hamad", "Ghazi Hamad")
    older = article_facts(
        "2023-11-01",
        entities=[hamad],
        name="a",
        roles=[{"id": "r1", "entity": "ghazi-hamad", "title": "spokesman", "sentence": "s1", "confidence": 0.8}],
    )
    newer = article_facts(
        "2023-11-20",
        entities=[hamad],
        name="b",
        roles=[{"id": "r2", "entity": "ghazi-hamad", "title": "deputy head", "sentence": "s1", "confidence": 0.8}],
    )
    home = render_site([older, newer])["index.md"]
    assert "| [Ghazi Hamad](people/ghazi-hamad.md) | deputy head | 2 |" in home


def test_the_front_page_lists_the_latest_dates_the_articles_mark_linked_to_their_month() -> None:
    item = article_facts("2023-11-29", name="a")
    item.facts["dates"] = [{"id": "d1", "date": "2023-11-24", "text": "Friday", "sentence": "s1"}]
    home = render_site([item])["index.md"]
    assert "[2023\\-11\\-24](timeline/2023-11/index.md) — Hamas freed 12 hostages\\." in home
