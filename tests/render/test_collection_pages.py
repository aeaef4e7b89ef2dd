"""Pages made from the whole collection: charts of figures over time, disagreements, the review
queue, downloads, and entities linked across articles on the rendered pages."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Sequence
from typing import Any

from bs4 import BeautifulSoup

from generator.articles import Article
from generator.facts.registry import load_registry
from generator.render import gather, make_environment, render_pages
from generator.render.charts import discrepancies, figure_series, series_label, svg_chart
from generator.render.downloads import facts_json, figures_csv
from generator.render.model import ArticleFacts
from generator.render.review import review
from tests.conftest import ROOT


def article_facts(
    day: str,
    figures: Sequence[tuple[float, str, str | None]] = (),
    entities: list[dict[str, Any]] | None = None,
    name: str = "story",
    **extra: Any,
) -> ArticleFacts:
    """A small article of `day` whose one sentence holds every figure (value, unit, action)."""
    article_id = f"{day}-{name}"
    text = "Hamas freed 12 hostages."
    facts: dict[str, Any] = {
        "article": {"id": article_id, "title": f"Story of {day}", "date": day, "source": f"{day}.txt"},
        "entities": entities or [],
        "roles": extra.get("roles", []),
        "figures": [
            {"id": f"figure-{i}", "value": v, "unit": u, "action": a, "sentence": "s1", "confidence": 0.5 + i / 100}
            for i, (v, u, a) in enumerate(figures)
        ],
        "statements": extra.get("statements", []),
        "dates": [],
        "sentences": [{"id": "s1", "paragraph": 1, "start": 0, "end": len(text), "text": text}],
    }
    article = Article(article_id, f"{day}.txt", f"Story of {day}", dt.date.fromisoformat(day), (text,))
    return ArticleFacts(article, facts, f"{article_id}.yaml", {("figures", "figure-0"): 14})


def test_released_and_freed_hostages_are_one_series_over_the_days() -> None:
    collection = gather(
        [
            article_facts("2023-11-24", [(13, "Israeli hostages", "released")]),
            article_facts("2023-11-26", [(39, "hostages", "freed")]),
            article_facts("2023-11-28", [(60, "hostages", "released"), (5, "days", "held")]),
        ]
    )
    [series] = figure_series(collection)
    assert series.label == "hostages released"
    assert [(p.date, p.value) for p in series.points] == [("2023-11-24", 13), ("2023-11-26", 39), ("2023-11-28", 60)]


def test_figures_without_a_comparable_event_are_not_charted() -> None:
    assert series_label({"unit": "years", "action": "held"}) is None
    assert series_label({"unit": "questions", "action": "have"}) is None
    assert series_label({"unit": "hostages", "action": None}) is None
    assert series_label({"unit": "trucks", "action": "entered"}) == "truck delivered"


def test_chart_is_an_accessible_svg_whose_points_link_to_their_sentences() -> None:
    collection = gather([article_facts(f"2023-11-2{d}", [(10 * d, "hostages", "released")]) for d in (4, 5, 6)])
    [series] = figure_series(collection)
    soup = BeautifulSoup(svg_chart(series, "../"), "html.parser")
    svg = soup.find("svg")
    assert svg is not None and svg["role"] == "img"
    labelled = str(svg["aria-labelledby"]).split()
    assert [getattr(soup.find(id=i), "name", None) for i in labelled] == ["title", "desc"]
    links = [a["href"] for a in svg.find_all("a")]
    assert links == [f"../articles/2023-11-2{d}-story.html#fs-s1" for d in (4, 5, 6)]
    assert not soup.find("script")


def test_chart_text_from_articles_is_escaped() -> None:
    evil = article_facts("2023-11-24", [(1, "<script>alert(1)</script> hostages", "released")])
    others = [article_facts(f"2023-11-2{d}", [(d, "hostages", "released")]) for d in (5, 6)]
    collection = gather([evil, *others])
    [series] = figure_series(collection)
    markup = str(svg_chart(series, "../"))
    assert "<script" not in markup and "&lt;script&gt;" in markup


def test_sources_that_disagree_on_one_date_are_listed_and_qualified_figures_are_not() -> None:
    one = article_facts("2023-11-24", [(13, "hostages", "released")])
    other = article_facts("2023-11-24", [(12, "hostages", "released")], name="other")
    vague = article_facts("2023-11-24", [(10, "hostages", "released")], name="vague")
    vague.facts["figures"][0]["qualifier"] = "more than"
    [found] = discrepancies(gather([one, other, vague]))
    assert (found.series, found.date, [p.value for p in found.points]) == ("hostages released", "2023-11-24", [12, 13])


def test_disagreements_continue_on_further_pages_instead_of_growing_one_page(monkeypatch: Any) -> None:
    import generator.render as render

    monkeypatch.setattr(render, "PAGE_ROWS", 3)
    items = [
        article_facts(f"2023-11-{day}", [(day + value, "hostages", "released")], name=f"source-{value}")
        for day in (24, 25)
        for value in (10, 20, 30)
    ]
    pages = render_site(items)
    shown = [path for path in pages if path.startswith("figures/discrepancies")]
    assert shown == ["figures/discrepancies.md", "figures/discrepancies/2.md"]
    first, second = (BeautifulSoup(pages[path], "html.parser").get_text() for path in shown)
    assert first.count(" hostages |") == 3 and second.count(" hostages |") == 3  # three figures a page
    assert r"Hostages released on 2023\-11\-25" in first and r"Hostages released on 2023\-11\-24" in second
    assert "[2](../figures/discrepancies/2.md)" in first


def test_review_lists_held_back_machine_facts_weakest_first_with_their_line() -> None:
    item = article_facts("2023-11-24", [(13, "hostages", "released"), (2, "trucks", None), (3, "days", None)])
    item.facts["figures"][1]["reviewed"] = True
    item.facts["figures"][2].pop("confidence")  # written by a person
    summary = review(gather([item], min_confidence={"figures": 0.9}))
    assert [(r.section, r.record["id"], r.line) for r in summary.weakest] == [("figures", "figure-0", 14)]
    assert (summary.held_back["figures"], summary.published["figures"], summary.articles) == (1, 2, 1)


def test_downloads_hold_every_figure_and_defuse_spreadsheet_formulas() -> None:
    item = article_facts("2023-11-24", [(13, '=HYPERLINK("http://evil") hostages', "released")])
    collection = gather([item])
    rows = list(csv.DictReader(io.StringIO(figures_csv(collection))))
    assert len(rows) == 1
    assert rows[0]["value"] == "13" and rows[0]["unit"].startswith("'=HYPERLINK")
    document = json.loads(facts_json(collection))
    assert document["articles"][0]["figures"][0]["value"] == 13
    assert "extraction" not in document["articles"][0]


def render_site(
    items: list[ArticleFacts],
    registry_text: str | None = None,
    edit_url: str = "",
    min_confidence: dict[str, float] | None = None,
) -> dict[str, str]:
    templates = {p.name: p.read_text() for p in (ROOT / "templates").glob("*.j2")}
    registry = load_registry(registry_text, "facts/entities.yaml")
    site = {"site_name": "test", "edit_url": edit_url, "facts_dir": "facts"}
    return dict(render_pages(gather(items, registry, min_confidence), make_environment(templates), site))


def person(entity_id: str, name: str) -> dict[str, Any]:
    return {"id": entity_id, "name": name, "type": "person", "aliases": [], "sentences": ["s1"], "confidence": 0.7}


def test_registry_rename_and_merge_show_on_every_page() -> None:
    items = [
        article_facts("2023-11-24", entities=[person("hamad", "Hamad")]),
        article_facts("2023-11-25", entities=[person("ghazi-hamad", "Ghazi Hamad")]),
    ]
    registry = (
        "entities:\n- id: ghazi-hamad\n  name: Ghazi Hamad\n  type: person\n  aliases: [Hamad]\n"
        "  description: Senior Hamas official\n  wikidata: Q5556095\n"
    )
    pages = render_site(items, registry)
    assert "people/hamad.md" not in pages
    page = pages["people/ghazi-hamad.md"]
    assert "Senior Hamas official" in page and "https://www.wikidata.org/wiki/Q5556095" in page
    assert page.count("· [Story of") == 2, "both articles are listed on the one page"
    for day in ("2023-11-24", "2023-11-25"):
        assert "(../people/ghazi-hamad.md)" in pages[f"articles/{day}-story.md"]


def test_edit_links_appear_only_when_the_site_names_a_repository() -> None:
    items = [article_facts("2023-11-24", [(13, "hostages", "released")])]
    held_back = {"figures": 0.9}
    assert "edit" not in render_site(items, min_confidence=held_back)["review/index.md"].split("| Fact id · file |")[1]
    pages = render_site(items, edit_url="https://example.org/repo/edit/main/facts/", min_confidence=held_back)
    assert 'href="https://example.org/repo/edit/main/facts/2023-11-24-story.yaml#L14"' in pages["review/index.md"]
    assert "https://example.org/repo/edit/main/facts/2023-11-24-story.yaml" in pages["articles/2023-11-24-story.md"]


def test_page_count_says_how_many_pages_are_rendered() -> None:
    from generator.render import page_count

    item = article_facts("2023-11-24", [(13, "hostages", "released")], entities=[person("ghazi-hamad", "Ghazi Hamad")])
    assert len(render_site([item])) == page_count(gather([item]))


def test_the_two_ends_of_one_written_range_are_one_row() -> None:
    item = article_facts(
        "2023-12-02",
        [
            (50, "percent", None),
            (52, "percent", None),
            (12, "hostages", None),
            (920, "dollars", None),
            (1730, "dollars", None),
            (4.8, "percent growth", None),
            (4.7, "percent growth", None),
        ],
    )
    low, high, other, about, most, start, end = item.facts["figures"]
    start.update(qualifier="from", text="4.8 percent to 4.7 percent")
    end.update(qualifier="to", text="4.8 percent to 4.7 percent")
    low.update(qualifier="at least", text="50-52%")
    high.update(qualifier="at most", text="50-52%")
    other.update(qualifier="at least", text="12")
    about.update(qualifier="about", text="$920 to $1730")
    most.update(qualifier="at most", text="$920 to $1730")
    page = render_site([item])["articles/2023-12-02-story.md"].replace("\\", "")
    rows = [line for line in page.splitlines() if line.startswith("| ") and "| percent |" in line]
    assert len(rows) == 1
    assert rows[0].startswith("| 50–52 | percent |")
    assert "| at least 12 | hostages |" in page  # one end alone keeps its qualifier
    assert "| about 920–1730 | dollars |" in page  # "about" is said of both ends
    assert "| from 4.8 to 4.7 | percent growth |" in page  # a change: one row


def test_a_claim_that_leans_on_the_sentence_before_is_shown_after_it() -> None:
    item = article_facts(
        "2023-11-24",
        entities=[person("ghazi-hamad", "Ghazi Hamad")],
        statements=[
            {"id": "statement-1", "speaker": "ghazi-hamad", "speaker_text": "Ghazi Hamad", "cue": "said",
             "content": "They will free more", "kind": "direct", "sentence": "s2", "context": "s1"},
            {"id": "statement-2", "speaker": "ghazi-hamad", "speaker_text": "Ghazi Hamad", "cue": "said",
             "content": "The crossing opens at dawn", "kind": "direct", "sentence": "s2"},
        ],
    )  # fmt: skip
    item.facts["sentences"][0]["text"] = "The *council* <b>met</b> on Friday."
    item.facts["sentences"].append({"id": "s2", "paragraph": 1, "start": 0, "end": 5, "text": "They will free more."})
    pages = render_site([item])
    for path in ("articles/2023-11-24-story.md", "people/ghazi-hamad.md"):
        lines = [line for line in pages[path].splitlines() if "They will free more" in line]
        assert lines and all(r"— after “The \*council\* &lt;b&gt;met&lt;/b&gt; on Friday\.”" in line for line in lines)
        assert not any("after" in line for line in pages[path].splitlines() if "The crossing opens" in line)
