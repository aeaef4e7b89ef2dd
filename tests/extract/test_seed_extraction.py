"""Extraction on the seed article: the facts the pipeline issue lists, and none of the model's mistakes."""

from __future__ import annotations

from typing import Any

import pytest

from generator.articles import parse_article
from generator.extract import extract_all
from tests.conftest import SEED


@pytest.fixture(scope="module")
def facts(nlp: Any) -> dict[str, Any]:
    article = parse_article(SEED.read_bytes(), SEED.name)
    return next(extract_all([article], nlp))


def names(facts: dict[str, Any], kind: str) -> set[str]:
    return {e["name"] for e in facts["entities"] if e["type"] == kind}


def test_people_with_canonical_names_and_aliases(facts: dict[str, Any]) -> None:
    assert names(facts, "person") == {"Ghazi Hamad", "William Burns", "David Barnea", "Abbas Kamel", "Herzi Halevi"}
    hamad = next(e for e in facts["entities"] if e["name"] == "Ghazi Hamad")
    assert hamad["aliases"] == ["Hamad"]


def test_organisations_and_places(facts: dict[str, Any]) -> None:
    assert {"Hamas", "CIA", "Mossad", "Egyptian Intelligence"} <= names(facts, "organisation")
    assert {
        "Israel",
        "Gaza Strip",
        "Qatar",
        "Egypt",
        "Rafah crossing",
        "West Bank",
        "Jerusalem",
        "United States",
    } <= names(facts, "place")
    assert "Hostage Releases and Truce Extension" not in names(facts, "organisation")


def test_roles(facts: dict[str, Any]) -> None:
    roles = {(r["entity"], r["title"], r.get("organisation")) for r in facts["roles"]}
    assert roles == {
        ("ghazi-hamad", "member of the Hamas Political Office", "hamas-political-office"),
        ("william-burns", "director of the CIA", "cia"),
        ("david-barnea", "director of the Israeli Mossad", "mossad"),
        ("abbas-kamel", "head of Egyptian Intelligence", "egyptian-intelligence"),
        ("herzi-halevi", "Chief of Staff", None),
    }


def test_figures_with_who_did_what(facts: dict[str, Any]) -> None:
    found = {(f["value"], f["counts"], f.get("actor"), f.get("action")) for f in facts["figures"]}
    assert (60, "Israeli hostages", "hamas", "freed") in found
    assert (180, "Palestinian prisoners", "israel", "released") in found
    assert any(value == 5 and "days" in counts for value, counts, _, _ in found)


def test_statements_with_speaker_cue_and_content(facts: dict[str, Any]) -> None:
    found = {(s["speaker"], s["cue"], s["content"][:40]) for s in facts["statements"]}
    assert ("ghazi-hamad", "stated", "Hamas is striving to prolong the truce a") in found
    assert ("herzi-halevi", "emphasized", "the Israeli military operation on Gaza w") in found
    assert ("israel", "insisted", "a possible extension must include the ha") in found


def test_every_fact_cites_a_sentence_that_holds_its_words(facts: dict[str, Any]) -> None:
    sentences = {s["id"]: s["text"] for s in facts["sentences"]}
    for figure in facts["figures"]:
        assert figure["text"] in sentences[figure["sentence"]]
    for statement in facts["statements"]:
        assert statement["content"] in sentences[statement["sentence"]]
    for role in facts["roles"]:
        assert role["title"] in sentences[role["sentence"]]
    assert facts["article"]["date"] == "2023-11-29"
