"""The extractor's rules on small sentences: what a reader of the fact sheet would notice."""

from __future__ import annotations

from typing import Any

import pytest

from generator.articles import parse_article
from generator.extract import calibration, extract_all


@pytest.fixture(scope="module")
def facts_of(nlp: Any) -> Any:
    def run(*paragraphs: str) -> dict[str, Any]:
        text = "date 2023-11-29 A test article\n\n" + "\n\n".join(paragraphs) + "\n"
        return next(extract_all([parse_article(text.encode(), "test.txt")], nlp))

    return run


def entity(facts: dict[str, Any], name: str) -> dict[str, Any]:
    return next(e for e in facts["entities"] if e["name"] == name or name in e.get("aliases", []))


def test_nationality_words_are_not_entities(facts_of: Any) -> None:
    facts = facts_of("Israeli officials met Palestinians in Cairo on Monday. Chinese stocks fell.")
    names = {n for e in facts["entities"] for n in (e["name"], *e["aliases"])}
    assert names == {"Cairo"}  # no "Israel", "Palestinian territories" or "China" from an adjective


def test_company_suffix_and_surname_are_aliases(facts_of: Any) -> None:
    facts = facts_of("Apple Inc. hired Tim Cook in 1998. Cook said Apple would grow.")
    apple = entity(facts, "Apple")
    assert apple["type"] == "organisation"
    assert {apple["name"], *apple["aliases"]} == {"Apple Inc.", "Apple"}
    assert entity(facts, "Cook")["name"] == "Tim Cook"


def test_indices_time_zones_and_products_are_not_organisations(facts_of: Any) -> None:
    facts = facts_of("At 14:48 UTC the FTSE 100 fell 2%. Apple released the new iPod Nano on Tuesday.")
    organisations = {e["name"] for e in facts["entities"] if e["type"] == "organisation"}
    assert not organisations & {"UTC", "FTSE", "iPod Nano", "the iPod Nano"}


def test_countries_are_places_whatever_the_model_says(facts_of: Any) -> None:
    facts = facts_of("Talks between Qatar and Egypt continued in Washington.")
    assert {"Qatar", "Egypt", "Washington"} <= {e["name"] for e in facts["entities"] if e["type"] == "place"}


def figures(facts: dict[str, Any]) -> set[tuple[Any, ...]]:
    return {(f["value"], f["unit"], f.get("qualifier")) for f in facts["figures"]}


def test_money_percent_and_qualifiers(facts_of: Any) -> None:
    found = figures(facts_of("The fund raised $40bn, up 5 per cent, and at least 12 people were hired."))
    assert (40_000_000_000, "dollars", None) in found
    assert (5, "percent", None) in found
    assert (12, "people", "at least") in found


def test_a_range_gives_both_ends(facts_of: Any) -> None:
    found = figures(facts_of("Prices are expected to rise between 5% and 6% next year."))
    assert {(5, "percent", "at least"), (6, "percent", "at most")} <= found


def test_compound_measures_and_attached_units(facts_of: Any) -> None:
    found = figures(facts_of("A 50-year-old man bought a 6.1-inch phone and a 5kW panel."))
    assert {(50, "year-old", None), (6.1, "inch", None), (5, "kW", None)} <= found


def test_a_measure_before_a_singular_noun_is_the_unit(facts_of: Any) -> None:
    found = figures(
        facts_of(
            "What is known comes mainly from the 12 page document labeled Project Birmingham.",
            "Officials said 200 aid trucks entered Gaza on Friday.",
        )
    )
    assert {(12, "page", None), (200, "trucks", None)} <= found


def test_a_unit_symbol_after_the_number(facts_of: Any) -> None:
    found = figures(
        facts_of(
            "There's no GPS and no NFC, but the tablet comes with a 5 W USB-C charger.",
            "The plan costs $14.95 a month and comes with 50GB storage.",
        )
    )
    assert {(5, "W", None), (50, "GB", None)} <= found


def test_numbers_inside_names_are_not_figures(facts_of: Any) -> None:
    found = figures(facts_of("She bought the iPhone 14 Pro at 575 Wilbraham Road in the 20th century."))
    assert not {value for value, _, _ in found} & {14, 575, 20}


def statements(facts: dict[str, Any]) -> list[dict[str, Any]]:
    return list(facts["statements"])


def test_pronoun_speaker_is_resolved_and_keeps_the_words_used(facts_of: Any) -> None:
    with calibration.raw_confidence():  # the rules' own doubt, before calibration maps it to a rate
        facts = facts_of("Ghazi Hamad arrived in Doha. He said that the truce would be extended by two days.")
        named = facts_of("Ghazi Hamad arrived in Doha. Hamad said that the truce would be extended by two days.")
    said = next(s for s in statements(facts) if s["cue"] == "said")
    assert said["speaker"] == "ghazi-hamad"
    assert said["speaker_text"] == "He"
    assert said["confidence"] < next(s for s in statements(named) if s["cue"] == "said")["confidence"]


def test_quote_before_the_speaker(facts_of: Any) -> None:
    facts = facts_of("William Burns met officials. “The talks will resume next week,” Burns said.")
    said = next(s for s in statements(facts) if s["cue"] == "said")
    assert (said["speaker"], said["content"]) == ("william-burns", "The talks will resume next week")


def test_speech_inside_a_quotation_is_the_quoted_persons(facts_of: Any) -> None:
    facts = facts_of("“I think we said it clearly,” Joe Biden told reporters on Friday.")
    assert {s.get("speaker_text") for s in statements(facts)} == {"Joe Biden"}


def test_unresolvable_pronoun_gives_no_statement(facts_of: Any) -> None:
    assert statements(facts_of("They said the border would stay closed for now.")) == []


def test_transcript_label_speaker(facts_of: Any) -> None:
    facts = facts_of(
        "Press Secretary Karine Jean-Pierre and John Kirby briefed reporters.",
        "MS. JEAN-PIERRE:  We are working around the clock to bring every hostage home.",
        "Q    Will the truce hold through the weekend?",
        "MR. KIRBY:  The pause has held so far and we expect more hostages to be released tomorrow.",
    )
    by_speaker = {s["speaker"]: s for s in statements(facts)}
    assert by_speaker["karine-jean-pierre"]["speaker_text"] == "MS. JEAN-PIERRE"
    assert by_speaker["karine-jean-pierre"]["content"].startswith("We are working around the clock")
    assert "john-kirby" in by_speaker
    assert all("truce hold" not in s["content"] for s in statements(facts))  # a reporter's question


def test_a_quotation_over_several_sentences_is_one_statement(facts_of: Any) -> None:
    facts = facts_of(
        "William Burns met officials in Doha. “The talks were hard. They will resume next week,” Burns said. "
        "“Nobody should expect a deal before Friday. We are patient.”"
    )
    said = next(s for s in statements(facts) if s["cue"] == "said")
    assert said["speaker"] == "william-burns"
    assert said["content"] == (
        "The talks were hard. They will resume next week … Nobody should expect a deal before Friday. We are patient"
    )


def test_a_following_quotation_with_its_own_speaker_is_not_joined(facts_of: Any) -> None:
    facts = facts_of(
        "William Burns and Ghazi Hamad spoke in Doha. “The talks will resume next week,” Burns said. "
        "“We are ready for more exchanges,” Hamad said."
    )
    contents = {s["speaker"]: s["content"] for s in statements(facts)}
    assert contents == {
        "william-burns": "The talks will resume next week",
        "ghazi-hamad": "We are ready for more exchanges",
    }


def test_a_scare_quote_alone_is_not_a_statement(facts_of: Any) -> None:
    assert statements(facts_of("Donald Trump called the debate “rigged”.")) == []


def test_a_quoted_phrase_inside_reported_words_gives_the_whole_clause(facts_of: Any) -> None:
    facts = facts_of("Joe Biden urged allies to “stay the course” in their support for the truce talks.")
    urged = next(s for s in statements(facts) if s["cue"] == "urged")
    assert urged["content"].startswith("allies to “stay the course” in their support")


def test_contents_under_three_words_are_not_statements(facts_of: Any) -> None:
    assert statements(facts_of("Benjamin Netanyahu said “never again.”")) == []
