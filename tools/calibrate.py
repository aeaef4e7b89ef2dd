"""Fit the confidence calibration on the annotated dev sets: `make calibrate`, or

    .venv/bin/python -m tools.calibrate --scorer ../shared/eval/score.py SET_DIR [SET_DIR ...]

Every set is extracted with the rules' raw confidence, each predicted fact is labelled right or wrong by
the scorer's own matching rules (only for the layers the set annotates), and the share of right facts is
counted for every prefix of each fact's evidence features (`generator/extract/calibration.py`). The
table, with the publishing thresholds that reach the precision targets, is written to
`generator/extract/calibration.json`. Refit after any change to the rules.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from generator.extract import calibration, extract_all, load_model
from generator.render import range_ends
from generator.render.publish import REFERENCES
from tools.evaluate import SCORER, in_body, read_set

SMOOTHING = 4.0
"""How many facts' worth of weight the coarser cell's rate has in a cell's rate (add-m smoothing)."""
TARGETS = {"entities": 0.90, "roles": 0.90, "figures": 0.91, "dates": 0.90, "statements": 0.85}
"""Precision the published facts of each kind must reach on the dev sets (0.90; figures 0.91 because the
fit labels each end of a range on its own and the scorer a range as one, a margin the scorer's 0.90 needs;
statements 0.85)."""
MIN_THRESHOLD = {"entities": 0.75}
"""No entity threshold goes lower, whatever the dev sets allow: an entity less likely right than three in
four waits for a person even when the entities above it are right often enough on average. Entities
only: their pages are what the hand checks found wrong (71 of 100 right), while published roles were
15 of 15 right at a threshold of 0.71."""
_TYPES = {"person": "person", "organisation": "organization", "place": "place"}


@dataclass(frozen=True)
class Labelled:
    """One predicted fact, its evidence and whether the gold agrees (None: the scorer does not count it)."""

    set_name: str
    kind: str
    features: tuple[str, ...]
    confidence: float
    right: bool | None
    named_by: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """For an entity: (kind, features) of the facts that name it; a published one publishes the entity."""


def load_scorer(path: Path) -> ModuleType:
    """The scorer as a module, loaded from its path (it is not part of this repository)."""
    spec = importlib.util.spec_from_file_location("factsheet_eval_scorer", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"{path}: cannot load the scorer")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def label_document(
    scorer: ModuleType, layers: list[str], gdoc: dict[str, Any], facts: dict[str, Any]
) -> dict[str, list[bool | None]]:
    """For each annotated kind, whether each of the document's facts (in file order) is right."""
    out: dict[str, list[bool | None]] = {}
    sentences = {s["id"]: s["text"] for s in facts["sentences"]}
    entities = {e["id"]: e for e in facts["entities"]}
    if "entities" in layers:
        out["entities"] = _label_entities(scorer, gdoc, facts["entities"])
    if "figures" in layers:
        out["figures"] = _label_figures(scorer, gdoc, facts["figures"], sentences)
    if "statements" in layers:
        out["statements"] = _label_statements(scorer, gdoc, facts["statements"], entities)
    if "roles" in layers:
        out["roles"] = _label_roles(scorer, gdoc, facts["roles"], entities, sentences)
    if "dates" in layers:
        out["dates"] = _label_dates(scorer, gdoc, facts["dates"], sentences)
    return out


def _matched(scorer: ModuleType, candidates: list[list[int]]) -> set[int]:
    return set(scorer.max_matching(candidates).values())


def _label_entities(scorer: ModuleType, gdoc: dict[str, Any], records: list[dict[str, Any]]) -> list[bool | None]:
    gold = [
        {"type": e["type"], "forms": set().union(*(scorer.name_variants(f) for f in [*e["surface_forms"], e["name"]]))}
        for e in gdoc["entities"]
    ]
    forms = []
    for record in records:
        names = scorer.name_variants(record["name"])
        for alias in record.get("aliases", []):
            names |= scorer.name_variants(alias)
        forms.append(names)
    candidates = [
        [j for j, g in enumerate(gold) if g["type"] == _TYPES[r["type"]] and f & g["forms"]]
        for r, f in zip(records, forms, strict=True)
    ]
    matched = _matched(scorer, candidates)
    return [i in matched if forms[i] else None for i in range(len(records))]


def figure_groups(records: list[dict[str, Any]]) -> list[tuple[Any, list[int]]]:
    """(value, record indexes) per predicted figure: the two ends of a range or of a change are one (as
    tools.evaluate and the site show them)."""
    groups: list[tuple[Any, list[int]]] = []
    for i, figure in enumerate(records):
        if groups:
            value, members = groups[-1]
            if not isinstance(value, list) and range_ends(records[members[0]], figure):
                groups[-1] = ([value, figure["value"]], [*members, i])
                continue
        groups.append((figure["value"], [i]))
    return groups


def _label_figures(
    scorer: ModuleType, gdoc: dict[str, Any], records: list[dict[str, Any]], sentences: dict[str, str]
) -> list[bool | None]:
    gold = gdoc["quantities"]
    gold_values = [
        scorer.parse_value([g["value"]] + ([g["value_max"]] if g.get("value_max") is not None else [])) for g in gold
    ]
    groups = figure_groups(records)
    candidates = []
    for value, members in groups:
        record = records[members[0]]
        values = scorer.parse_value(value)
        text = sentences.get(record["sentence"], "")
        candidates.append(
            [
                j
                for j, g in enumerate(gold)
                if any(scorer.num_equal(a, b) for a in values for b in gold_values[j])
                and scorer.sentence_match(text, g["sentence_text"])
                and scorer.unit_match(record.get("unit", ""), g)
            ]
        )
    matched = _matched(scorer, candidates)
    labels: list[bool | None] = [None] * len(records)
    for index, (_, members) in enumerate(groups):
        for member in members:
            labels[member] = index in matched
    return labels


def _speaker_names(scorer: ModuleType, record: dict[str, Any], entities: dict[str, dict[str, Any]]) -> set[str]:
    entity = entities.get(record.get("speaker", ""))
    written = record.get("speaker_text", "")
    if entity is None:
        names: set[str] = scorer.name_variants(written)
        return names
    names = scorer.name_variants(entity["name"])
    for alias in [*entity.get("aliases", []), *([written] if written else [])]:
        names |= scorer.name_variants(alias)
    return names


def _label_statements(
    scorer: ModuleType, gdoc: dict[str, Any], records: list[dict[str, Any]], entities: dict[str, dict[str, Any]]
) -> list[bool | None]:
    gold_all = gdoc["attributions"]
    gold = [g for g in gold_all if g.get("speaker")]
    without_speaker = [g for g in gold_all if not g.get("speaker")]
    names = [_speaker_names(scorer, r, entities) for r in records]
    candidates = [
        [
            j
            for j, g in enumerate(gold)
            if scorer.jaccard(r["content"], g["content"]) >= scorer.JACCARD_MIN and scorer.speaker_match(n, g)
        ]
        for r, n in zip(records, names, strict=True)
    ]
    matched = _matched(scorer, candidates)
    rest = [i for i in range(len(records)) if i not in matched]
    uncounted = scorer.max_matching(
        [
            [j for j, g in enumerate(without_speaker) if scorer.jaccard(records[i]["content"], g["content"]) >= 0.5]
            for i in rest
        ]
    )
    excluded = {rest[k] for k in uncounted.values()}
    return [None if i in excluded else i in matched for i in range(len(records))]


def _label_roles(
    scorer: ModuleType,
    gdoc: dict[str, Any],
    records: list[dict[str, Any]],
    entities: dict[str, dict[str, Any]],
    sentences: dict[str, str],
) -> list[bool | None]:
    """Roles written in the body, matched to the gold; a role taken from the header ("Press Briefing by Press
    Secretary …") is not labelled, since the gold annotates the body only (as `make eval` leaves it out)."""
    gold = gdoc.get("roles") or []
    gold_forms = [scorer.person_forms(gdoc, g["person"]) for g in gold]
    people = [entities.get(r.get("entity", ""), {}).get("name", "") for r in records]
    candidates = [
        [
            j
            for j, g in enumerate(gold)
            if scorer.person_match(scorer.name_variants(person), gold_forms[j])
            and scorer.title_match(r["title"], g["title"])
        ]
        for r, person in zip(records, people, strict=True)
    ]
    matched = _matched(scorer, candidates)
    return [i in matched if people[i] and in_body(records[i], sentences) else None for i in range(len(records))]


def _label_dates(
    scorer: ModuleType, gdoc: dict[str, Any], records: list[dict[str, Any]], sentences: dict[str, str]
) -> list[bool | None]:
    gold = gdoc.get("dates") or []
    candidates = [
        [
            j
            for j, g in enumerate(gold)
            if scorer.norm_date(r["date"]) == g["date"]
            and scorer.sentence_match(sentences.get(r["sentence"], ""), g["sentence_text"])
        ]
        for r in records
    ]
    matched = _matched(scorer, candidates)
    return [i in matched for i in range(len(records))]


def labelled_facts(
    set_name: str, scorer: ModuleType, gold: dict[str, Any], documents: dict[str, dict[str, Any]]
) -> list[Labelled]:
    """Every fact of a set's predicted documents with its evidence and its label."""
    out = []
    for doc_id, gdoc in gold["docs"].items():
        facts = documents.get(doc_id)
        if facts is None:
            continue
        named_by: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
        for kind, fields in REFERENCES.items():
            for record in facts[kind]:
                for field_name in fields:
                    if record.get(field_name):
                        evidence = tuple(calibration.features(kind, record, facts))
                        named_by.setdefault(record[field_name], []).append((kind, evidence))
        for kind, labels in label_document(scorer, gold["layers"], gdoc, facts).items():
            for record, right in zip(facts[kind], labels, strict=True):
                feature_list = tuple(calibration.features(kind, record, facts))
                naming = tuple(named_by.get(record["id"], ())) if kind == "entities" else ()
                out.append(Labelled(set_name, kind, feature_list, float(record.get("confidence", 0)), right, naming))
    return out


def extract_sets(folders: list[Path], raw: bool) -> dict[str, dict[str, dict[str, Any]]]:
    """Set name → doc id → fact document, with raw or calibrated confidence."""
    nlp = load_model()
    out = {}
    for folder in folders:
        pairs = read_set(folder)
        if raw:
            with calibration.raw_confidence():
                documents = list(extract_all([a for _, a in pairs], nlp))
        else:
            documents = list(extract_all([a for _, a in pairs], nlp))
        out[folder.name] = {doc_id: facts for (doc_id, _), facts in zip(pairs, documents, strict=True)}
    return out


def fit(facts: list[Labelled]) -> dict[str, Any]:
    """The calibration table: per kind, per feature prefix, the smoothed share of right facts."""
    kinds: dict[str, Any] = {}
    for kind in calibration.KINDS:
        labelled = [f for f in facts if f.kind == kind and f.right is not None]
        if not labelled:
            continue
        counts: dict[str, list[int]] = {}
        for fact in labelled:
            for key in calibration.keys(list(fact.features)):
                cell = counts.setdefault(key, [0, 0])
                cell[0] += 1
                cell[1] += int(bool(fact.right))
        cells: dict[str, dict[str, Any]] = {}
        for key in sorted(counts, key=lambda k: (k.count("|") + bool(k), k)):
            n, right = counts[key]
            parent = cells[key.rsplit("|", 1)[0] if "|" in key else ""]["p"] if key else right / n
            parent = calibration.prior(key, parent)
            cells[key] = {"n": n, "right": right, "p": round((right + SMOOTHING * parent) / (n + SMOOTHING), 4)}
        kinds[kind] = {"facts": len(labelled), "cells": cells}
    return {"kinds": kinds}


def choose_thresholds(facts: list[Labelled], table: dict[str, Any]) -> dict[str, float]:
    """Per kind, the lowest threshold (MIN_THRESHOLD at least) at which the facts at or above it reach the
    kind's precision target on every dev set that annotates the kind (the most recall the target allows). Entities come last: an
    entity that a published fact names is published whatever its own confidence."""
    thresholds: dict[str, float] = {}
    for kind in sorted(TARGETS, key=lambda k: k == "entities"):
        target = TARGETS[kind]
        labelled = [f for f in facts if f.kind == kind and f.right is not None]
        scored = [(round(_calibrated(table, kind, f), 2), f) for f in labelled]
        forced = [any(_named_published(table, thresholds, n) for n in f.named_by) for _, f in scored]
        choice = 1.0
        # never at or below the held confidence: what the rules hold waits for a person, however right
        floor = MIN_THRESHOLD.get(kind, 0.0)
        for threshold in sorted({p for p, _ in scored if p >= floor and p > calibration.HELD_CONFIDENCE}):
            published = [f for (p, f), always in zip(scored, forced, strict=True) if p >= threshold or always]
            sets = {f.set_name for f in published}
            if published and all(_precision([f for f in published if f.set_name == s]) >= target for s in sets):
                choice = threshold
                break
        thresholds[kind] = choice
    return thresholds


def _calibrated(table: dict[str, Any], kind: str, fact: Labelled) -> float:
    return _lookup(table, kind, fact.features, fact.confidence)


def _lookup(table: dict[str, Any], kind: str, features: tuple[str, ...], raw: float) -> float:
    if raw <= calibration.HELD_CONFIDENCE:
        return raw  # held by the rules for review: never published by the calibration (as `calibrated`)
    return calibration.lookup(table, kind, list(features), raw)


def _named_published(table: dict[str, Any], thresholds: dict[str, float], naming: tuple[str, tuple[str, ...]]) -> bool:
    kind, features = naming
    raw = next((float(f.split("=")[1]) for f in features if f.startswith("raw=")), 0.0)
    return round(_lookup(table, kind, features, raw), 2) >= thresholds.get(kind, 1.0)


def _precision(facts: list[Labelled]) -> float:
    return sum(bool(f.right) for f in facts) / len(facts) if facts else 0.0


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sets", nargs="+", type=Path, help="set folders with articles/*.md and gold.json")
    parser.add_argument("--scorer", type=Path, default=SCORER, help="the scorer (../shared/eval/score.py)")
    parser.add_argument("--out", type=Path, default=calibration.CALIBRATION_FILE, help="the table to write")
    args = parser.parse_args(list(argv) if argv is not None else None)
    scorer = load_scorer(args.scorer)
    documents = extract_sets(args.sets, raw=True)
    facts: list[Labelled] = []
    for folder in args.sets:
        gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
        facts.extend(labelled_facts(folder.name, scorer, gold, documents[folder.name]))
    table = fit(facts)
    table["min_confidence"] = choose_thresholds(facts, table)
    table["fitted_on"] = sorted(folder.name for folder in args.sets)
    table["smoothing"] = SMOOTHING
    table["targets"] = TARGETS
    args.out.write_text(json.dumps(table, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    for kind, info in table["kinds"].items():
        print(  # noqa: T201
            f"{kind:11s} {info['facts']:5d} labelled facts, {len(info['cells']):3d} cells, "
            f"publish at >= {table['min_confidence'][kind]:.2f}"
        )
    print(f"wrote {args.out}")  # noqa: T201
    return 0


if __name__ == "__main__":
    sys.exit(main())
