"""Transcript speakers named only by their title ("THE VICE PRESIDENT:") become the person who holds that
title on that day, as the collection's role facts say ("Vice President Kamala Harris" in another article).

A step of making pages: the fact files keep what the article itself says.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from generator.articles import slugify

if TYPE_CHECKING:
    from generator.render.model import ArticleFacts

_TITLE_LABEL = re.compile(r"^THE\s+(?P<title>[A-Z][A-Z .\-]+)$")


def attribute_titled_speakers(items: list[ArticleFacts]) -> list[ArticleFacts]:
    """`items` with every statement of a title-only label given to the title's holder on the article's
    date (the person most often given that title up to that date, else the first after it); unknown
    titles stay as they are."""
    holders = _holders(items)
    if not holders:
        return items
    out = []
    for item in items:
        facts = _attributed(item, holders)
        out.append(item if facts is None else replace(item, facts=facts, file_facts=item.facts))
    return out


def _holders(items: list[ArticleFacts]) -> dict[str, list[tuple[str, str]]]:
    """title (lower case) → [(date, holder's name)], from the role facts of the collection."""
    holders: dict[str, list[tuple[str, str]]] = {}
    for item in items:
        names = {e["id"]: e["name"] for e in item.facts["entities"] if e.get("type") == "person"}
        for role in item.facts["roles"]:
            name = names.get(role["entity"])
            if name is not None and len(name.split()) > 1:
                holders.setdefault(role["title"].lower(), []).append((item.date, name))
    for found in holders.values():
        found.sort()
    return holders


def _holder(title: str, date: str, holders: dict[str, list[tuple[str, str]]]) -> str | None:
    """The person most often given `title` up to `date` (ties: the latest), else the first after it: a
    title shared by several countries' office holders ("President") goes to the one the collection is about."""
    found = holders.get(title.lower())
    if not found:
        return None
    before = [name for day, name in found if day <= date]
    if not before:
        return found[0][1]
    counts = Counter(before)
    latest = {name: i for i, name in enumerate(before)}
    return max(counts, key=lambda name: (counts[name], latest[name]))


def _attributed(item: ArticleFacts, holders: dict[str, list[tuple[str, str]]]) -> dict[str, Any] | None:
    """The item's facts with its title-only speakers attributed, or None when nothing changes."""
    facts = item.facts
    entities = [dict(e) for e in facts["entities"]]
    by_name = {e["name"]: e for e in entities}
    statements = []
    changed = False
    for statement in facts["statements"]:
        label = _TITLE_LABEL.match(statement.get("speaker_text") or "")
        name = None if statement.get("speaker") or label is None else _holder(label["title"], item.date, holders)
        if name is None:
            statements.append(statement)
            continue
        record = by_name.get(name)
        if record is None:
            record = by_name[name] = {
                "id": _free_id(slugify(name, 60), {e["id"] for e in entities}),
                "name": name,
                "type": "person",
                "aliases": [],
                "sentences": [],
                "confidence": statement.get("confidence", 0.5),
            }
            entities.append(record)
        record["sentences"] = sorted({*record.get("sentences", []), statement["sentence"]}, key=lambda s: int(s[1:]))
        statements.append({**statement, "speaker": record["id"]})
        changed = True
    if not changed:
        return None
    return {**facts, "entities": entities, "statements": statements}


def _free_id(base: str, taken: set[str]) -> str:
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate
