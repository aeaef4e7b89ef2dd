"""Chart series: one measure of one kind of event in one place, each sentence counted once."""

from __future__ import annotations

from typing import Any

from generator.render import gather
from generator.render.charts import figure_series
from tests.render.test_collection_pages import article_facts


def place(entity_id: str, name: str) -> dict[str, Any]:
    return {"id": entity_id, "name": name, "type": "place", "aliases": [], "sentences": ["s1"], "confidence": 0.7}


def test_deaths_in_two_places_are_two_lines() -> None:
    items = [
        article_facts(day, [(value, "people", "killed")], [place(pid, pname)], name=pid)
        for day, value, pid, pname in [
            ("2023-11-01", 120, "west-bank", "West Bank"),
            ("2023-11-08", 190, "west-bank", "West Bank"),
            ("2023-11-15", 275, "west-bank", "West Bank"),
            ("2023-11-01", 1400, "israel", "Israel"),
            ("2023-11-08", 1200, "israel", "Israel"),
            ("2023-11-15", 1300, "israel", "Israel"),
        ]
    ]
    series = {s.label: sorted(p.value for p in s.points) for s in figure_series(gather(items))}
    assert series == {
        "people killed in West Bank": [120, 190, 275],
        "people killed in Israel": [1200, 1300, 1400],
    }


def test_a_text_posted_twice_counts_once() -> None:
    items = [
        article_facts("2023-11-24", [(60, "trucks", "entered")], name="gaggle"),
        article_facts("2023-11-24", [(60, "trucks", "entered")], name="gaggle-copy"),
        article_facts("2023-11-25", [(80, "trucks", "entered")]),
        article_facts("2023-11-26", [(100, "trucks", "entered")]),
    ]
    [series] = figure_series(gather(items))
    assert sorted(p.value for p in series.points) == [60, 80, 100]


def test_where_a_change_started_is_not_a_point_of_its_day() -> None:
    items = [
        article_facts(day, [(value, "trucks", "entered")], name=day)
        for day, value in [("2023-11-24", 60), ("2023-11-25", 80)]
    ]
    items.append(article_facts("2023-11-26", [(30, "trucks", "entered"), (100, "trucks", "entered")], name="change"))
    start, end = items[-1].facts["figures"]
    start.update(qualifier="from", text="30 trucks to 100 trucks")
    end.update(qualifier="to", text="30 trucks to 100 trucks")
    [series] = figure_series(gather(items))
    assert sorted(p.value for p in series.points) == [60, 80, 100]
