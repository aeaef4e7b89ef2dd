"""Figures a reader can trust: only counts of the story are published, and a range keeps both ends.

A figure the rules doubt is kept in the fact file for review but held back from the site (its confidence
stays below the publishing threshold); these tests look at what a reader of the site would see."""

from __future__ import annotations

from typing import Any

from generator.extract import calibration
from generator.render.publish import is_published


def _published(facts: dict[str, Any]) -> list[tuple[Any, str, str | None]]:
    thresholds = calibration.default_thresholds()
    return [
        (f["value"], f["unit"], f.get("qualifier"))
        for f in facts["figures"]
        if is_published("figures", f, set(), thresholds)
    ]


def _held(facts: dict[str, Any]) -> list[tuple[Any, str]]:
    thresholds = calibration.default_thresholds()
    return [(f["value"], f["unit"]) for f in facts["figures"] if not is_published("figures", f, set(), thresholds)]


def _all(facts: dict[str, Any]) -> list[tuple[Any, str, str | None]]:
    return [(f["value"], f["unit"], f.get("qualifier")) for f in facts["figures"]]


BRIEFING = (
    "MS. JEAN-PIERRE: Good afternoon, everyone.",
    "Q Is it true that Hamas freed 24 hostages and that $6 billion was frozen?",
    "MS. JEAN-PIERRE: Today 60 trucks entered Gaza.",
)


def test_a_reporters_question_gives_no_published_figure(facts_of: Any) -> None:
    facts = facts_of(*BRIEFING, title="Press Briefing by Press Secretary Karine Jean-Pierre")
    assert _published(facts) == [(60, "trucks", None)]
    assert (24, "hostages") in _held(facts)  # kept for review, not lost


def test_a_named_moderators_turn_gives_no_published_figure(facts_of: Any) -> None:
    facts = facts_of(
        "MR. HALE: You have sent 40 trucks of aid, is that right?",
        "MS. OKORO: We sent 60 trucks of aid this week.",
        "MR. HALE: And 12 more trucks tomorrow, what happens then?",
        "MS. OKORO: Then 90 trucks will follow.",
        title="Remarks by Ada Okoro, moderated by Dana Hale",
    )
    assert sorted(_published(facts)) == [(60, "trucks", None), (90, "trucks", None)]


def test_a_spelled_out_one_or_zero_is_held_for_review(facts_of: Any) -> None:
    facts = facts_of(
        "We looked at one particular option for the talks.",
        "He wants to be a dictator for one day.",
        "The inquiry turned up zero evidence of wrongdoing.",
        "Officials said 1 soldier died.",
    )
    assert _published(facts) == [(1, "soldier", None)]
    assert sorted(_held(facts)) == [(0, "evidence"), (1, "day"), (1, "option")]


def test_a_time_window_is_not_the_count_it_frames(facts_of: Any) -> None:
    facts = facts_of(
        "In just the last 24 hours, about 96 — so, just under a hundred — citizens were able to cross.",
        "Over the past two days, more than 80 trucks entered Gaza.",
        "The leaders agreed to extend the pause over the next 48 hours.",
    )
    assert (80, "trucks", "more than") in _published(facts)
    assert (48, "hours", None) in _published(facts)  # no other count: the extension's length is the news
    assert _held(facts) == [(24, "hours"), (2, "days")]


def test_an_approximation_keeps_its_qualifier(facts_of: Any) -> None:
    facts = facts_of("So far, just under a hundred citizens and well over 50 trucks crossed.")
    assert _all(facts) == [(100, "citizens", "fewer than"), (50, "trucks", "more than")]


def test_spoken_approximations_keep_their_qualifier(facts_of: Any) -> None:
    facts = facts_of(
        "He has worked on it for the past almost three years.",
        "It cuts the cost by as much as 25 percent.",
        "They held more than three dozen meetings.",
    )
    assert _all(facts) == [(3, "years", "nearly"), (25, "percent", "up to"), (36, "meetings", "more than")]


def test_a_question_gives_no_published_figure(facts_of: Any) -> None:
    facts = facts_of("And that is over the last 20 years, right?", "Officials said 60 trucks entered Gaza.")
    assert _published(facts) == [(60, "trucks", None)]
    assert _held(facts) == [(20, "years")]


def test_a_spoken_aside_keeps_the_qualifier(facts_of: Any) -> None:
    facts = facts_of("It is about, I believe, 20 leaders from the community.", "In Paris, 20 people died.")
    assert _all(facts) == [(20, "leaders", "about"), (20, "people", None)]


def test_a_possessives_group_or_a_ranking_is_held(facts_of: Any) -> None:
    facts = facts_of(
        "My two boys were not likely to live.",
        "Israel and Egypt are the two most significant players.",
        "We gave her 50 dollars and Hamas freed two Americans.",
    )
    assert _published(facts) == [(50, "dollars", None), (2, "Americans", None)]
    assert _held(facts) == [(2, "boys"), (2, "players")]


def test_the_two_of_a_pair_named_before_is_held_a_count_after_the_is_not(facts_of: Any) -> None:
    facts = facts_of(
        "The two leaders agreed to keep the crossing open.",
        "Hamas still holds the 240 hostages it took, and the three sides met.",
    )
    assert _published(facts) == [(240, "hostages", None)]
    assert sorted(_held(facts)) == [(2, "leaders"), (3, "sides")]


def test_a_number_written_onto_a_word_is_a_term(facts_of: Any) -> None:
    facts = facts_of("They backed a net-zero economy by 2050 and a zero-sum view of trade.")
    assert _all(facts) == []


def test_a_range_with_a_bare_low_end_keeps_both_ends(facts_of: Any) -> None:
    facts = facts_of(
        "Over the weekend we have seen basically 48 to 72 hours of activity.",
        "Israel will not accept the release of 10 to 15 hostages.",
    )
    assert _all(facts) == [
        (48, "hours", "at least"),
        (72, "hours", "at most"),
        (10, "hostages", "at least"),
        (15, "hostages", "at most"),
    ]


def test_a_spoken_approximation_is_a_range(facts_of: Any) -> None:
    facts = facts_of(
        "The surgeon gave him a chance of maybe 35, 40 percent.",
        "It took four or five decades to clean the river.",
    )
    assert _all(facts) == [
        (35, "percent", "at least"),
        (40, "percent", "at most"),
        (4, "decades", "at least"),
        (5, "decades", "at most"),
    ]


def test_a_change_to_a_level_is_no_range(facts_of: Any) -> None:
    facts = facts_of(
        "The deficit increased by $43.6 billion to $419.2 billion.", "They vowed to cut pollution by 50 to 52 percent."
    )
    assert _all(facts) == [
        (43600000000, "dollars", None),
        (419200000000, "dollars", None),
        (50, "percent", "at least"),
        (52, "percent", "at most"),
    ]


def test_a_range_is_held_or_published_whole(facts_of: Any) -> None:
    facts = facts_of("Over the next four or five decades, 300 towns will flood.")
    assert _published(facts) == [(300, "towns", None)]
    assert _held(facts) == [(4, "decades"), (5, "decades")]


def test_or_more_and_a_list_are_no_range(facts_of: Any) -> None:
    facts = facts_of("We believe that there are 20 or more Americans missing.")
    assert _all(facts) == [(20, "Americans", None)]
    listed = facts_of("Turnout was 5, 6 or 7 percent in the three towns.")
    assert all(q is None for _, _, q in _all(listed))


def test_and_a_half_is_part_of_the_number(facts_of: Any) -> None:
    facts = facts_of("Workers will get more in four and a half years than in the last 22 years.")
    assert _all(facts) == [(4.5, "years", None), (22, "years", None)]


def test_a_fraction_is_no_count(facts_of: Any) -> None:
    assert _all(facts_of("Inflation is down two thirds from its peak.")) == []


def test_a_number_with_a_plural_s_is_no_count(facts_of: Any) -> None:
    facts = facts_of("The 49ers won 3 games, as in the 1970s, and Channel 5s coverage was popular.")
    assert _all(facts) == [(3, "games", None)]


def test_calibration_never_publishes_a_held_figure() -> None:
    table = {"kinds": {"figures": {"cells": {"": {"p": 0.99}}}}}
    held = {"value": 1, "unit": "option", "text": "one", "confidence": calibration.HELD_CONFIDENCE}
    plain = {**held, "confidence": 0.65}
    assert calibration.calibrated("figures", held, {}, table) == calibration.HELD_CONFIDENCE
    assert calibration.calibrated("figures", plain, {}, table) == 0.99


def test_a_group_pointed_back_to_or_a_speakers_own_points_are_no_count(facts_of: Any) -> None:
    facts = facts_of(
        "I think those two nations will talk again.",
        "I have two thoughts here, Steve.",
        "Hamas freed two Americans on Friday.",
    )
    assert _published(facts) == [(2, "Americans", None)]
    assert (2, "nations") in _held(facts)
    assert (2, "thoughts") not in [(v, u) for v, u, _ in _published(facts)]


def test_a_rate_keeps_its_period(facts_of: Any) -> None:
    # "$35 a month" shown as "35 dollars" would be a different fact
    facts = facts_of(
        "Insulin is now capped at $35 a month.",
        "We expect 100 trucks per day to cross.",
        "Hamas released 13 hostages a day after the truce began.",
    )
    assert (35, "dollars per month", None) in _all(facts)
    assert (100, "trucks per day", None) in _all(facts)
    assert (13, "hostages", None) in _all(facts)  # "a day after": a time, not a rate


def test_a_count_that_describes_the_subject_is_not_published(facts_of: Any) -> None:
    # "these are two men that have known each other": who they are, not how many of anything
    facts = facts_of(
        "These are two men that have known each other a long time.",
        "There were two men in the car.",
        "These are the 13 hostages released today.",
    )
    assert _held(facts) == [(2, "men")]
    assert _published(facts) == [(2, "men", None), (13, "hostages", None)]


def test_a_time_window_is_not_published(facts_of: Any) -> None:
    # "over the past two years" frames what the sentence says; it measures nothing
    facts = facts_of("He's taken actions against this over the past two years.", "The war has lasted 11 days.")
    assert _held(facts) == [(2, "years")]
    assert _published(facts) == [(11, "days", None)]


def test_how_long_a_speaker_has_kept_at_a_subject_is_not_published(facts_of: Any) -> None:
    facts = facts_of(
        "The President has been talking now for three days about how we need the aid.",
        "The delegations talked for four hours on Monday.",
    )
    assert _held(facts) == [(3, "days")]
    assert (4, "hours", None) in _published(facts)


def test_a_duration_that_says_when_is_not_published(facts_of: Any) -> None:
    facts = facts_of(
        "The shutdown is two weeks away. Imagine where we are 10 days from now.",
        "Over the last 24 to 48 hours, 300 trucks got in. The war has lasted 11 days.",
    )
    assert sorted(_held(facts)) == [(2, "weeks"), (10, "days"), (24, "hours"), (48, "hours")]
    assert _published(facts) == [(300, "trucks", None), (11, "days", None)]


def test_greater_than_is_a_qualifier(facts_of: Any) -> None:
    facts = facts_of("And greater than 90 percent of the replenishment funds have been expended now.")
    assert _published(facts) == [(90, "percent", "more than")]


def test_a_singular_duration_after_a_number_describes_and_is_not_published(facts_of: Any) -> None:
    facts = facts_of("I apologize for the very long two minute delay. The pause lasted four days.")
    assert _held(facts) == [(2, "minute")]
    assert _published(facts) == [(4, "days", None)]


def test_a_change_is_one_pair_from_and_to_and_a_range_written_with_its_unit_twice_is_one_range(facts_of: Any) -> None:
    facts = facts_of(
        "Growth will slow from 4.8 percent to 4.7 percent next year.",
        "Fees rose 15 per cent to 20 per cent for performance.",
        "Exports rose to $7.36 billion from $6.78 billion.",
    )
    assert _all(facts) == [
        (4.8, "percent", "from"),
        (4.7, "percent", "to"),
        (15, "percent", "at least"),
        (20, "percent", "at most"),
        (6780000000, "dollars", "from"),
        (7360000000, "dollars", "to"),
    ]
    change = [f for f in facts["figures"] if f.get("qualifier") in {"from", "to"}]
    assert {f["text"] for f in change} == {"4.8 percent to 4.7 percent", "$7.36 billion from $6.78 billion"}


def test_a_change_whose_ends_stand_apart_is_one_pair(facts_of: Any) -> None:
    facts = facts_of(
        "Bitcoin plummeted from $36,040 at 10.45pm last night to $34,935 at 5am.",
        "Prices range from $1 in the morning to $2 at night.",
    )
    assert _all(facts) == [
        (36040, "dollars", "from"),
        (34935, "dollars", "to"),
        (1, "dollars", None),
        (2, "dollars", None),
    ]


def test_an_age_and_a_change_over_a_year_are_published(facts_of: Any) -> None:
    facts = facts_of(
        "Evaldas Rimasauskas, a 50 year-old man from Lithuania, pled guilty.",
        "The median price was $3.1 million, down 9.2% year over year.",
        "I apologize for the very long two minute delay.",
    )
    assert _published(facts) == [(50, "year-old", None), (3100000, "dollars", None), (9.2, "percent", None)]
    assert _held(facts) == [(2, "minute")]


def test_a_names_number_before_a_noun_and_a_run_of_two_numbers(facts_of: Any) -> None:
    facts = facts_of(
        "Shares rose as the S P 500 utilities held up.",
        "Berkshire Hathaway Energys 550 megawatt farm opened.",
        "Since October 7 240 hostages were held.",
        "Distillers sold 2.9 million 9 liter cases.",
    )
    assert _all(facts) == [
        (550, "megawatt", None),
        (240, "hostages", None),
        (2900000, "cases", None),
        (9, "liter", None),
    ]


def test_a_number_written_onto_its_currencys_code_is_money(facts_of: Any) -> None:
    facts = facts_of(
        "Shares closed at RM23.50 and the fund holds INR1 trillion.",
        "It paid $US55,931,000 in fees for the A320 jets.",
    )
    assert _all(facts) == [(23.5, "ringgit", None), (1000000000000, "rupees", None), (55931000, "dollars", None)]


def test_a_bare_number_after_the_number_of_something_counts_it(facts_of: Any) -> None:
    facts = facts_of(
        "We have updated the number of Americans killed to 27.",
        "He said 27 times that the number of cases was high.",
    )
    assert _all(facts) == [(27, "Americans", None), (27, "times", None)]
