"""What Pagefind indexes: a record per entity and per article, each fact a heading anchored on its
sentence, every text escaped, and a bounded number of facts per article."""

from __future__ import annotations

from typing import Any

from bs4 import BeautifulSoup

from generator.render import gather
from generator.render.search import FACTS_PER_ARTICLE, search_records
from tests.render.test_collection_pages import article_facts

PERSON = {"id": "ghazi-hamad", "name": "Ghazi Hamad", "type": "person", "aliases": ["Hamad"], "sentences": ["s1"]}


def records(**extra: Any) -> dict[str, BeautifulSoup]:
    item = article_facts("2023-11-29", [(60, "hostages", "freed")], entities=[PERSON], **extra)
    return {path: BeautifulSoup(html, "html.parser") for path, html in search_records(gather([item]))}


def meta(record: BeautifulSoup, name: str) -> str:
    tag = record.select_one(f'[data-pagefind-meta="{name}"]')
    assert tag is not None, name
    return tag.get_text()


def statement(number: int, content: str = "the truce holds") -> dict[str, Any]:
    return {
        "id": f"statement-{number}",
        "speaker": "ghazi-hamad",
        "speaker_text": "Hamad",
        "cue": "said",
        "content": content,
        "kind": "indirect",
        "sentence": "s1",
        "confidence": 0.8,
    }


def test_a_person_has_a_record_at_their_page_with_kind_aliases_and_titles() -> None:
    role = {
        "id": "role-1",
        "entity": "ghazi-hamad",
        "title": "spokesman of the office",
        "sentence": "s1",
        "confidence": 0.8,
    }
    record = records(roles=[role])["people/ghazi-hamad.html"]
    assert meta(record, "title") == "Ghazi Hamad"
    assert meta(record, "kind") == "Person"
    assert "Hamad" in record.get_text() and "spokesman of the office" in record.get_text()


def test_each_fact_of_an_article_is_a_heading_anchored_on_its_sentence() -> None:
    record = records(statements=[statement(1)])["articles/2023-11-29-story.html"]
    assert meta(record, "kind") == "Article"
    headings = {h.get_text(): h["id"] for h in record.find_all("h2")}
    assert headings["Statement · Ghazi Hamad"] == "fs-s1"
    assert any(text.startswith("Figure · ") for text in headings)


def test_record_text_stays_text() -> None:
    record = records(statements=[statement(1, "<script>alert(1)</script><img src=x onerror=alert(2)>")])
    article = record["articles/2023-11-29-story.html"]
    assert not article.find_all(["script", "img"])
    assert "<script>alert(1)</script>" in article.get_text()


def test_an_article_indexes_a_bounded_number_of_facts_figures_first() -> None:
    record = records(statements=[statement(n) for n in range(FACTS_PER_ARTICLE + 10)])
    headings = [h.get_text() for h in record["articles/2023-11-29-story.html"].find_all("h2")]
    assert len(headings) == FACTS_PER_ARTICLE
    assert headings[0].startswith("Figure · ")


def test_an_empty_collection_still_has_a_record_to_index() -> None:
    assert [path for path, _ in search_records(gather([]))] == ["index.html"]


def test_an_entity_record_carries_how_many_articles_name_it_for_ranking() -> None:
    record = records()["people/ghazi-hamad.html"]
    assert record.select_one('[data-pagefind-meta="articles:1"]') is not None
