"""What the extraction rule tests share: a Markdown article made from a few paragraphs, and its facts."""

from __future__ import annotations

from typing import Any

import pytest

from generator.articles import parse_article
from generator.extract import extract_all


def article_bytes(title: str, date: str, paragraphs: tuple[str, ...]) -> bytes:
    """A Markdown article with front matter, the way `../shared/eval` and the corpus write them."""
    body = "\n\n".join(paragraphs)
    return f'---\ntitle: "{title}"\ndate: {date}\n---\n\n{body}\n'.encode()


@pytest.fixture(scope="module")
def facts_of(nlp: Any) -> Any:
    """The fact document of an article made of `paragraphs` (and a `title` and `date`)."""

    def run(*paragraphs: str, title: str = "A test article", date: str = "2023-11-29") -> dict[str, Any]:
        article = parse_article(article_bytes(title, date, paragraphs), "test.md")
        return next(extract_all([article], nlp))

    return run


@pytest.fixture(scope="module")
def entities_of(nlp: Any) -> Any:
    """The (name, type) of every entity of a plain-text article made of `paragraphs`."""

    def run(*paragraphs: str) -> set[tuple[str, str]]:
        text = "date 2023-11-29 A test article\n\n" + "\n\n".join(paragraphs) + "\n"
        facts = next(extract_all([parse_article(text.encode(), "test.txt")], nlp))
        return {(e["name"], e["type"]) for e in facts["entities"]}

    return run
