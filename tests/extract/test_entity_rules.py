"""Entity rules, each on a sentence where the small model goes wrong without it: what is not a name,
names repaired, types from knowledge rather than from the model alone."""

from __future__ import annotations

from typing import Any


def test_transcript_headers_and_clock_times_are_not_organisations(entities_of: Any) -> None:
    found = entities_of("11:00 A.M. CST", "Aboard Air Force One En Route Belvidere, Illinois")
    assert {kind for _, kind in found} <= {"place"}


def test_a_title_alone_is_not_an_entity(entities_of: Any) -> None:
    assert entities_of("MR. KIRBY: Thank you, Admiral. The National Security Advisor will travel.") == set()


def test_a_title_or_a_leading_verb_is_not_part_of_the_name(entities_of: Any) -> None:
    found = entities_of("NSA Jake Sullivan met the Emir. Will Jake Sullivan travel to Qatar?")
    assert {name for name, kind in found if kind == "person"} == {"Jake Sullivan"}


def test_a_title_made_of_title_words_only_is_no_person(entities_of: Any) -> None:
    found = entities_of("Second Gentleman Doug Emhoff and Amir Sheikh Tamim bin Hamad Al-Thani spoke.")
    assert {name for name, kind in found if kind == "person"} == {"Doug Emhoff", "Tamim bin Hamad Al-Thani"}


def test_a_restarted_name_is_the_completed_name(entities_of: Any) -> None:
    found = entities_of(
        "I spoke with Prime Minister Benjamin Not- — Netanyahu this morning.", "Dick — Dick Durbin joined us."
    )
    assert found == {("Benjamin Netanyahu", "person"), ("Dick Durbin", "person")}


def test_a_portfolio_joined_to_a_name_is_split_off(entities_of: Any) -> None:
    found = entities_of(
        "He met Secretary of Homeland Security Alejandro Mayorkas and Minister for Strategic Affairs Ron Dermer."
    )
    assert found == {("Alejandro Mayorkas", "person"), ("Ron Dermer", "person")}


def test_what_a_possessive_owns_is_its_own_name(entities_of: Any) -> None:
    found = entities_of("The agents of DHS’s Homeland Security Investigations worked hard.")
    assert found == {("DHS", "organisation"), ("Homeland Security Investigations", "organisation")}


def test_a_caption_is_not_part_of_a_name(entities_of: Any) -> None:
    found = entities_of("The photo shows Washington D.C. Image courtesy of Reuters.")
    assert not any("Image" in name for name, _ in found)


def test_nationality_adjectives_and_the_world_are_not_places(entities_of: Any) -> None:
    assert entities_of("Palestinian civilians and Israeli families suffer around the world.") == set()


def test_a_government_named_by_its_country_is_the_country(entities_of: Any) -> None:
    found = entities_of("She met officials of the US Government and the Biden-Harris administration.")
    assert found == {("United States", "place"), ("Biden-Harris administration", "organisation")}


def test_a_place_named_without_its_place_noun_is_one_place(entities_of: Any) -> None:
    found = entities_of("Aid entered the Gaza Strip on Friday.", "Gaza needs more fuel, officials said.")
    assert found == {("Gaza Strip", "place")}


def test_a_city_or_a_river_named_after_a_place_is_another_place(entities_of: Any) -> None:
    found = entities_of(
        "Strikes hit Gaza City and the Delaware River flooded on Friday.",
        "Gaza needs more fuel and Delaware needs more rain, officials said.",
    )
    assert {"Gaza City", "Gaza", "Delaware River", "Delaware"} <= {name for name, _ in found}


def test_a_river_bank_is_a_place(entities_of: Any) -> None:
    assert ("West Bank", "place") in entities_of("Settlers attacked a village in the West Bank on Monday.")


def test_products_of_a_company_are_not_organisations(entities_of: Any) -> None:
    found = entities_of("Apple Computer said its MacBook Air laptops sold well. Apple shares rose.")
    assert {name for name, kind in found if kind == "organisation"} == {"Apple Computer"}


def test_a_titled_surname_is_not_a_relative_without_the_title(entities_of: Any) -> None:
    found = entities_of("Hunter Biden appeared in court. President Biden was in Delaware.")
    assert {name for name, kind in found if kind == "person"} == {"Hunter Biden", "Biden"}


def test_a_post_is_not_an_organisation(entities_of: Any) -> None:
    assert entities_of("He named an Advisor on Energy and Investment at the meeting.") == set()


def test_an_organisation_joined_to_a_person_it_names_is_split(entities_of: Any) -> None:
    found = entities_of(
        "She met the Assistant to the Administrator for the Bureau for Humanitarian Assistance Sarah Charles in Rome."
    )
    assert ("Sarah Charles", "person") in found
    assert not any("Sarah" in name for name, kind in found if kind != "person")


def test_transcript_notes_handles_and_broken_words_are_not_names(entities_of: Any) -> None:
    found = entities_of(
        "Q (Inaudible.) And the talks?", "Thanks to @POTUS for the visit.", "The Qa- — the Qataris helped."
    )
    assert not {name for name, _ in found} & {"Inaudible", "@POTUS", "Qa-", "POTUS"}


def test_a_determiner_is_not_part_of_a_name(entities_of: Any) -> None:
    found = entities_of("The United States plans to increase its funding to all Fulbright Commissions in Europe.")
    assert not any(name.startswith("all ") for name, _ in found)


def test_a_body_named_by_its_remit_keeps_it_or_gets_no_page(entities_of: Any) -> None:
    found = entities_of(
        "The country joined the UN Committee on the Peaceful Uses of Outer Space in 1958.",
        "The United Nations Open-Ended Working Group on reducing space threats met in Geneva.",
        "The Security Council on Friday voted for a pause.",
    )
    assert {name for name, kind in found if kind == "organisation"} == {
        "UN Committee on the Peaceful Uses of Outer Space",
        "Security Council",
    }


def test_a_campus_completes_its_universitys_name(entities_of: Any) -> None:
    found = entities_of("She studied at the University of Nevada, Las Vegas, before joining the administration.")
    assert found == {("University of Nevada, Las Vegas", "organisation")}


def test_a_first_name_is_a_person_and_a_first_name_with_an_initial_no_entity(entities_of: Any) -> None:
    found = entities_of(
        "Senator Tim Scott of South Carolina spoke first. Scott voted against the bill on Tuesday.",
        "Stephen wrote to the President last week.",
        "Kelly O., go ahead.",
        "The convoy stopped in Savannah on its way north.",
    )
    assert found == {("Tim Scott", "person"), ("South Carolina", "place"), ("Savannah", "place")}


def test_someone_called_on_by_first_name_is_not_the_storys_person_of_that_name(facts_of: Any) -> None:
    facts = facts_of("Chief of Staff Jeff Zients met the governors on Monday.", "Q Thank you. Go ahead, Jeff.")
    [zients] = [e for e in facts["entities"] if e["type"] == "person"]
    assert zients["name"] == "Jeff Zients"
    assert "Jeff" not in zients.get("aliases", [])


def test_the_arabic_article_stays_in_a_name(entities_of: Any) -> None:
    found = entities_of("Officials said al Qaeda and al-Shabaab claimed the attacks.")
    assert {name for name, _ in found} == {"al Qaeda", "al-Shabaab"}


def _published_entities(facts: dict[str, Any]) -> set[str]:
    from generator.extract import calibration

    threshold = calibration.default_thresholds()["entities"]
    return {e["name"] for e in facts["entities"] if float(e["confidence"]) >= threshold}


def test_a_place_said_once_is_published_when_its_sentence_puts_something_there(facts_of: Any) -> None:
    assert _published_entities(facts_of("The talks took place in Bethesda on Monday.")) == {"Bethesda"}
    assert _published_entities(facts_of("Bethesda was the word of the day.")) == set()
    assert _published_entities(facts_of("Donors gave money to the Corvane Trust last year.")) == set()


def test_a_name_alone_the_text_calls_he_or_his_is_a_person(entities_of: Any) -> None:
    found = entities_of(
        "Putin launched his war in February.", "Putin spoke again on Friday.", "Tiger ran fast.", "David said he left."
    )
    assert found == {("Putin", "person")}  # "David" alone is a name cut short
