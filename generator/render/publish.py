"""The publishing threshold: which facts a reader sees.

A machine fact is published when its calibrated confidence reaches the threshold of its kind
(`publish.min_confidence`). A person's word is certain: a fact marked `reviewed: true`, a fact without
a confidence (added by hand) and a fact the person changed are always published. Facts held back stay
in the downloads, marked `published: false`, and on the review page.
"""

from __future__ import annotations

from collections.abc import Mapping, Set
from typing import Any

FACT_SECTIONS = ("roles", "figures", "statements", "dates")
"""The fact lists besides the entities; `linked_facts` keeps their records in order, one for one."""
REFERENCES = {"roles": ("entity", "organisation"), "figures": ("actor",), "statements": ("speaker",)}
"""The fields of a fact that name an entity: a published fact keeps the entities it names; a role keeps its
organisation only when the organisation's name has more than one word ("head of Egyptian Intelligence") or
is an acronym ("Administrator of the FAA").
One word after a title is most often the portfolio ("Secretary of Agriculture", "Secretary of State"),
which the model calls an organisation: it gets no page of its own unless it is published anyway."""


def is_published(
    section: str, record: Mapping[str, Any], touched: Set[tuple[str, str]], thresholds: Mapping[str, float]
) -> bool:
    """Whether a reader sees the record."""
    if record.get("reviewed") or record.get("confidence") is None or (section, record.get("id")) in touched:
        return True
    return float(record["confidence"]) >= thresholds.get(section, 0.0)


def split_published(
    file_facts: dict[str, Any],
    linked: dict[str, Any],
    canonical_of: Mapping[str, str],
    touched: Set[tuple[str, str]],
    thresholds: Mapping[str, float],
    corroborated: Set[str] = frozenset(),
) -> tuple[dict[str, Any], dict[str, Any]]:
    """(the published facts, every fact with the held-back ones marked `published: false`).

    `file_facts` are the records as the fact file has them, `linked` the same after entities were linked
    across articles (`canonical_of`: entity id in the file → canonical id). An entity record whose
    canonical entity is `corroborated` (published in another article) is published whatever its own
    confidence: one mention of Hamas in a briefing is as sure as the page it joins."""
    published: dict[str, Any] = {**linked}
    everything: dict[str, Any] = {**linked}
    named: set[str] = set()
    one_word = {
        e["id"] for e in linked["entities"] if len(str(e["name"]).split()) == 1 and not str(e["name"]).isupper()
    }
    for section in FACT_SECTIONS:
        shown, marked = [], []
        for record, linked_record in zip(file_facts[section], linked[section], strict=True):
            if is_published(section, record, touched, thresholds):
                shown.append(linked_record)
                marked.append(linked_record)
                persons_word = record.get("reviewed") or (section, record.get("id")) in touched
                for field in REFERENCES.get(section, ()):
                    ref = str(linked_record[field]) if linked_record.get(field) else None
                    if ref is not None and not (field == "organisation" and ref in one_word and not persons_word):
                        named.add(ref)  # a machine role's one-word organisation: a page only if published anyway
            else:
                marked.append({**linked_record, "published": False})
        published[section], everything[section] = shown, marked
    named.update(
        canonical_of[e["id"]]
        for e in file_facts["entities"]
        if is_published("entities", e, touched, thresholds) or canonical_of[e["id"]] in corroborated
    )
    published["roles"] = [
        r if not r.get("organisation") or r["organisation"] in named else {**r, "organisation": None}
        for r in published["roles"]
    ]
    published["entities"] = [e for e in linked["entities"] if e["id"] in named]
    everything["entities"] = [e if e["id"] in named else {**e, "published": False} for e in linked["entities"]]
    return published, everything
