"""Entities linked across articles: one page per real person, titles and first names as evidence,
the registry winning over everything it names."""

from __future__ import annotations

from typing import Any

import pytest

from generator.articles import parse_article
from generator.extract import extract_all
from generator.facts.registry import load_registry, resolve
from generator.render import gather
from generator.render.model import ArticleFacts


@pytest.fixture(scope="module")
def collect(nlp: Any) -> Any:
    def run(*texts: str, registry: str | None = None) -> Any:
        articles = [
            parse_article(f"date 2023-11-{20 + i} Story {i}\n\n{text}\n".encode(), f"story-{i}.txt")
            for i, text in enumerate(texts)
        ]
        items = [
            ArticleFacts(article, facts, f"{article.id}.yaml")
            for article, facts in zip(articles, extract_all(articles, nlp), strict=True)
        ]
        return gather(items, load_registry(registry, "entities.yaml") if registry else None)

    return run


def people(collection: Any) -> dict[str, Any]:
    return {page.name: page for page in collection.entities.values() if page.type == "person"}


def test_the_president_and_his_relatives_are_three_people(collect: Any) -> None:
    collection = collect(
        "President Joe Biden spoke in Washington on Monday. Biden said the talks would go on.",
        "Hunter Biden appeared in court in Los Angeles. President Biden was not there.",
        "Jill Biden visited a school in Ohio. She was joined by teachers.",
    )
    found = people(collection)
    assert set(found) == {"Joe Biden", "Hunter Biden", "Jill Biden"}
    assert "Biden" not in found["Hunter Biden"].aliases  # the President's mentions are not Hunter's
    assert len(found["Joe Biden"].articles) == 2
    assert [a.article.id for a in found["Hunter Biden"].articles] == ["2023-11-21-story-1"]


def test_short_and_long_first_names_are_one_person(collect: Any) -> None:
    collection = collect(
        "Secretary of State Antony Blinken arrived in Tel Aviv on Monday.",
        "Tony Blinken met the foreign minister of Jordan in Amman.",
        "Phil Gordon, an adviser, met officials in Ramallah. Philip Gordon later flew home.",
    )
    found = people(collection)
    assert {"Antony Blinken", "Tony Blinken"} & set(found) and not {"Antony Blinken", "Tony Blinken"} <= set(found)
    assert not {"Phil Gordon", "Philip Gordon"} <= set(found)


def test_different_first_names_stay_apart() -> None:
    records: list[tuple[str, list[dict[str, Any]]]] = [
        ("a", [{"id": "jill-biden", "name": "Jill Biden", "type": "person"}]),
        ("b", [{"id": "joe-biden", "name": "Joe Biden", "type": "person"}]),
    ]
    resolution = resolve(records, load_registry(None, "entities.yaml"))
    assert resolution.of_record[("a", "jill-biden")] != resolution.of_record[("b", "joe-biden")]


def test_a_registry_record_takes_every_mention_its_names_match() -> None:
    registry = load_registry(
        "entities:\n  - id: benjamin-netanyahu\n    name: Benjamin Netanyahu\n    type: person\n"
        "    aliases: [Bibi Netanyahu]\n",
        "entities.yaml",
    )
    records: list[tuple[str, list[dict[str, Any]]]] = [
        ("a", [{"id": "bibi-netanyahu", "name": "Bibi Netanyahu", "type": "person", "aliases": ["Netanyahu"]}]),
        ("b", [{"id": "benjamin-netanyahu", "name": "Benjamin Netanyahu", "type": "person"}]),
        ("c", [{"id": "netanyahu", "name": "Prime Minister Netanyahu", "type": "person"}]),
        ("d", [{"id": "b-netanyahu", "name": "Benjamin Netanyahu", "type": "person", "aliases": ["Bibi"]}]),
        ("e", [{"id": "pm", "name": "Prime Minister Benjamin Netanyahu", "type": "person"}]),
    ]
    resolution = resolve(records, registry)
    assert {canonical for canonical in resolution.of_record.values()} == {"benjamin-netanyahu"}
    assert [e.id for e in resolution.entities.values() if e.type == "person"] == ["benjamin-netanyahu"]


def test_a_person_one_article_typed_an_organisation_is_the_person() -> None:
    records: list[tuple[str, list[dict[str, Any]]]] = [
        ("a", [{"id": "sisi", "name": "Abdel Fattah Al-Sisi", "type": "person"}]),
        ("b", [{"id": "sisi", "name": "Abdel Fattah Al-Sisi", "type": "person"}]),
        ("c", [{"id": "el-sisi", "name": "Abdel Fattah El-Sisi", "type": "organisation"}]),
    ]
    resolution = resolve(records, load_registry(None, "entities.yaml"))
    assert len(set(resolution.of_record.values())) == 1
    [entity] = resolution.entities.values()
    assert (entity.name, entity.type) == ("Abdel Fattah Al-Sisi", "person")


def test_one_word_typed_an_organisation_or_a_place_is_the_one_person_it_names() -> None:
    records: list[tuple[str, list[dict[str, Any]]]] = [
        ("a", [{"id": "sisi", "name": "Abdel Fattah Al-Sisi", "type": "person"}]),
        ("b", [{"id": "el-sisi", "name": "El-Sisi", "type": "organisation"}]),
        ("c", [{"id": "harris", "name": "Vice President Kamala Harris", "type": "person"}]),
        ("d", [{"id": "kamala", "name": "Kamala", "type": "place"}]),
        (
            "e",
            [
                {"id": "jordan", "name": "Jordan", "type": "place"},
                {"id": "mj", "name": "Michael Jordan", "type": "person"},
            ],
        ),
    ]
    resolution = resolve(records, load_registry(None, "entities.yaml"))
    assert resolution.of_record[("b", "el-sisi")] == resolution.of_record[("a", "sisi")]
    assert resolution.of_record[("d", "kamala")] == resolution.of_record[("c", "harris")]
    assert resolution.of_record[("e", "jordan")] != resolution.of_record[("e", "mj")]  # a country knowledge knows


def test_a_body_named_two_ways_is_one_organisation() -> None:
    records: list[tuple[str, list[dict[str, Any]]]] = [
        ("a", [{"id": "t1", "name": "Department of the Treasury", "type": "organisation"}]),
        ("b", [{"id": "t2", "name": "Treasury Department", "type": "organisation"}]),
        ("c", [{"id": "h", "name": "Ministry of Health", "type": "organisation"}]),
        ("d", [{"id": "j", "name": "Department of Justice", "type": "organisation"}]),
        ("e", [{"id": "a1", "name": "United States Army", "type": "organisation"}]),
        ("f", [{"id": "a2", "name": "U.S. Army", "type": "organisation"}]),
        ("g", [{"id": "u1", "name": "UN Relief and Works Agency", "type": "organisation"}]),
        ("h", [{"id": "u2", "name": "United Nations Relief and Works Agency", "type": "organisation"}]),
    ]
    resolution = resolve(records, load_registry(None, "entities.yaml"))
    assert resolution.of_record[("a", "t1")] == resolution.of_record[("b", "t2")]
    assert resolution.of_record[("e", "a1")] == resolution.of_record[("f", "a2")]
    assert resolution.of_record[("g", "u1")] == resolution.of_record[("h", "u2")]
    assert (
        len({resolution.of_record[("c", "h")], resolution.of_record[("d", "j")], resolution.of_record[("a", "t1")]})
        == 3
    )


def test_a_bare_surname_or_first_name_joins_the_one_person_who_has_it() -> None:
    records: list[tuple[str, list[dict[str, Any]]]] = [
        ("a", [{"id": "sisi", "name": "Abdel Fattah Al-Sisi", "type": "person"}]),
        ("b", [{"id": "sisi", "name": "President Sisi", "type": "person"}]),
        ("c", [{"id": "tamim", "name": "Tamim bin Hamad Al-Thani", "type": "person"}]),
        ("d", [{"id": "tamim", "name": "Sheikh Tamim", "type": "person"}]),
    ]
    resolution = resolve(records, load_registry(None, "entities.yaml"))
    assert resolution.of_record[("b", "sisi")] == resolution.of_record[("a", "sisi")]
    assert resolution.of_record[("d", "tamim")] == resolution.of_record[("c", "tamim")]


def test_a_name_cut_short_joins_the_one_longer_name_it_begins() -> None:
    def person(name: str, id_: str = "p") -> dict[str, Any]:
        return {"id": id_, "name": name, "type": "person"}

    records: list[tuple[str, list[dict[str, Any]]]] = [
        ("a", [person("Kim Jong Un")]),
        ("b", [person("Kim Jong")]),  # "Kim Jong — I'm sorry"
        ("c", [person("Ana Maria Diaz"), person("Ana Maria Soto", "x")]),
        ("d", [person("Ana Maria")]),
        ("e", [person("Mohammed Ali Hussein"), person("Tariq Ali", "x")]),
        ("f", [person("Mohammed Ali")]),
    ]
    resolution = resolve(records, load_registry(None, "entities.yaml"))
    page = resolution.of_record
    assert page[("b", "p")] == page[("a", "p")]
    # two longer names begin so: which one is meant is not known
    assert page[("d", "p")] not in {page[("c", "p")], page[("c", "x")]}
    # Ali is a surname: "Mohammed Ali" is a name of its own, not one cut short
    assert page[("f", "p")] != page[("e", "p")]


def test_names_the_registry_keeps_apart_stay_apart() -> None:
    registry = load_registry(
        "entities:\n"
        "  - {id: kim-jong, name: Kim Jong, type: person}\n"
        "  - {id: kim-jong-un, name: Kim Jong Un, type: person}\n"
        "  - {id: epa-band, name: EPA, type: organisation}\n",
        "entities.yaml",
    )
    records: list[tuple[str, list[dict[str, Any]]]] = [
        ("a", [{"id": "p", "name": "Kim Jong Un", "type": "person"}]),
        ("b", [{"id": "p", "name": "Kim Jong", "type": "person"}]),
        ("c", [{"id": "o", "name": "Environmental Protection Agency", "type": "organisation"}]),
        ("d", [{"id": "o", "name": "EPA", "type": "organisation"}]),
    ]
    page = resolve(records, registry).of_record
    assert (page[("a", "p")], page[("b", "p")]) == ("kim-jong-un", "kim-jong")
    assert page[("d", "o")] == "epa-band" != page[("c", "o")]


def test_a_place_is_named_as_most_articles_name_it() -> None:
    from generator.facts.registry import Registry

    def place(name: str, *aliases: str) -> list[dict[str, Any]]:
        return [{"id": "p", "name": name, "type": "place", "aliases": list(aliases), "sentences": ["s1"]}]

    # "President Hertzog of Israel": the title cut off, the rest kept one place name longer than "Israel"
    articles = [(f"a{i}", place("Ruritania")) for i in range(3)] + [("a3", place("Hertzog of Ruritania", "Ruritania"))]
    resolution = resolve(articles, Registry())
    assert {c.name for c in resolution.entities.values()} == {"Ruritania"}


def test_a_surname_misspelt_by_one_letter_joins_the_one_person_it_fits(collect: Any) -> None:
    collection = collect(
        "Prime Minister Benjamin Netanyahu spoke in Jerusalem on Monday.",
        "Reporters asked whether Prime Minister Netanyanu had spoken with the King of Jordan.",
        "Senator Tim Kaine met Senator Kane in Washington on Friday.",
    )
    found = people(collection)
    assert "Netanyanu" not in found
    assert len(found["Benjamin Netanyahu"].articles) == 2
    assert "Kane" in found  # a short surname one letter off another is another person


def org(name: str) -> list[dict[str, Any]]:
    """One article's records: the organisation `name` (id "o")."""
    return [{"id": "o", "name": name, "type": "organisation"}]


def pages_of(records: list[tuple[str, list[dict[str, Any]]]]) -> dict[str, str]:
    """Article → the page its organisation "o" is on."""
    resolution = resolve(records, load_registry(None, "entities.yaml"))
    return {article: resolution.of_record[(article, "o")] for article, _ in records}


def test_initials_join_the_one_name_they_abbreviate() -> None:
    records = [
        ("a", org("Environmental Protection Agency")),
        ("b", org("EPA")),
        ("c", org("Customs and Border Protection")),
        ("d", org("CBP")),
        ("e", org("International Criminal Court")),
        ("f", org("International Cricket Council")),
        ("g", org("ICC")),
        ("h", org("U.S. Army Watercraft")),
        ("i", org("UAW")),
        ("j", org("Department of Justice")),
        ("k", org("DOJ")),
        ("l", org("DHS")),
        ("m", org("Department of Homeland Security")),
    ]
    page = pages_of(records)
    assert page["b"] == page["a"]
    assert page["d"] == page["c"]
    assert page["k"] == page["j"]  # "of" has its letter in some initials
    assert page["l"] == page["m"]
    # two names have those initials: which one is meant is not known
    assert page["g"] not in {page["e"], page["f"]}
    assert page["i"] != page["h"]  # the autoworkers' union is no army boat unit


def test_a_body_with_and_without_its_countrys_initials_is_one() -> None:
    records = [
        ("a", org("U.S. Department of State")),
        ("b", org("U.S. State Department")),
        ("c", org("State Department")),
        ("d", org("UK Foreign Ministry")),
        ("e", org("US Foreign Ministry")),
        ("f", org("Foreign Ministry")),
    ]
    page = pages_of(records)
    assert page["a"] == page["b"] == page["c"]
    # two countries' foreign ministries: which one the bare name means is not known
    assert page["f"] not in {page["d"], page["e"]}
    assert page["d"] != page["e"]
