"""Charts people can read: a figure the article gives as "more than" or "about" is drawn apart from an
exact one, every point links to its sentence, and the axis starts at zero."""

from __future__ import annotations

from bs4 import BeautifulSoup

from generator.render import gather
from generator.render.charts import figure_series, svg_chart
from tests.render.test_collection_pages import article_facts


def chart() -> BeautifulSoup:
    items = [
        article_facts("2023-11-24", [(13, "hostages", "released")], name="a"),
        article_facts("2023-11-26", [(39, "hostages", "freed")], name="b"),
        article_facts("2023-11-28", [(60, "hostages", "released")], name="c"),
    ]
    items[1].facts["figures"][0]["qualifier"] = "more than"
    [series] = figure_series(gather(items))
    return BeautifulSoup(svg_chart(series, "../"), "html.parser")


def test_a_more_than_figure_is_a_hollow_point_and_says_so() -> None:
    points = chart().select("a.fs-point")
    approximate = [p for p in points if "fs-approx" in p["class"]]
    assert len(points) == 3 and len(approximate) == 1
    assert "more than 39" in approximate[0]["aria-label"]


def test_every_point_links_to_its_sentence_and_the_axis_starts_at_zero() -> None:
    soup = chart()
    assert all("#fs-s1" in str(a["href"]) for a in soup.select("a.fs-point"))
    assert "0" in [t.get_text() for t in soup.select("text.fs-axis")]
