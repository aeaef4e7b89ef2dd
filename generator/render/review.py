"""The review pages: the facts the publishing threshold held back, by article and by entity, weakest
first, each linked to its line in its fact file; split into pages that stay small at any size."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from generator.render.model import ArticleFacts, Collection

REVIEW_SECTIONS = ("entities", "roles", "figures", "statements", "dates")
ROWS_PER_PAGE = 200
"""Held-back facts per review page: about 550 bytes of Markdown each (article titles, links), so that a
page, as HTML too, stays well below 500 KB; the review index links pages, not rows."""


@dataclass(frozen=True)
class ReviewRow:
    confidence: float
    section: str
    record: dict[str, Any]
    summary: str
    item: ArticleFacts
    line: int | None
    reported_in: int = 0
    """For figures and roles: how many articles report the same figure or role."""


@dataclass
class ReviewGroup:
    """The held-back facts of one article or about one entity."""

    key: str
    title: str
    rows: list[ReviewRow]
    entity: str | None = None
    item: ArticleFacts | None = None


@dataclass
class ReviewPage:
    path: str
    heading: str
    groups: list[ReviewGroup] = field(default_factory=list)

    @property
    def rows(self) -> int:
        return sum(len(g.rows) for g in self.groups)


@dataclass
class ReviewSummary:
    """Counts for the review index and the pages the held-back facts are listed on."""

    published: Counter[str] = field(default_factory=Counter)
    held_back: Counter[str] = field(default_factory=Counter)
    unreviewed: int = 0
    """Published machine facts nobody has marked `reviewed: true` yet."""
    articles: int = 0
    """Articles with at least one held-back fact."""
    by_article: list[ReviewPage] = field(default_factory=list)
    by_entity: list[ReviewPage] = field(default_factory=list)
    weakest: list[ReviewRow] = field(default_factory=list)

    @property
    def pages(self) -> list[ReviewPage]:
        return self.by_article + self.by_entity


def review(collection: Collection, weakest: int = 50) -> ReviewSummary:
    """What waits for review in the whole collection, grouped and split into pages."""
    summary = ReviewSummary()
    reports = _reports(collection)
    by_article: list[ReviewGroup] = []
    by_entity: dict[str, ReviewGroup] = {}
    for item in sorted(collection.articles, key=lambda a: a.article.id):
        facts = item.all_facts or item.facts
        names = {e["id"]: e["name"] for e in facts["entities"]}
        file_ids = _file_entity_ids(facts, item.file_facts or item.facts)
        rows = []
        for section in REVIEW_SECTIONS:
            for record in facts[section]:
                if record.get("published") is not False:
                    summary.published[section] += 1
                    summary.unreviewed += not record.get("reviewed") and record.get("confidence") is not None
                    continue
                summary.held_back[section] += 1
                record_id = file_ids.get(record["id"], record["id"]) if section == "entities" else record["id"]
                line = item.record_lines.get((section, record_id)) or item.record_lines.get((section, ""))
                key = _report_key(section, record)
                rows.append(
                    ReviewRow(
                        float(record.get("confidence", 0)),
                        section,
                        record,
                        _summary(section, record, names),
                        item,
                        line,
                        len(reports.get(key, ())) if key else 0,
                    )
                )
        if not rows:
            continue
        rows.sort(key=_weakest_first)
        by_article.append(ReviewGroup(item.article.id, item.title, rows, item=item))
        for row in rows:
            for entity_id in _about(row.section, row.record):
                group = by_entity.get(entity_id)
                if group is None:
                    page = collection.entities.get(entity_id)
                    group = by_entity[entity_id] = ReviewGroup(
                        entity_id, page.name if page else names.get(entity_id, entity_id), [], entity=entity_id
                    )
                group.rows.append(row)
    summary.articles = len(by_article)
    entity_groups = sorted(by_entity.values(), key=lambda g: (-len(g.rows), g.title.lower(), g.key))
    for group in entity_groups:
        group.rows.sort(key=_weakest_first)
    summary.by_article = _paginate(by_article, "review/articles", "Held back, by article")
    summary.by_entity = _paginate(entity_groups, "review/entities", "Held back, by entity")
    summary.weakest = sorted((r for g in by_article for r in g.rows), key=_weakest_first)[:weakest]
    return summary


def _file_entity_ids(linked: dict[str, Any], file_facts: dict[str, Any]) -> dict[str, str]:
    """Canonical entity id → the id of (the first of) its records in the fact file, for line links."""
    canonical_by_name: dict[str, str] = {}
    for entity in linked["entities"]:
        for name in [entity["name"], *entity.get("aliases", [])]:
            canonical_by_name.setdefault(name, entity["id"])
    out: dict[str, str] = {}
    for record in file_facts["entities"]:
        canonical = canonical_by_name.get(record["name"])
        if canonical is not None:
            out.setdefault(canonical, record["id"])
    return out


def _weakest_first(row: ReviewRow) -> tuple[Any, ...]:
    return (row.confidence, row.item.article.id, REVIEW_SECTIONS.index(row.section), row.record["id"])


def _paginate(groups: list[ReviewGroup], stem: str, heading: str) -> list[ReviewPage]:
    """Groups in order onto pages of about ROWS_PER_PAGE rows; a group too long for one page is cut."""
    pages: list[ReviewPage] = []
    current = ReviewPage(f"{stem}-1.md", f"{heading}, page 1")
    for group in groups:
        rows = group.rows
        while rows:
            room = ROWS_PER_PAGE - current.rows
            if room <= 0:
                pages.append(current)
                current = ReviewPage(f"{stem}-{len(pages) + 1}.md", f"{heading}, page {len(pages) + 1}")
                room = ROWS_PER_PAGE
            current.groups.append(ReviewGroup(group.key, group.title, rows[:room], group.entity, group.item))
            rows = rows[room:]
    if current.groups:
        pages.append(current)
    return pages


def _about(section: str, record: dict[str, Any]) -> list[str]:
    """The entities a fact is about, for the grouping by entity."""
    if section == "entities":
        return [record["id"]]
    fields = {"roles": ("entity",), "figures": ("actor",), "statements": ("speaker",)}.get(section, ())
    return [str(record[f]) for f in fields if record.get(f)]


def _report_key(section: str, record: dict[str, Any]) -> tuple[str, ...] | None:
    if section == "figures":
        return ("figure", f"{record['value']}", str(record.get("unit", "")).lower())
    if section == "roles":
        return ("role", str(record["entity"]), str(record["title"]).lower())
    return None


def _reports(collection: Collection) -> dict[tuple[str, ...], set[str]]:
    """Figure (value, unit) and role (person, title) → the articles that report it, published or not."""
    reports: dict[tuple[str, ...], set[str]] = {}
    for item in collection.articles:
        facts = item.all_facts or item.facts
        for section in ("figures", "roles"):
            for record in facts[section]:
                key = _report_key(section, record)
                if key is not None:
                    reports.setdefault(key, set()).add(item.article.id)
    return reports


def _summary(section: str, record: dict[str, Any], names: dict[str, str]) -> str:
    if section == "entities":
        return f"{record['name']} ({record['type']})"
    if section == "roles":
        return f"{names.get(record['entity'], record['entity'])}: {record['title']}"
    if section == "figures":
        qualifier = f"{record['qualifier']} " if record.get("qualifier") else ""
        return f"{qualifier}{record['value']:g} {record['unit']}"
    if section == "statements":
        speaker = names.get(record.get("speaker") or "", record.get("speaker_text") or "unknown speaker")
        content = str(record["content"])
        return f"{speaker} {record['cue']}: {content[:120]}{'…' if len(content) > 120 else ''}"
    return str(record["date"])
