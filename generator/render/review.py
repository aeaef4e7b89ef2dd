"""The review queue: machine facts nobody has marked `reviewed: true` yet, weakest first."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from generator.render.model import ArticleFacts, Collection

REVIEW_SECTIONS = ("entities", "roles", "figures", "statements", "dates")
MAX_ROWS = 500
"""The page lists this many; the counts above it cover everything."""


@dataclass(frozen=True)
class ReviewRow:
    confidence: float
    section: str
    record: dict[str, Any]
    summary: str
    item: ArticleFacts
    line: int | None


def review_queue(collection: Collection) -> tuple[list[ReviewRow], int, int]:
    """(the weakest MAX_ROWS rows, how many facts wait for review, in how many articles).

    Facts without a confidence were written by a person and need no review."""
    rows: list[ReviewRow] = []
    articles = set()
    for item in collection.articles:
        facts = item.file_facts or item.facts
        names = {e["id"]: e["name"] for e in facts["entities"]}
        for section in REVIEW_SECTIONS:
            for record in facts[section]:
                if record.get("reviewed") or record.get("confidence") is None:
                    continue
                line = item.record_lines.get((section, record["id"])) or item.record_lines.get((section, ""))
                rows.append(
                    ReviewRow(
                        float(record["confidence"]), section, record, _summary(section, record, names), item, line
                    )
                )
                articles.add(item.article.id)
    rows.sort(key=lambda r: (r.confidence, r.item.article.id, REVIEW_SECTIONS.index(r.section), r.record["id"]))
    return rows[:MAX_ROWS], len(rows), len(articles)


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
