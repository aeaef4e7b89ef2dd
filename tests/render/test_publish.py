"""The publishing threshold: a machine fact below it is on no page, index, chart, timeline or search
(pages are what search indexes), but on the review pages and in the downloads, marked unpublished; a
person's word (reviewed, added, changed) always publishes."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest

from generator.config import parse_site_config
from generator.errors import InputError
from generator.render import gather
from generator.render.model import ArticleFacts
from tests.render.test_collection_pages import article_facts, person, render_site

THRESHOLDS = {"entities": 0.6, "roles": 0.6, "figures": 0.6, "statements": 0.6, "dates": 0.6}
MARKERS = ("zorkmids", "Grand Vizier", "Zed Zonker", "purple elephants", "2023-01-02")
"""Words that only the held-back facts of `story` carry."""


def story(day: str, confidence: float, **record_changes: Any) -> ArticleFacts:
    """An article with a published speaker and one fact of each kind whose words are nowhere else."""
    item = article_facts(
        day,
        [(13, "zorkmids", "released"), (7, "hostages", "released")],
        entities=[person("ghazi-hamad", "Ghazi Hamad"), {**person("zed-zonker", "Zed Zonker"), "confidence": 0.3}],
        roles=[{"id": "role-1", "entity": "ghazi-hamad", "title": "Grand Vizier", "sentence": "s1"}],
        statements=[
            {"id": "statement-1", "speaker": "ghazi-hamad", "speaker_text": "Ghazi Hamad", "cue": "said",
             "content": "purple elephants dance", "kind": "direct", "sentence": "s1"},
        ],
    )  # fmt: skip
    item.facts["dates"] = [{"id": "date-1", "date": "2023-01-02", "text": "January 2", "sentence": "s1"}]
    item.facts["sentences"][0]["text"] += f" ({day})"  # three reports, not three copies of one
    item.facts["figures"][0]["confidence"] = confidence
    item.facts["figures"][1]["confidence"] = 0.9
    for section in ("roles", "statements", "dates"):
        item.facts[section][0]["confidence"] = confidence
    for section, changes in record_changes.items():
        item.facts[section][0].update(changes)
    return item


def site_of(*items: ArticleFacts) -> dict[str, str]:
    """The rendered pages, with Markdown's backslash escapes taken out so that text can be looked for."""
    return {path: text.replace("\\", "") for path, text in render_site(list(items), min_confidence=THRESHOLDS).items()}


def test_a_fact_below_the_threshold_is_only_on_the_review_pages_and_in_the_downloads() -> None:
    pages = site_of(story("2023-11-24", 0.3), story("2023-11-25", 0.3), story("2023-11-26", 0.3))
    for path, text in pages.items():
        if path.startswith(("review/", "downloads/")):
            continue
        found = [m for m in MARKERS if m in text]
        assert not found, (path, found)
    assert "people/zed-zonker.md" not in pages  # no published fact, no published mention: no page
    assert "people/ghazi-hamad.md" in pages
    review = "".join(text for path, text in pages.items() if path.startswith("review/articles-"))
    for marker in ("zorkmids", "Grand Vizier", "Zed Zonker", "purple elephants", "2023-01-02"):
        assert marker in review
    assert "| 3 articles |" in review  # the held-back role and figure are reported in both articles
    document = json.loads(pages["downloads/facts.json"])
    figures = document["articles"][0]["figures"]
    assert [(f["unit"], f.get("published", True)) for f in figures] == [("zorkmids", False), ("hostages", True)]
    rows = list(csv.DictReader(io.StringIO(pages["downloads/figures.csv"])))
    assert {(r["unit"], r["published"]) for r in rows} == {("zorkmids", "false"), ("hostages", "true")}


def test_the_same_facts_above_the_threshold_are_published() -> None:
    pages = site_of(story("2023-11-24", 0.7), story("2023-11-25", 0.7), story("2023-11-26", 0.7))
    published = "".join(text for path, text in pages.items() if not path.startswith(("review/", "downloads/")))
    for marker in ("zorkmids", "Grand Vizier", "purple elephants", "2023-01-02"):
        assert marker in published
    assert "2023-01-02" in pages["timeline/2023-01/index.md"]  # the dated event, on its month's page
    days = ("2023-11-24", "2023-11-25", "2023-11-26")
    undated = site_of(*(story(day, 0.7, dates={"confidence": 0.3}) for day in days))
    assert "Zorkmids released" in undated["figures/charts.md"]  # one point a day: a series


def test_a_reviewed_low_confidence_fact_is_published() -> None:
    pages = site_of(story("2023-11-24", 0.3, figures={"reviewed": True}), story("2023-11-25", 0.3))
    assert "zorkmids" in pages["figures/index.md"]
    assert "Grand Vizier" not in pages["articles/2023-11-24-story.md"]


def test_a_fact_the_person_changed_or_added_is_published() -> None:
    changed = story("2023-11-24", 0.3)
    changed.facts["roles"][0]["title"] = "Grand Vizier of the Realm"
    changed.touched = frozenset({("roles", "role-1")})
    added = story("2023-11-25", 0.3)
    del added.facts["statements"][0]["confidence"]  # a fact written by hand has no confidence
    pages = site_of(changed, added)
    assert "Grand Vizier of the Realm" in pages["articles/2023-11-24-story.md"]
    assert "purple elephants" in pages["articles/2023-11-25-story.md"]
    assert "purple elephants" not in pages["articles/2023-11-24-story.md"]


def test_an_entity_below_the_threshold_that_a_published_fact_names_keeps_its_page() -> None:
    item = story("2023-11-24", 0.3)
    item.facts["statements"][0].update(speaker="zed-zonker", confidence=0.9)
    collection = gather([item], min_confidence=THRESHOLDS)
    assert "zed-zonker" in collection.entities


def test_a_one_word_portfolio_after_a_title_gets_no_page_from_the_role_alone() -> None:
    item = story("2023-11-24", 0.9)
    weak = {"type": "organisation", "aliases": [], "sentences": ["s1"], "confidence": 0.3}
    item.facts["entities"] += [
        {**weak, "id": "agriculture", "name": "Agriculture"},
        {**weak, "id": "egyptian-intelligence", "name": "Egyptian Intelligence"},
        {**weak, "id": "faa", "name": "FAA"},
    ]
    item.facts["roles"] += [
        {"id": "role-2", "entity": "ghazi-hamad", "title": "Secretary of Agriculture", "organisation": "agriculture",
         "sentence": "s1", "confidence": 0.9},
        {"id": "role-3", "entity": "ghazi-hamad", "title": "head of Egyptian Intelligence",
         "organisation": "egyptian-intelligence", "sentence": "s1", "confidence": 0.9},
        {"id": "role-4", "entity": "ghazi-hamad", "title": "Administrator of the FAA", "organisation": "faa",
         "sentence": "s1", "confidence": 0.9},
    ]  # fmt: skip
    collection = gather([item], min_confidence=THRESHOLDS)
    assert "agriculture" not in collection.entities
    assert "egyptian-intelligence" in collection.entities
    assert "faa" in collection.entities  # an acronym names a body, not a portfolio
    item.facts["roles"][1]["reviewed"] = True  # a person's word on the role keeps its organisation's page
    assert "agriculture" in gather([item], min_confidence=THRESHOLDS).entities
    titles = {r["title"]: r.get("organisation") for r in collection.articles[0].facts["roles"]}
    assert titles["Secretary of Agriculture"] is None
    assert titles["head of Egyptian Intelligence"] == "egyptian-intelligence"


def test_a_weak_mention_of_an_entity_published_elsewhere_joins_its_page_and_a_lone_one_does_not() -> None:
    sure = story("2023-11-24", 0.9)
    sure.facts["entities"][1]["confidence"] = 0.9  # Zed Zonker, published here
    weak = story("2023-11-25", 0.9)  # Zed Zonker at 0.3 again, but the page exists
    lone = story("2023-11-26", 0.9)
    lone.facts["entities"].append({**person("quux-quimby", "Quux Quimby"), "confidence": 0.3})
    collection = gather([sure, weak, lone], min_confidence=THRESHOLDS)
    assert {item.article.id for item in collection.entities["zed-zonker"].articles} == {
        "2023-11-24-story",
        "2023-11-25-story",
        "2023-11-26-story",
    }
    assert "quux-quimby" not in collection.entities


def test_publish_settings_are_read_and_checked() -> None:
    one = parse_site_config("publish:\n  min_confidence: 0.5\n", "mkdocs.yml")
    assert set(one.min_confidence.values()) == {0.5}
    per_kind = parse_site_config("publish:\n  min_confidence:\n    statements: 0.7\n", "mkdocs.yml")
    assert per_kind.min_confidence["statements"] == 0.7
    with pytest.raises(InputError) as error:
        parse_site_config("publish:\n  min_confidence:\n    statement: 1.5\n  show: all\n", "mkdocs.yml")
    assert [str(p) for p in error.value.problems] == [
        "mkdocs.yml:3:16: publish.min_confidence.statement: unknown kind of fact 'statement' (hint: write publish: "
        "{min_confidence: 0.8}, or one number per kind (entities, roles, figures, statements, dates))",
        "mkdocs.yml:4:9: publish.show: unknown setting (hint: write publish: {min_confidence: 0.8}, or one "
        "number per kind (entities, roles, figures, statements, dates))",
    ]
