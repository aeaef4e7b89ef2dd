"""Calibrated confidence: the last stage of extraction.

The rules give each fact a raw confidence that names the evidence they had (which rule fired, whether
the speaker was resolved, …). This stage maps that evidence to the share of such facts that were right
on the annotated dev sets, read from `calibration.json` (fitted by `make calibrate`, see
`tools/calibrate.py`). A fact's evidence is a short list of discrete features, most telling first; the
table holds the measured rate for every prefix of that list that the dev sets saw, and a fact takes the
rate of its longest known prefix, so that rare combinations fall back to what is known about their kind.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from generator.extract import knowledge
from generator.extract.lexicon import ORG_WORDS, PLACE_NOUNS

CALIBRATION_FILE = Path(__file__).resolve().with_name("calibration.json")
KINDS = ("entities", "roles", "figures", "statements", "dates")
HELD_CONFIDENCE = 0.3
"""The raw confidence of a fact the rules hold for a person's review (a figure from a reporter's question, a
spelled "one" that counts nothing): calibration never raises it, even where the dev gold counts such facts
right, so it stays below every publishing threshold until someone accepts it."""


def _words(text: Any) -> int:
    return len(str(text or "").split())


def features(kind: str, record: dict[str, Any], document: dict[str, Any]) -> list[str]:
    """The evidence of one fact as `name=value` features, the most telling first."""
    raw = f"raw={float(record.get('confidence', 0)):.2f}"
    if kind == "entities":
        # the raw confidence counts the mentions already; a finer split leaves cells of one or two facts
        return [
            raw,
            f"type={record.get('type')}",
            f"evidence={_name_evidence(str(record.get('name', '')), str(record.get('type')))}",
        ]
    if kind == "roles":
        mentioned = _mentions(document, record.get("entity"))
        return [
            raw,
            f"organisation={'organisation' in record}",
            f"title_words={min(_words(record.get('title')), 3)}",
            f"person_mentions={min(mentioned, 3)}",
        ]
    if kind == "figures":
        return [
            raw,
            f"unit={_unit_shape(record)}",
            f"number={'digits' if any(c.isdigit() for c in str(record.get('text', ''))) else 'words'}",
            f"actor={'actor' in record}",
        ]
    if kind == "statements":
        content = _words(record.get("content"))
        length = "under 8" if content < 8 else "8-15" if content <= 15 else "16-40" if content <= 40 else "over 40"
        return [raw, f"content_words={length}", f"kind={record.get('kind')}", f"speaker={'speaker' in record}"]
    text = str(record.get("text", ""))
    return [raw, f"digits={any(c.isdigit() for c in text)}", f"words={min(_words(text), 4)}"]


def _name_evidence(name: str, kind: str) -> str:
    """What knowledge says of a name of that type: a place the gazetteer knows or one named with a place
    noun ("West Bank", "Rafah crossing"), a person's first name the name lists know, an organisation's
    word or an acronym; "none" otherwise."""
    words = name.split()
    if kind == "place":
        if knowledge.is_place(name):
            return "gazetteer"
        return "place noun" if len(words) > 1 and words[-1].lower() in PLACE_NOUNS else "none"
    if kind == "person":
        if len(words) == 1:
            return "one word"
        return "first name" if len(knowledge.first_name_forms(words[0])) > 1 else "none"
    if any(word.lower() in ORG_WORDS for word in words):
        return "organisation word"
    return "acronym" if name.isupper() else "none"


_MEASURES = {"percent": "percent", "%": "percent", "dollars": "money", "euros": "money", "pounds": "money"}


def _unit_shape(record: dict[str, Any]) -> str:
    """Percent, money, a short or symbolic unit ("A", "pm", "s": often a misread), or a word."""
    unit = str(record.get("unit") or "").strip().lower()
    if unit in _MEASURES:
        return _MEASURES[unit]
    if any(c in str(record.get("text", "")) for c in "$€£¥"):
        return "money"
    return "word" if len(unit) > 2 and unit.isalpha() else "short"


def _mentions(document: dict[str, Any], entity_id: Any) -> int:
    for entity in document.get("entities", []):
        if entity["id"] == entity_id:
            return len(entity.get("sentences", []))
    return 0


def keys(feature_list: list[str]) -> list[str]:
    """The table keys of a fact, longest prefix first ("" is the kind as a whole)."""
    return ["|".join(feature_list[:n]) for n in range(len(feature_list), -1, -1)]


def load_table(text: str) -> dict[str, Any]:
    table: dict[str, Any] = json.loads(text)
    return table


def _read_packaged() -> tuple[dict[str, Any], str]:
    try:
        data = CALIBRATION_FILE.read_bytes()
    except FileNotFoundError:
        return {}, "uncalibrated"
    return load_table(data.decode("utf-8")), hashlib.sha256(data).hexdigest()[:10]


_TABLE, TABLE_DIGEST = _read_packaged()
"""The fitted table shipped with the package and the start of its SHA-256: part of the extractor's id,
so that cached extractions are redone when the calibration is refitted."""
_active: list[dict[str, Any] | None] = [_TABLE]


def extractor_id(version: str) -> str:
    """The id written to fact files: the rules' version and the calibration's digest."""
    return f"{version}-{TABLE_DIGEST}"


@contextmanager
def raw_confidence() -> Iterator[None]:
    """Extraction inside this block keeps the rules' raw confidence (for fitting the table)."""
    _active[0] = None
    try:
        yield
    finally:
        _active[0] = _TABLE


def calibrated(kind: str, record: dict[str, Any], document: dict[str, Any], table: dict[str, Any]) -> float:
    """The calibrated confidence of one fact; its raw confidence when the table knows nothing of its kind
    or the rules hold the fact for review."""
    if is_held(record):
        return float(record["confidence"])
    return lookup(table, kind, features(kind, record, document), float(record.get("confidence", 0)))


def lookup(table: dict[str, Any], kind: str, feature_list: list[str], raw: float) -> float:
    """The rate of the longest prefix of `feature_list` the table knows; `raw` when it knows none. (A fact the
    rules doubt is held by `is_held` before it gets here.)"""
    cells = table.get("kinds", {}).get(kind, {}).get("cells", {})
    for key in keys(feature_list):
        cell = cells.get(key)
        if cell is not None:
            return float(cell["p"])
    return raw


def prior(key: str, parent: float) -> float:
    """The rate a table cell is smoothed toward: its parent's, and at most the raw confidence for a raw
    confidence's own cell ("raw=0.30") and for a name that nothing vouches for ("raw=0.68|type=place|
    evidence=none"), so that a few lucky facts of a tier the rules doubt do not publish the tier. (The
    parent of an unknown place is mostly places the gazetteer knows; smoothed toward it, one right dev
    place published every unknown one-mention place of the White House build: "Bingo", "Thurs".)"""
    first, _, rest = key.partition("|")
    if first.startswith("raw=") and (not rest or key.endswith("|evidence=none")):
        return min(parent, float(first.removeprefix("raw=")))
    return parent


def is_held(record: dict[str, Any]) -> bool:
    """Whether the rules hold the fact for review (its raw confidence is at most `HELD_CONFIDENCE`)."""
    return float(record.get("confidence", 1)) <= HELD_CONFIDENCE


def apply(document: dict[str, Any], version: str) -> dict[str, Any]:
    """The fact document with every machine fact's confidence calibrated, stamped with the extractor id."""
    table = _active[0]
    if table is None:
        return document
    for kind in KINDS:
        values = [calibrated(kind, record, document, table) for record in document.get(kind, [])]
        for record, value in zip(document.get(kind, []), values, strict=True):
            record["confidence"] = round(value, 2)
    document["extraction"]["extractor"] = extractor_id(version)
    return document


def default_thresholds() -> dict[str, float]:
    """Per kind, the publishing threshold fitted with the table (1.0 — publish only reviewed facts — for a
    kind the table does not know)."""
    fitted = _TABLE.get("min_confidence", {})
    return {kind: float(fitted.get(kind, 1.0)) for kind in KINDS}
