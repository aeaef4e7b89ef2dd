"""The site as data: articles with their facts, entities gathered across articles, indexes."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from generator.articles import Article

TYPE_FOLDERS = {"person": "people", "organisation": "organisations", "place": "places"}
TYPE_TITLES = {"person": "People", "organisation": "Organisations", "place": "Places"}


@dataclass
class ArticleFacts:
    article: Article
    facts: dict[str, Any]
    fact_file: str
    """The fact file's name relative to the facts folder, for edit links."""

    @property
    def entities(self) -> dict[str, dict[str, Any]]:
        return {e["id"]: e for e in self.facts["entities"]}

    @property
    def title(self) -> str:
        return str(self.facts["article"]["title"])

    @property
    def date(self) -> str:
        return str(self.facts["article"]["date"])


@dataclass
class EntityPage:
    id: str
    name: str
    type: str
    aliases: set[str] = field(default_factory=set)
    articles: list[ArticleFacts] = field(default_factory=list)
    mentions: int = 0
    roles: list[tuple[dict[str, Any], ArticleFacts]] = field(default_factory=list)
    statements: list[tuple[dict[str, Any], ArticleFacts]] = field(default_factory=list)
    figures: list[tuple[dict[str, Any], ArticleFacts]] = field(default_factory=list)
    related: Counter[str] = field(default_factory=Counter)
    types: Counter[str] = field(default_factory=Counter)

    @property
    def folder(self) -> str:
        return TYPE_FOLDERS[self.type]


@dataclass
class Collection:
    articles: list[ArticleFacts]
    """Newest first."""
    entities: dict[str, EntityPage]

    def by_type(self, kind: str) -> list[EntityPage]:
        return sorted((e for e in self.entities.values() if e.type == kind), key=lambda e: (e.name.lower(), e.id))

    def top(self, kind: str, n: int = 10) -> list[EntityPage]:
        return sorted(self.by_type(kind), key=lambda e: (-len(e.articles), -e.mentions, e.name.lower()))[:n]

    def figures(self) -> list[tuple[dict[str, Any], ArticleFacts]]:
        return [(f, a) for a in self.articles for f in a.facts["figures"]]

    def statements(self) -> list[tuple[dict[str, Any], ArticleFacts]]:
        return [(s, a) for a in self.articles for s in a.facts["statements"]]


def gather(items: list[ArticleFacts]) -> Collection:
    """Entities of the same id in different articles become one page."""
    ordered = sorted(items, key=lambda a: (a.date, a.article.id), reverse=True)
    entities: dict[str, EntityPage] = {}
    for item in ordered:
        for record in item.facts["entities"]:
            page = entities.get(record["id"])
            if page is None:
                page = entities[record["id"]] = EntityPage(record["id"], record["name"], record["type"])
            page.types[record["type"]] += 1
            page.aliases.update(record.get("aliases", []))
            if record["name"] != page.name:
                page.aliases.add(record["name"])
            page.articles.append(item)
            page.mentions += len(record.get("sentences", [])) or 1
        ids = [e["id"] for e in item.facts["entities"]]
        for entity_id in ids:
            entities[entity_id].related.update(other for other in ids if other != entity_id)
        for role in item.facts["roles"]:
            entities[role["entity"]].roles.append((role, item))
        for statement in item.facts["statements"]:
            if statement.get("speaker"):
                entities[statement["speaker"]].statements.append((statement, item))
        for figure in item.facts["figures"]:
            if figure.get("actor"):
                entities[figure["actor"]].figures.append((figure, item))
    for page in entities.values():
        page.type = page.types.most_common(1)[0][0]
        page.aliases.discard(page.name)
    return Collection(ordered, entities)
