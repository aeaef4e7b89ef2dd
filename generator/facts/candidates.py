"""Merge candidates: pairs of entity pages that may be one real-world entity but that linking left apart,
each with the registry record that would merge them. Linking merges only on firm evidence; these are
for a person to decide (shown on the review page).

Pairs come from three signs: the same surname with compatible first names that linking could not
settle ("Chris Smith" between "Christopher" and "Christine"), a bare surname shared by several people
("Biden"), and near-identical spellings ("Netanyanu", "Netanyahu"). Names are grouped by type and the
first letters of their last word before they are compared, so the work grows with the number of
names in a group, not with the square of all names.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz

from generator.extract.knowledge import compatible_first_names
from generator.facts.registry import normalise

SIMILARITY = 90
"""rapidfuzz ratio (0–100) from which two names of one type are near-identical spellings."""
MAX_CANDIDATES = 200
MAX_GROUP = 60
"""Names compared pairwise in one group at most; the rest of a larger group is left out."""


@dataclass(frozen=True)
class Named:
    """An entity page as the candidates see it."""

    id: str
    name: str
    type: str
    articles: int


@dataclass(frozen=True)
class MergeCandidate:
    keep: Named
    merge: Named
    reason: str

    @property
    def registry_record(self) -> str:
        """A registry entry (one YAML line) that merges `merge` into `keep`."""
        return (
            f"- {{id: {self.keep.id}, name: {json.dumps(self.keep.name)}, type: {self.keep.type}, "
            f"aliases: [{json.dumps(self.merge.name)}]}}"
        )


def merge_candidates(entities: Iterable[Named]) -> list[MergeCandidate]:
    """Pairs worth a look, the most used first."""
    groups: dict[tuple[str, str], list[Named]] = defaultdict(list)
    for entity in entities:
        words = _words(entity.name)
        if words:
            groups[(entity.type, words[-1][:3])].append(entity)
    found: dict[tuple[str, str], MergeCandidate] = {}
    for (kind, _), group in sorted(groups.items()):
        group = sorted(group, key=lambda e: (-e.articles, e.id))[:MAX_GROUP]
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                reason = _reason(a, b, kind, group)
                if reason is not None:
                    found.setdefault((a.id, b.id), MergeCandidate(a, b, reason))
    ordered = sorted(found.values(), key=lambda c: (-(c.keep.articles + c.merge.articles), c.keep.id, c.merge.id))
    return ordered[:MAX_CANDIDATES]


def _words(name: str) -> list[str]:
    return [re.sub(r"^(?:al|el)-", "", w) for w in normalise(name.replace("-", "_")).split()]


def _reason(a: Named, b: Named, kind: str, group: list[Named]) -> str | None:
    wa, wb = _words(a.name), _words(b.name)
    if kind == "person" and wa[-1] == wb[-1]:
        if len(wa) > 1 and len(wb) > 1 and compatible_first_names(wa[0], wb[0]):
            return "same surname, compatible first names"
        if (len(wa) == 1) != (len(wb) == 1):
            full = sum(1 for e in group if len(_words(e.name)) > 1 and _words(e.name)[-1] == wa[-1])
            if full > 1:
                return "a bare surname that several people share"
        return None
    if fuzz.ratio(" ".join(wa), " ".join(wb)) >= SIMILARITY:
        return "near-identical spelling"
    return None
