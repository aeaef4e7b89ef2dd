"""Bounded work for any input: co-mention counts capped per article, text fields capped in length,
titles capped in the reader."""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

import pytest

from generator.articles import Article, parse_article
from generator.errors import InputError
from generator.facts import dump
from generator.facts.validate import load_facts
from generator.render.model import MAX_RELATED, ArticleFacts, gather
from tests.facts.test_merge import BASE

NAME = "facts/a.yaml"


def crowded(count: int) -> ArticleFacts:
    """An article naming `count` people; person i is in i % 7 + 1 sentences."""
    sentences = [{"id": f"s{i}", "paragraph": 1, "start": 0, "end": 1, "text": "x"} for i in range(1, 9)]
    entities = [
        {
            "id": f"person-{i:05d}",
            "name": f"Person {i}",
            "type": "person",
            "sentences": [f"s{j}" for j in range(1, i % 7 + 2)],
        }
        for i in range(count)
    ]
    facts: dict[str, Any] = {
        "article": {"id": "2024-01-01-a", "title": "A", "date": "2024-01-01", "source": "a.txt"},
        "entities": entities,
        "roles": [],
        "figures": [],
        "statements": [],
        "dates": [],
        "sentences": sentences,
    }
    article = Article("2024-01-01-a", "a.txt", "A", dt.date(2024, 1, 1), ("x",))
    return ArticleFacts(article, facts, "a.yaml")


def test_co_mentions_of_an_article_naming_thousands_are_capped_at_the_most_mentioned() -> None:
    collection = gather([crowded(3000)])
    counted = sum(len(page.related) for page in collection.entities.values())
    assert counted == MAX_RELATED * (MAX_RELATED - 1)
    related = {page.id for page in collection.entities.values() if page.related}
    linked = collection.articles[0].facts["entities"]
    most = max(len(e["sentences"]) for e in linked)
    assert len(related) == MAX_RELATED
    assert all(len(e["sentences"]) == most for e in linked if e["id"] in related), "the ones in the most sentences"


def test_an_article_with_fewer_entities_than_the_cap_counts_every_pair() -> None:
    collection = gather([crowded(40)])
    count = len(collection.entities)
    assert count > 30
    assert sum(len(page.related) for page in collection.entities.values()) == count * (count - 1)


@pytest.mark.parametrize(
    "content", ["[" * 40_000, "x" * 400_000, "&<*_`" * 8_000 + "!"], ids=["brackets", "400KB", "specials"]
)
def test_a_statement_too_long_to_render_quickly_is_a_located_error(content: str) -> None:
    facts = copy.deepcopy(BASE)
    facts["statements"] = [{"id": "st", "cue": "said", "content": content, "sentence": "s1"}]
    text = dump(facts)
    with pytest.raises(InputError) as caught:
        load_facts(text, NAME)
    line = next(n for n, t in enumerate(text.splitlines(), 1) if t.startswith("  content:"))
    assert [str(p) for p in caught.value.problems] == [
        f"{NAME}:{line}:12: statements[0].content: the text is {len(content):,} characters long "
        "(hint: keep it under 20,000 characters)"
    ]


def test_the_longest_text_allowed_is_what_the_reader_makes_of_a_paragraph() -> None:
    facts = copy.deepcopy(BASE)
    facts["statements"] = [{"id": "st", "cue": "said", "content": "[" * 20_000, "sentence": "s1"}]
    assert load_facts(dump(facts), NAME)["statements"][0]["content"] == "[" * 20_000


@pytest.mark.parametrize(
    "data",
    [
        b"date 2023-01-01 " + b"T" * 1001 + b"\n\nBody text.\n",
        b"---\ntitle: " + b"T" * 1001 + b"\ndate: 2023-01-01\n---\nBody text.\n",
    ],
    ids=["seed-header", "front-matter"],
)
def test_a_title_over_a_thousand_characters_is_refused(data: bytes) -> None:
    with pytest.raises(InputError) as caught:
        parse_article(data, "long.txt")
    assert [str(p) for p in caught.value.problems] == [
        "long.txt: title: the title is 1,001 characters long (hint: keep it under 1,000 characters)"
    ]
