"""Merge candidates: pages linking left apart that a person may want to merge, with the registry record."""

from __future__ import annotations

import yaml

from generator.facts.candidates import Named, merge_candidates
from generator.facts.registry import load_registry, resolve
from tests.render.test_collection_pages import article_facts, person, render_site


def test_near_identical_spellings_and_shared_surnames_are_candidates() -> None:
    candidates = merge_candidates(
        [
            Named("benjamin-netanyahu", "Benjamin Netanyahu", "person", 40),
            Named("benjamin-netanyanu", "Benjamin Netanyanu", "person", 1),
            Named("joe-biden", "Joe Biden", "person", 50),
            Named("hunter-biden", "Hunter Biden", "person", 3),
            Named("biden", "Biden", "person", 2),
            Named("israel", "Israel", "place", 90),
        ]
    )
    pairs = {(c.keep.id, c.merge.id): c.reason for c in candidates}
    assert pairs == {
        ("benjamin-netanyahu", "benjamin-netanyanu"): "near-identical spelling",
        ("joe-biden", "biden"): "a bare surname that several people share",
        ("hunter-biden", "biden"): "a bare surname that several people share",
    }  # never Joe and Hunter Biden: different first names


def test_the_registry_record_shown_merges_the_pair() -> None:
    [candidate] = merge_candidates(
        [Named("benjamin-netanyahu", "Benjamin Netanyahu", "person", 40), Named("x", "Benjamin Netanyanu", "person", 1)]
    )
    text = "entities:\n" + candidate.registry_record.replace("- ", "  - ", 1) + "\n"
    assert yaml.safe_load(text)["entities"][0]["aliases"] == ["Benjamin Netanyanu"]
    registry = load_registry(text, "entities.yaml")
    records = [("a", [{"id": "x", "name": "Benjamin Netanyanu", "type": "person"}])]
    assert resolve(records, registry).of_record[("a", "x")] == "benjamin-netanyahu"


def test_the_review_page_lists_them() -> None:
    pages = render_site(
        [
            article_facts("2023-11-24", entities=[person("benjamin-netanyahu", "Benjamin Netanyahu")]),
            article_facts("2023-11-25", entities=[person("benjamin-netanyanu", "Benjamin Netanyanu")], name="other"),
        ]
    )
    review = pages["review/index.md"]
    assert "## Merge candidates" in review
    assert "Benjamin Netanyanu" in review.split("## Merge candidates")[1]
