"""The calibration stage and its fitting: evidence in, the share of right facts out, as data."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from generator.extract import calibration
from tests.conftest import shared
from tools.calibrate import Labelled, choose_thresholds, fit, label_document, load_scorer

SENTENCE = "Hamas freed 12 hostages on Friday, Ghazi Hamad said."


def document(**confidences: float) -> dict[str, Any]:
    return {
        "extraction": {"extractor": "8", "source_sha256": "x"},
        "entities": [{"id": "ghazi-hamad", "name": "Ghazi Hamad", "type": "person", "aliases": [],
                      "sentences": ["s1"], "confidence": confidences.get("entities", 0.68)}],
        "roles": [],
        "figures": [{"id": "f", "value": 12, "unit": "hostages", "action": "freed", "sentence": "s1",
                     "confidence": confidences.get("figures", 0.8)}],
        "statements": [{"id": "st", "speaker": "ghazi-hamad", "speaker_text": "Ghazi Hamad", "cue": "said",
                        "content": "Hamas freed 12 hostages on Friday", "kind": "indirect", "sentence": "s1",
                        "confidence": 0.8}],
        "dates": [],
        "sentences": [{"id": "s1", "paragraph": 1, "start": 0, "end": len(SENTENCE), "text": SENTENCE}],
    }  # fmt: skip


def test_a_fact_takes_the_rate_of_its_longest_known_evidence_prefix() -> None:
    facts = document()
    figure_features = calibration.features("figures", facts["figures"][0], facts)
    table = {"kinds": {"figures": {"cells": {"": {"p": 0.5}, figure_features[0]: {"p": 0.93}}}}}
    assert calibration.calibrated("figures", facts["figures"][0], facts, table) == 0.93
    other = document(figures=0.65)
    assert calibration.calibrated("figures", other["figures"][0], other, table) == 0.5
    # a kind the table does not know keeps the rules' raw confidence
    assert calibration.calibrated("statements", facts["statements"][0], facts, table) == 0.8


def test_the_stage_stamps_the_table_digest_and_can_be_switched_off_for_fitting() -> None:
    facts = calibration.apply(document(), "8")
    assert facts["extraction"]["extractor"] == f"8-{calibration.TABLE_DIGEST}"
    with calibration.raw_confidence():
        raw = calibration.apply(document(figures=0.123), "8")
    assert raw["figures"][0]["confidence"] == 0.123
    assert raw["extraction"]["extractor"] == "8"


def labelled(set_name: str, raw: str, right: int, wrong: int) -> list[Labelled]:
    features = (f"raw={raw}",)
    return [Labelled(set_name, "figures", features, float(raw), True) for _ in range(right)] + [
        Labelled(set_name, "figures", features, float(raw), False) for _ in range(wrong)
    ]


def test_fitting_counts_right_facts_per_evidence_and_smooths_toward_the_kind() -> None:
    facts = labelled("a", "0.80", 19, 1) + labelled("a", "0.65", 6, 4)
    cells = fit(facts)["kinds"]["figures"]["cells"]
    assert (cells[""]["n"], cells[""]["right"], cells[""]["p"]) == (30, 25, round(25 / 30, 4))
    assert cells["raw=0.65"]["p"] == round((6 + 4 * 0.65) / 14, 4)  # toward the kind's 25/30, at most 0.65
    assert cells["raw=0.80"]["p"] == round((19 + 4 * 0.80) / 24, 4)
    assert cells["raw=0.80"]["p"] < 19 / 20


def test_the_threshold_is_the_lowest_that_reaches_the_target_on_every_set() -> None:
    facts = labelled("a", "0.80", 40, 1) + labelled("a", "0.65", 30, 10) + labelled("b", "0.80", 10, 0)
    table = fit(facts)
    thresholds = choose_thresholds(facts, table)
    assert thresholds["figures"] == round(table["kinds"]["figures"]["cells"]["raw=0.80"]["p"], 2)
    assert thresholds["roles"] == 1.0  # nothing known: only what a person reviewed is published


def test_facts_are_labelled_by_the_scorers_own_matching() -> None:
    scorer = load_scorer(shared("eval/score.py"))
    facts = document()
    facts["figures"].append({**facts["figures"][0], "id": "g", "value": 13})
    gold = {
        "entities": [{"name": "Ghazi Hamad", "type": "person", "surface_forms": ["Hamad"]}],
        "quantities": [{"value": 12, "unit": "hostages", "sentence_text": SENTENCE}],
        "attributions": [{"speaker": "Ghazi Hamad", "content": "Hamas freed 12 hostages on Friday"}],
    }
    labels = label_document(scorer, ["entities", "figures", "statements"], gold, facts)
    assert labels == {"entities": [True], "figures": [True, False], "statements": [True]}


def test_the_two_ends_of_a_change_are_labelled_as_the_one_figure_the_scorer_sees() -> None:
    scorer = load_scorer(shared("eval/score.py"))
    facts = document()
    text = "12 hostages to 30 hostages"
    facts["figures"] = [
        {**facts["figures"][0], "id": "a", "value": 12, "qualifier": "from", "text": text},
        {**facts["figures"][0], "id": "b", "value": 30, "qualifier": "to", "text": text},
    ]
    gold = {
        "entities": [],
        "quantities": [{"value": 12, "value_max": 30, "unit": "hostages", "sentence_text": SENTENCE}],
        "attributions": [],
    }
    assert label_document(scorer, ["figures"], gold, facts) == {"figures": [True, True]}


def test_no_entity_threshold_goes_below_three_in_four_whatever_the_average_allows() -> None:
    # 0.70-likely entities would pass on average (the 0.99 ones carry them), but each is a coin toss
    facts = [replace(f, kind="entities") for f in labelled("a", "0.99", 200, 0) + labelled("a", "0.70", 13, 7)]
    table = fit(facts)
    assert table["kinds"]["entities"]["cells"]["raw=0.70"]["p"] < 0.75
    assert choose_thresholds(facts, table)["entities"] >= 0.75


def test_a_name_nothing_vouches_for_is_trusted_no_more_than_its_raw_confidence() -> None:
    # many right places the gazetteer knows share the unknown places' raw confidence; a few lucky unknown
    # ones must not borrow their rate and publish every unknown one-mention name ("Bingo", "Thurs")
    def places(evidence: str, right: int, wrong: int) -> list[Labelled]:
        features = ("raw=0.68", "type=place", f"evidence={evidence}")
        return [Labelled("a", "entities", features, 0.68, ok) for ok in [True] * right + [False] * wrong]

    cells = fit(places("gazetteer", 200, 2) + places("none", 12, 4) + places("place noun", 1, 0))["kinds"]
    cells = cells["entities"]["cells"]
    assert cells["raw=0.68|type=place|evidence=none"]["p"] == round((12 + 4 * 0.68) / 20, 4)
    assert cells["raw=0.68|type=place|evidence=none"]["p"] < 0.76
    assert cells["raw=0.68|type=place|evidence=place noun"]["p"] > 0.9  # "Rafah crossing" keeps its support


def test_entities_carry_what_knowledge_says_of_their_name_as_evidence() -> None:
    def evidence(name: str, kind: str) -> str:
        record = {"id": "x", "name": name, "type": kind, "sentences": ["s1"], "confidence": 0.68}
        return calibration.features("entities", record, document())[2]

    assert evidence("Egypt", "place") == "evidence=gazetteer"
    assert evidence("Protecting", "place") == "evidence=none"
    assert evidence("Robert Malley", "person") == "evidence=first name"
    assert evidence("Department of Energy", "organisation") == "evidence=organisation word"
    assert evidence("UNRWA", "organisation") == "evidence=acronym"
