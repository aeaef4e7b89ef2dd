"""Figure rules: numbers read as a reader reads them, and only counts a reader would chart or quote."""

from __future__ import annotations

from typing import Any

import pytest

from generator.articles import parse_article
from generator.extract import extract_all


@pytest.fixture(scope="module")
def figures_of(nlp: Any) -> Any:
    def run(*paragraphs: str) -> list[tuple[Any, str, str | None]]:
        text = "date 2023-11-29 A test article\n\n" + "\n\n".join(paragraphs) + "\n"
        facts = next(extract_all([parse_article(text.encode(), "test.txt")], nlp))
        return [(f["value"], f["unit"], f.get("qualifier")) for f in facts["figures"]]

    return run


def test_a_number_in_words_is_one_number(figures_of: Any) -> None:
    assert figures_of("One hundred and twenty countries voted for the resolution.") == [(120, "countries", None)]
    assert figures_of("There are twenty-eight thousand six hundred forty-two students enrolled.") == [
        (28642, "students", None)
    ]


def test_a_negated_quantity_is_no_figure(figures_of: Any) -> None:
    assert figures_of("Not one Republican voted for the bill.") == []


def test_a_period_is_not_more_than(figures_of: Any) -> None:
    assert figures_of("We have created jobs over the last four years.") == [(4, "years", None)]


def test_what_a_speaker_counts_in_passing_is_no_figure(figures_of: Any) -> None:
    assert figures_of("I have two questions.", "Just one more thing about the talks.") == []


def test_one_of_several_is_no_figure(figures_of: Any) -> None:
    assert figures_of("It is one of those moments that decide the future.") == []


def test_a_clock_time_is_no_figure(figures_of: Any) -> None:
    assert figures_of("On Wall St at 1.56pm the index rose.") == []


def test_a_text_posted_twice_counts_its_figures_once(figures_of: Any) -> None:
    paragraph = "Officials said 60 trucks entered Gaza on Friday."
    assert figures_of(paragraph, "The statement follows.", paragraph) == [(60, "trucks", None)]


def test_a_range_the_model_cut_in_two_is_one_range(figures_of: Any) -> None:
    assert figures_of("It has a scale of fines from $250,000 to $1 million that he paid.") == [
        (250000, "dollars", "at least"),
        (1000000, "dollars", "at most"),
    ]


def test_a_signed_change_after_an_index_name_is_the_change(figures_of: Any) -> None:
    assert (0.3, "%", None) in figures_of("On Wall St at 1.56pm: Dow +0.2% S&P 500 +0.3% Nasdaq +0.8%.")
    assert not [f for f in figures_of("On Wall St: S&P 500 +0.3%.") if f[0] == 500.3]


def test_a_measure_between_number_and_noun_is_the_unit(figures_of: Any) -> None:
    assert figures_of("There was a 60 basis point improvement in its margins.") == [(60, "basis point", None)]


def test_a_unit_keeps_no_stray_dash_or_dots(figures_of: Any) -> None:
    assert figures_of("The range grew to 287 miles- and the charging time fell.")[0][:2] == (287, "miles")
    assert figures_of("The cars reached about 80 m.p.h. on the track.")[0][:2] == (80, "mph")


def test_a_scaled_amount_is_read_without_float_error(figures_of: Any) -> None:
    assert figures_of("The President will announce $8.2 billion in rail funding.") == [(8200000000, "dollars", None)]


def test_an_ordinal_before_the_noun_is_part_of_what_is_counted(figures_of: Any) -> None:
    assert figures_of("Twenty first graders were killed at the school.") == [(20, "first graders", None)]


def test_a_generations_letter_makes_a_name_not_a_count(figures_of: Any) -> None:
    assert figures_of("It was the case with the lead up to 3G and 4G networks.") == []


def test_a_number_below_zero_keeps_its_sign_and_a_temperature_its_scale(figures_of: Any) -> None:
    assert figures_of("Temperatures fell to minus 20 degrees Celsius overnight.") == [(-20, "degrees Celsius", None)]
    assert figures_of("The plants will cool the gas to minus-260 degrees Fahrenheit.") == [
        (-260, "degrees Fahrenheit", None)
    ]
    assert figures_of("It was -5 degrees in Kyiv.") == [(-5, "degrees", None)]


def test_an_area_unit_of_two_words_is_one_unit(figures_of: Any) -> None:
    assert figures_of("The 1520 sq m medical centre is leased.") == [(1520, "sq m", None)]
    assert figures_of("The iconic 3923sq m estate was put out to tender.") == [(3923, "sq m", None)]


def test_a_number_and_plus_is_more_than_that_number(figures_of: Any) -> None:
    assert figures_of("We have sanctioned some 400-plus entities since January.") == [(400, "entities", "more than")]
