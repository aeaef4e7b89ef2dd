"""The site as data: articles with their facts, entities gathered across articles, indexes."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Any

from generator.articles import Article
from generator.facts.registry import Canonical, Registry, Resolution, resolve
from generator.render.publish import split_published
from generator.render.speakers import attribute_titled_speakers

TYPE_FOLDERS = {"person": "people", "organisation": "organisations", "place": "places"}
TYPE_TITLES = {"person": "People", "organisation": "Organisations", "place": "Places"}


@dataclass
class ArticleFacts:
    article: Article
    facts: dict[str, Any]
    fact_file: str
    """The fact file's name relative to the facts folder, for edit links."""
    record_lines: dict[tuple[str, str], int] = field(default_factory=dict)
    """(section, record id) → line of the record in the fact file, for the review page."""
    file_facts: dict[str, Any] | None = None
    """The facts as the file has them, before entities were linked across articles."""
    held: bool = False
    """The fact file is broken; these are its last good facts."""
    touched: frozenset[tuple[str, str]] = frozenset()
    """(section, record id) of the records a person added or changed: always published."""
    all_facts: dict[str, Any] | None = None
    """Every fact, linked, the ones the threshold held back marked `published: false` (for downloads)."""

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
    canonical: Canonical
    aliases: set[str] = field(default_factory=set)
    articles: list[ArticleFacts] = field(default_factory=list)
    mentions: int = 0
    roles: list[tuple[dict[str, Any], ArticleFacts]] = field(default_factory=list)
    statements: list[tuple[dict[str, Any], ArticleFacts]] = field(default_factory=list)
    figures: list[tuple[dict[str, Any], ArticleFacts]] = field(default_factory=list)
    related: Counter[str] = field(default_factory=Counter)

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


def gather(
    items: list[ArticleFacts], registry: Registry | None = None, min_confidence: dict[str, float] | None = None
) -> Collection:
    """Entities linked across articles (through the registry first) become one page each. With
    `min_confidence`, `facts` hold only the published facts (see `publish`), `all_facts` every fact."""
    items = attribute_titled_speakers(items)
    titles: dict[tuple[str, str], list[str]] = {}
    for item in items:
        for role in item.facts["roles"]:
            titles.setdefault((item.article.id, role["entity"]), []).append(role["title"])
    resolution = resolve(((i.article.id, i.facts["entities"]) for i in items), registry or Registry(), titles)
    every = [(item, linked_facts(item, resolution)) for item in items]
    # An entity published in one article is corroborated: its weaker mentions elsewhere are published too.
    first = [_published(item, facts, resolution, min_confidence) for item, facts in every]
    corroborated = frozenset(e["id"] for item in first for e in item.facts["entities"])
    linked = [_published(item, facts, resolution, min_confidence, corroborated) for item, facts in every]
    ordered = sorted(linked, key=lambda a: (a.date, a.article.id), reverse=True)
    entities: dict[str, EntityPage] = {}
    for item in ordered:
        for record in item.facts["entities"]:
            page = entities.get(record["id"])
            if page is None:
                canonical = resolution.entities[record["id"]]
                page = entities[record["id"]] = EntityPage(canonical.id, canonical.name, canonical.type, canonical)
                page.aliases.update(canonical.aliases)
            page.articles.append(item)
            page.mentions += len(record.get("sentences", [])) or 1
        ids = [e["id"] for e in most_mentioned(item.facts["entities"])]
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
        page.aliases.discard(page.name)
    return Collection(ordered, entities)


MAX_RELATED = 100
"""Of one article, only the entities mentioned most (in most sentences) count as "often mentioned
with" each other: at most MAX_RELATED × (MAX_RELATED − 1) counts per article, however many entities
it names (all of them pairwise would grow with the square: 12,000 names, over 3 GB)."""


def most_mentioned(entities: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The MAX_RELATED entities of an article in the most sentences (ties by id)."""
    if len(entities) <= MAX_RELATED:
        return entities
    return sorted(entities, key=lambda e: (-len(e.get("sentences", [])), e["id"]))[:MAX_RELATED]


def _published(
    item: ArticleFacts,
    linked: dict[str, Any],
    resolution: Resolution,
    min_confidence: dict[str, float] | None,
    corroborated: frozenset[str] = frozenset(),
) -> ArticleFacts:
    file_facts = item.file_facts or item.facts
    if min_confidence is None:
        return replace(item, facts=linked, file_facts=file_facts, all_facts=linked)
    canonical_of = {e["id"]: resolution.of_record[(item.article.id, e["id"])] for e in item.facts["entities"]}
    shown, everything = split_published(item.facts, linked, canonical_of, item.touched, min_confidence, corroborated)
    return replace(item, facts=shown, file_facts=file_facts, all_facts=everything)


def linked_facts(item: ArticleFacts, resolution: Resolution) -> dict[str, Any]:
    """The article's facts with every entity reference replaced by its canonical entity; two records
    of the article that are one entity become one record."""
    facts = item.facts
    canonical_of = {
        record["id"]: resolution.entities[resolution.of_record[(item.article.id, record["id"])]]
        for record in facts["entities"]
    }
    merged: dict[str, dict[str, Any]] = {}
    for record in facts["entities"]:
        canonical = canonical_of[record["id"]]
        into = merged.get(canonical.id)
        names = [record["name"], *record.get("aliases", [])]
        if into is None:
            into = merged[canonical.id] = {
                **record,
                "id": canonical.id,
                "name": canonical.name,
                "type": canonical.type,
                "aliases": [],
                "sentences": [],
            }
        into["aliases"] = sorted({*into["aliases"], *names} - {canonical.name})
        # sentence ids are s1, s2, … (the schema checks it): in text order by number
        into["sentences"] = sorted({*into["sentences"], *record.get("sentences", [])}, key=lambda s: int(s[1:]))

    def ref(value: Any) -> Any:
        return canonical_of[value].id if value in canonical_of else value

    return {
        **facts,
        "entities": list(merged.values()),
        "roles": [
            {**r, "entity": ref(r["entity"]), "organisation": ref(r.get("organisation"))} for r in facts["roles"]
        ],
        "figures": [{**f, "actor": ref(f.get("actor"))} for f in facts["figures"]],
        "statements": [{**s, "speaker": ref(s.get("speaker"))} for s in facts["statements"]],
    }
