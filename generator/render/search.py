"""What search finds: one small HTML record per entity and per article, for Pagefind to index.

Pagefind indexes these records, not the site's pages: a record holds only what a reader searches
for (names, aliases, titles held, headlines and the article's facts), so the index and the memory
it takes to build stay small. Each record's URL is its page's; each fact is a heading whose id is
the anchor of its sentence in the article, so that Pagefind returns it as a sub-result linking
straight to the sentence. Every text is escaped: article text and fact files are untrusted.
"""

from __future__ import annotations

from collections.abc import Iterator
from html import escape
from typing import Any

from generator.render.model import ArticleFacts, Collection, EntityPage

FACTS_PER_ARTICLE = 24
"""Anchored facts indexed per article: each is a Pagefind sub-result, and sub-results are what makes
Pagefind's memory grow (docs/decisions.md). Figures and roles come first, then statements."""

TITLES_PER_ENTITY = 12
"""Distinct titles held that an entity's record lists."""

ENTITY_KINDS = {"person": "Person", "organisation": "Organisation", "place": "Place"}
ARTICLE_KIND = "Article"
# The kind is a `meta`, not a Pagefind `filter`: Pagefind 1.5 writes filters in a different order
# on every run, and the site must be the same bytes from the same input.


def search_records(collection: Collection) -> Iterator[tuple[str, str]]:
    """(path, HTML) of every record; the path is the page's own path, as Pagefind makes the URL from it.
    A site with no article gets one record for its home page: Pagefind writes no index from nothing."""
    for entity in collection.entities.values():
        yield f"{entity.folder}/{entity.id}.html", _entity_record(entity)
    for item in collection.articles:
        yield f"articles/{item.article.id}.html", _article_record(item, collection)
    if not collection.articles and not collection.entities:
        yield "index.html", _record("Page", "Home", 1, ["<p>No articles yet.</p>"])


def _record(kind: str, title: str, weight: int, body: list[str], detail: str = "", articles: int = 0) -> str:
    parts = [
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title></title></head><body>',
        f'<main data-pagefind-body><h1 data-pagefind-meta="title" data-pagefind-weight="{weight}">{escape(title)}</h1>',
        f'<p data-pagefind-meta="kind">{escape(kind)}</p>',
    ]
    if detail:
        parts.append(f'<p data-pagefind-meta="detail">{escape(detail)}</p>')
    if articles:
        parts.append(f'<span data-pagefind-meta="articles:{articles}"></span>')
    parts.extend(body)
    parts.append("</main></body></html>\n")
    return "".join(parts)


def _entity_record(entity: EntityPage) -> str:
    titles: list[str] = []
    for role, _ in entity.roles:
        title = str(role.get("title") or "")
        if title and title not in titles and len(titles) < TITLES_PER_ENTITY:
            titles.append(title)
    body = []
    if entity.aliases:
        body.append(f"<p>{escape(', '.join(sorted(entity.aliases)))}</p>")
    if titles:
        body.append(f"<p>{escape('; '.join(titles))}</p>")
    detail = f"{len(entity.articles)} article(s)" + (f" · {titles[0]}" if titles else "")
    return _record(ENTITY_KINDS[entity.type], entity.name, 10, body, detail, len(entity.articles))


def _article_record(item: ArticleFacts, collection: Collection) -> str:
    body = []
    for heading, text, sentence in _anchored_facts(item, collection)[:FACTS_PER_ARTICLE]:
        body.append(f'<h2 id="fs-{escape(sentence)}">{escape(heading)}</h2><p>{escape(text)}</p>')
    return _record(ARTICLE_KIND, item.title, 5, body, item.date)


def _anchored_facts(item: ArticleFacts, collection: Collection) -> list[tuple[str, str, str]]:
    """(heading: kind and whom it is about, text, sentence id) of the article's facts, in the order
    they are indexed."""

    def name(entity_id: Any, fallback: Any = "") -> str:
        page = collection.entities.get(str(entity_id or ""))
        return page.name if page is not None else str(fallback or "")

    facts: list[tuple[str, str, str]] = []
    for figure in item.facts["figures"]:
        label = " ".join(str(figure.get(k) or "") for k in ("text", "counts") if figure.get(k))
        whom = name(figure.get("actor"))
        facts.append((f"Figure · {whom or label}", label, str(figure["sentence"])))
    for role in item.facts["roles"]:
        facts.append((f"Role · {name(role['entity'])}", str(role.get("title") or ""), str(role["sentence"])))
    for statement in item.facts["statements"]:
        speaker = name(statement.get("speaker"), statement.get("speaker_text")) or "Unknown speaker"
        facts.append((f"Statement · {speaker}", str(statement.get("content") or ""), str(statement["sentence"])))
    return facts
