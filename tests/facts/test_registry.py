"""The entity registry and linking entities across articles."""

from __future__ import annotations

from typing import Any

import pytest

from generator.errors import InputError
from generator.facts.registry import Registry, load_registry, normalise, resolve


def person(entity_id: str, name: str, *aliases: str, kind: str = "person") -> dict[str, Any]:
    return {"id": entity_id, "name": name, "type": kind, "aliases": list(aliases)}


def canonical_names(articles: dict[str, list[dict[str, Any]]], registry: Registry | None = None) -> dict[str, str]:
    """`article/entity-id` → the canonical name it resolves to."""
    resolution = resolve(articles.items(), registry or Registry())
    return {f"{a}/{e}": resolution.entities[c].name for (a, e), c in resolution.of_record.items()}


def registry(text: str) -> Registry:
    return load_registry(text, "facts/entities.yaml")


def test_full_name_and_bare_surname_in_three_articles_are_one_person() -> None:
    names = canonical_names(
        {
            "a1": [person("biden", "Biden")],
            "a2": [person("joe-biden", "Joe Biden")],
            "a3": [person("joe-biden", "Joe Biden", "Biden")],
        }
    )
    assert set(names.values()) == {"Joe Biden"}


def test_hyphenated_surname_joins_its_full_name() -> None:
    names = canonical_names(
        {"a1": [person("karine-jean-pierre", "Karine Jean-Pierre")], "a2": [person("jean-pierre", "Jean-Pierre")]}
    )
    assert set(names.values()) == {"Karine Jean-Pierre"}


def test_two_people_with_one_surname_are_not_merged_without_evidence() -> None:
    names = canonical_names(
        {
            "a1": [person("joe-biden", "Joe Biden")],
            "a2": [person("hunter-biden", "Hunter Biden")],
            "a3": [person("biden", "Biden")],
        }
    )
    assert names == {"a1/joe-biden": "Joe Biden", "a2/hunter-biden": "Hunter Biden", "a3/biden": "Biden"}


def test_organisation_alias_links_acronym_and_full_name() -> None:
    names = canonical_names(
        {
            "a1": [person("central-intelligence-agency", "Central Intelligence Agency", "CIA", kind="organisation")],
            "a2": [person("cia", "CIA", kind="organisation")],
        }
    )
    assert set(names.values()) == {"Central Intelligence Agency"}


def test_registry_renames_merges_and_retypes() -> None:
    entries = registry(
        "entities:\n"
        "- id: ghazi-hamad\n  name: Ghazi Hamad\n  type: person\n  aliases: [Hamad]\n"
        "- id: mossad\n  name: The Mossad\n  type: organisation\n  aliases: [Mossad]\n"
    )
    resolution = resolve(
        {
            "a1": [person("hamad", "Hamad")],
            "a2": [person("ghazi-hamad", "Ghazi Hamad")],
            "a3": [person("mossad", "Mossad", kind="place")],
        }.items(),
        entries,
    )
    assert resolution.of_record[("a1", "hamad")] == resolution.of_record[("a2", "ghazi-hamad")] == "ghazi-hamad"
    mossad = resolution.canonical("a3", "mossad")
    assert mossad is not None
    assert (mossad.name, mossad.type, mossad.registered) == ("The Mossad", "organisation", True)


def test_registered_surname_is_preferred_to_an_unknown_one() -> None:
    entries = registry("entities:\n- id: joe-biden\n  name: Joe Biden\n  type: person\n")
    names = canonical_names({"a1": [person("biden", "Biden")]}, entries)
    assert names == {"a1/biden": "Joe Biden"}


def test_canonical_ids_do_not_collide_with_registry_ids() -> None:
    entries = registry("entities:\n- id: gaza\n  name: Gaza City\n  type: place\n")
    resolution = resolve({"a1": [person("gaza", "Gaza", kind="place")]}.items(), entries)
    # the record's id is the registry's id, so it is that entity, even with another name
    assert resolution.of_record[("a1", "gaza")] == "gaza"


def test_normalise_ignores_case_dots_accents_and_a_leading_the() -> None:
    assert normalise("the U.S.") == normalise("US") == "us"
    assert normalise("Égypte") == "egypte"
    assert normalise("Hamas's") == "hamas"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "entities:\n- id: a\n  name: A\n  type: person\n  alias: [B]\n",
            "facts/entities.yaml:5:10: entities[0].alias: unknown field 'alias' (hint: did you mean 'aliases'?)",
        ),
        (
            "entities:\n- id: a\n  name: A\n  type: people\n",
            "facts/entities.yaml:4:9: entities[0].type: 'people' is not allowed "
            "(hint: use one of: person, organisation, place)",
        ),
        (
            "entities:\n- id: a\n  name: A\n  type: person\n- id: a\n  name: B\n  type: person\n",
            "facts/entities.yaml:5:7: entities[1].id: duplicate id 'a' (also entities[0])",
        ),
        (
            "entities:\n- id: a\n  name: Ghazi Hamad\n  type: person\n"
            "- id: b\n  name: B\n  type: person\n  aliases: [ghazi hamad]\n",
            "facts/entities.yaml:8:13: entities[1].aliases[0]: 'ghazi hamad' already names entities[0] (a) "
            "(hint: a name can belong to one entity only; remove it from one of them)",
        ),
        (
            "entities:\n- id: a\n  name: A\n  type: person\n  wikidata: 22686\n",
            "facts/entities.yaml:5:13: entities[0].wikidata: expected text, got 22686 (hint: put text in quotes)",
        ),
        (
            "entities:\n- id: A B\n  name: A\n  type: person\n",
            "facts/entities.yaml:2:7: entities[0].id: 'A B' does not have the expected form "
            "(hint: ids are lower-case letters, digits and hyphens, like ghazi-hamad)",
        ),
    ],
)
def test_registry_problems_are_located_with_a_hint(text: str, expected: str) -> None:
    with pytest.raises(InputError) as caught:
        registry(text)
    assert expected in str(caught.value)


def test_empty_or_missing_registry_is_empty() -> None:
    assert load_registry(None, "facts/entities.yaml").entries == ()
    assert registry("# nothing yet\n").entries == ()
    assert registry("entities:\n").entries == ()
