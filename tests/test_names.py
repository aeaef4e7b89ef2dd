"""Names in every script: non-Latin names keep distinct keys and slugs, and no entity page can take
the place of a section's index page."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest

from generator.articles import Article, slugify
from generator.errors import InputError
from generator.facts.registry import Registry, load_registry, normalise, resolve
from generator.render import gather, make_environment, render_pages
from generator.render.model import ArticleFacts
from generator.storage import read_folder
from tests.conftest import ROOT

NAMES = {
    "arabic": "محمد الضيف",
    "arabic-other": "إسماعيل هنية",
    "hebrew": "יחיא סינוואר",
    "hebrew-other": "בנימין נתניהו",
    "chinese": "习近平",
    "chinese-other": "王毅",
    "cyrillic": "Владимир Путин",
    "cyrillic-other": "Сергей Лавров",
}


def test_names_in_other_scripts_have_distinct_slugs_of_the_allowed_form() -> None:
    slugs = {kind: slugify(name, 60) for kind, name in NAMES.items()}
    assert len(set(slugs.values())) == len(NAMES), slugs
    assert all(re.fullmatch(r"[a-z0-9][a-z0-9-]*", s) and s != "untitled" for s in slugs.values()), slugs
    assert slugify("محمد الضيف") == slugify("مُحَمَّد الضَّيْف"), "vowel points do not change the name"


def test_latin_accents_and_letters_without_a_decomposition_fold_to_plain_letters() -> None:
    assert slugify("Zoë Ørsted") == "zoe-orsted"
    assert slugify("Łukasz Straße") == "lukasz-strasse"
    assert slugify("Ghazi Hamad") == "ghazi-hamad"


def test_names_in_other_scripts_have_distinct_keys() -> None:
    keys = {kind: normalise(name) for kind, name in NAMES.items()}
    assert len(set(keys.values())) == len(NAMES) and "" not in keys.values(), keys
    assert normalise("The Hamas's") == "hamas"


def entity(entity_id: str, name: str, kind: str) -> dict[str, Any]:
    return {"id": entity_id, "name": name, "type": kind, "aliases": [], "sentences": ["s1"]}


def test_a_hebrew_person_and_an_arabic_organisation_stay_two_entities() -> None:
    hebrew = entity(slugify(NAMES["hebrew"], 60), NAMES["hebrew"], "person")
    arabic = entity(slugify("حركة المقاومة الإسلامية", 60), "حركة المقاومة الإسلامية", "organisation")
    resolution = resolve([("a", [hebrew]), ("b", [arabic])], Registry())
    assert resolution.of_record[("a", hebrew["id"])] != resolution.of_record[("b", arabic["id"])]
    assert {e.name for e in resolution.entities.values()} == {NAMES["hebrew"], "حركة المقاومة الإسلامية"}


def test_two_registry_entries_named_in_other_scripts_do_not_collide() -> None:
    text = (
        "entities:\n"
        f"- id: sinwar\n  name: {NAMES['hebrew']}\n  type: person\n"
        f"- id: haniyeh\n  name: {NAMES['arabic-other']}\n  type: person\n"
        f"- id: wang-yi\n  name: {NAMES['chinese-other']}\n  type: person\n"
    )
    registry = load_registry(text, "facts/entities.yaml")
    assert [e.id for e in registry.entries] == ["sinwar", "haniyeh", "wang-yi"]


@pytest.mark.parametrize("page", ["index", "search", "assets"])
def test_a_registry_entry_cannot_take_a_page_name(page: str) -> None:
    text = f"entities:\n- id: {page}\n  name: Index Ventures\n  type: organisation\n"
    with pytest.raises(InputError) as caught:
        load_registry(text, "facts/entities.yaml")
    assert [str(p) for p in caught.value.problems] == [
        f"facts/entities.yaml:2:7: entities[0].id: {page!r} is the name of a page every section has "
        f"(hint: choose another id, like {page}-organisation)"
    ]


def test_an_entity_named_index_does_not_replace_the_list_of_its_section() -> None:
    text = "Index met Search in Assets."
    facts: dict[str, Any] = {
        "article": {"id": "2024-01-01-a", "title": "A", "date": "2024-01-01", "source": "a.txt"},
        "entities": [entity("index", "Index", "person"), entity("search", "Search", "organisation")],
        "roles": [],
        "figures": [],
        "statements": [],
        "dates": [],
        "sentences": [{"id": "s1", "paragraph": 1, "start": 0, "end": len(text), "text": text}],
    }
    article = Article("2024-01-01-a", "a.txt", "A", dt.date(2024, 1, 1), (text,))
    collection = gather([ArticleFacts(article, facts, "a.yaml")])
    env = make_environment(read_folder(ROOT / "templates", ".j2"))
    pages = dict(render_pages(collection, env, {"site_name": "s", "edit_url": "", "facts_dir": "facts"}))
    assert sorted(collection.entities) == ["index-2", "search-2"]
    assert pages["people/index.md"].startswith("# People")
    assert "people/index-2.md" in pages and "organisations/search-2.md" in pages
