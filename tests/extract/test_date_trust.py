"""Dates a reader can trust: a relative day counts from the day the text records, and a figure of speech is
no date."""

from __future__ import annotations

from typing import Any

from generator.articles import parse_article
from generator.extract import extract_all


def transcript_dates(nlp: Any, published_time: str, *paragraphs: str) -> set[tuple[str, str]]:
    body = "\n\n".join(paragraphs)
    text = f'---\ntitle: "Press Gaggle"\ndate: 2023-10-10\npublished_time: {published_time}\n---\n\n{body}\n'
    facts = next(extract_all([parse_article(text.encode(), "gaggle.md")], nlp))
    return {(d["text"], d["date"]) for d in facts["dates"]}


EVENING_GAGGLE = ("5:54 P.M. EDT", "MR. KIRBY: Good evening. The President spoke with the families this afternoon.")


def test_an_evening_transcript_posted_next_morning_counts_from_the_evening(nlp: Any) -> None:
    dates = transcript_dates(nlp, "2023-10-10 09:37:38-04:00", *EVENING_GAGGLE)
    assert dates == {("this afternoon", "2023-10-09")}


def test_a_transcript_posted_after_it_began_counts_from_its_own_day(nlp: Any) -> None:
    dates = transcript_dates(nlp, "2023-10-10 20:45:00-04:00", *EVENING_GAGGLE)
    assert dates == {("this afternoon", "2023-10-10")}


def test_the_start_time_is_read_in_its_own_time_zone(nlp: Any) -> None:
    # 10:30 in Tel Aviv (IDT, UTC+3) is 03:30 in Washington: posted at 07:00 there, it is the same day
    dates = transcript_dates(
        nlp, "2023-10-10 07:00:00-04:00", "10:30 A.M. IDT", "THE PRESIDENT: I met the families this morning."
    )
    assert dates == {("this morning", "2023-10-10")}


def test_a_start_time_in_utc_is_read_as_utc(nlp: Any) -> None:
    dates = transcript_dates(nlp, "2023-10-10 09:00:00+00:00", "10:30 A.M. GMT", "MR. KIRBY: We met this morning.")
    assert dates == {("this morning", "2023-10-09")}


def test_a_publication_time_without_its_offset_moves_no_day(nlp: Any) -> None:
    # 07:00 where? Without the offset the two clocks cannot be compared
    dates = transcript_dates(nlp, "2023-10-10 07:00:00", "10:30 A.M. IDT", "MR. KIRBY: We met this morning.")
    assert dates == {("this morning", "2023-10-10")}


def test_a_better_tomorrow_is_no_date(facts_of: Any) -> None:
    facts = facts_of(
        "MS. ODUYA: Good afternoon.",
        "During these difficult times, we must never lose hope or give up on a better tomorrow.",
        "The minister will visit the camp tomorrow.",
        date="2023-10-27",
    )
    assert {(d["text"], d["date"]) for d in facts["dates"]} == {("tomorrow", "2023-10-28")}
    assert len(facts["dates"]) == 1


def test_a_weekday_after_come_or_by_is_ahead(facts_of: Any) -> None:
    # 2023-11-14 is a Tuesday
    facts = facts_of(
        "We face a government shutdown come Friday night.",
        "The board needs the report by Thursday.",
        "I spoke to the governor Monday.",
        date="2023-11-14",
    )
    assert {(d["text"], d["date"]) for d in facts["dates"]} == {
        ("Friday", "2023-11-17"),
        ("Thursday", "2023-11-16"),
        ("Monday", "2023-11-13"),
    }


def test_today_and_always_is_no_day(facts_of: Any) -> None:
    facts = facts_of(
        "We will be with the farmers today and always.", "The minister visits the port tomorrow.", date="2023-10-27"
    )
    assert {(d["text"], d["date"]) for d in facts["dates"]} == {("tomorrow", "2023-10-28")}


def test_a_day_and_month_without_a_year_far_from_the_texts_day_waits_for_review(facts_of: Any) -> None:
    from generator.extract import calibration

    facts = facts_of(
        "Your family was Christmas shopping, December 18th.",
        "The ministers met on October 12th and again on December 18th, 1972.",
        date="2023-10-20",
    )
    threshold = calibration.default_thresholds()["dates"]
    shown = {(d["text"], d["date"]) for d in facts["dates"] if float(d["confidence"]) >= threshold}
    held = {(d["text"], d["date"]) for d in facts["dates"] if float(d["confidence"]) < threshold}
    assert ("December 18th", "2022-12-18") in held
    assert ("October 12th", "2023-10-12") in shown
    assert ("December 18th, 1972", "1972-12-18") in shown
