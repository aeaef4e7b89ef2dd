"""Reviewing machine facts from the command line: what waits, and accepting or rejecting it in the fact
files. Accepting sets `reviewed: true`, rejecting deletes the record; both go through the same
comment-preserving round trip as the merge, so they are hand edits like any other and survive every
rebuild and re-extraction. Pure: text in, text out."""

from __future__ import annotations

import io
from collections.abc import Mapping, Set
from dataclasses import dataclass
from typing import Any

from generator.facts.merge import _round_trip
from generator.render.publish import is_published

REVIEW_SECTIONS = ("entities", "roles", "figures", "statements", "dates")
ENTITY_FIELDS = {"roles": ("entity", "organisation"), "figures": ("actor",), "statements": ("speaker",)}
"""The fields of each kind of fact that name an entity of the file."""


@dataclass(frozen=True)
class Waiting:
    """One machine fact nobody has accepted yet."""

    article: str
    section: str
    record: dict[str, Any]
    published: bool
    summary: str
    about: str | None = None
    """The name of the entity the fact is about, if any."""

    @property
    def confidence(self) -> float:
        return float(self.record.get("confidence", 0))


@dataclass(frozen=True)
class Selection:
    """Which waiting facts a command is about; every part given must match."""

    article: str | None = None
    fact: str | None = None
    entity: str | None = None
    """An entity's id or name (or alias) in the fact files: the entity and every fact about it."""
    include_published: bool = False
    """Also the published facts nobody has reviewed, not only the ones the threshold held back."""


def waiting_facts(
    article: str,
    facts: dict[str, Any],
    touched: Set[tuple[str, str]],
    thresholds: Mapping[str, float],
    selection: Selection,
) -> list[Waiting]:
    """The facts of one article that `selection` picks and that wait for a person's word."""
    if selection.article is not None and selection.article != article:
        return []
    entities = {e["id"]: e for e in facts.get("entities", [])}
    wanted = _entity_ids(entities, selection.entity) if selection.entity is not None else None
    # as on the site: an entity that a published fact names is published whatever its own confidence
    named = {
        record[f]
        for section, fields in ENTITY_FIELDS.items()
        for record in facts.get(section, [])
        if is_published(section, record, touched, thresholds)
        for f in fields
        if record.get(f)
    }
    out = []
    for section in REVIEW_SECTIONS:
        for record in facts.get(section, []):
            if record.get("reviewed") or record.get("confidence") is None or (section, record["id"]) in touched:
                continue  # a person has had their say
            if selection.fact is not None and record["id"] != selection.fact:
                continue
            if wanted is not None and not _about(section, record, wanted):
                continue
            published = is_published(section, record, frozenset(), thresholds) or (
                section == "entities" and record["id"] in named
            )
            if published and not selection.include_published:
                continue
            subject = next((record.get(f) for f in ENTITY_FIELDS.get(section, ()) if record.get(f) in entities), None)
            about = record["name"] if section == "entities" else entities[subject]["name"] if subject else None
            out.append(Waiting(article, section, record, published, summary(section, record, entities), about))
    return out


def _entity_ids(entities: dict[str, dict[str, Any]], wanted: str) -> set[str]:
    key = wanted.casefold()
    return {
        entity_id
        for entity_id, e in entities.items()
        if entity_id == wanted or key in {n.casefold() for n in [e["name"], *e.get("aliases", [])]}
    }


def _about(section: str, record: dict[str, Any], entity_ids: set[str]) -> bool:
    if section == "entities":
        return record["id"] in entity_ids
    return any(record.get(f) in entity_ids for f in ENTITY_FIELDS.get(section, ()))


def summary(section: str, record: dict[str, Any], entities: dict[str, dict[str, Any]]) -> str:
    """One line that says what the fact is."""

    def name(entity_id: Any, fallback: Any = "?") -> str:
        return str(entities[entity_id]["name"]) if entity_id in entities else str(fallback)

    if section == "entities":
        return f"{record['name']} ({record['type']})"
    if section == "roles":
        return f"{name(record['entity'])}: {record['title']}"
    if section == "figures":
        qualifier = f"{record['qualifier']} " if record.get("qualifier") else ""
        return f"{qualifier}{record['value']} {record.get('unit', '')}".rstrip()
    if section == "statements":
        content = str(record["content"])
        speaker = name(record.get("speaker"), record.get("speaker_text") or "unknown speaker")
        return f"{speaker} {record.get('cue', 'said')}: {content[:80]}{'…' if len(content) > 80 else ''}"
    return f"{record['date']} ({record.get('text', '')})"


def accept(text: str, chosen: Set[tuple[str, str]]) -> str:
    """The fact file `text` with `reviewed: true` on every (section, id) in `chosen`; comments and order kept."""
    rt = _round_trip()
    tree = rt.load(text)
    for section in REVIEW_SECTIONS:
        for node in tree.get(section) or []:
            if (section, node.get("id")) in chosen:
                if "reviewed" in node:
                    node["reviewed"] = True
                else:
                    # after the id: a comment line below the record belongs to its last key, and a key
                    # added at the end would land under that comment
                    node.insert(1, "reviewed", True)
    out = io.StringIO()
    rt.dump(tree, out)
    return out.getvalue()


def reject(text: str, chosen: Set[tuple[str, str]]) -> str:
    """The fact file `text` without the records in `chosen`; comments and order of the rest kept. A rejected
    entity takes its roles with it, and other facts stop naming it."""
    rt = _round_trip()
    tree = rt.load(text)
    gone = {record_id for section, record_id in chosen if section == "entities"}
    for section in REVIEW_SECTIONS:
        nodes = tree.get(section)
        if not nodes:
            continue
        for index in reversed(range(len(nodes))):
            node = nodes[index]
            if (section, node.get("id")) in chosen or (section == "roles" and node.get("entity") in gone):
                del nodes[index]
                continue
            for field_name in ENTITY_FIELDS.get(section, ()):
                if field_name in node and node[field_name] in gone:
                    del node[field_name]
    out = io.StringIO()
    rt.dump(tree, out)
    return out.getvalue()
