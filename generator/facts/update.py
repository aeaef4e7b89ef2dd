"""Deciding what a fact file becomes after an extraction: pure, so every case can be tested."""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any

from generator import yamlsafe
from generator.errors import InputError, Problem
from generator.facts import HEADER, SCHEMA_COMMENT, SECTIONS, dump, record_lines
from generator.facts.merge import merge
from generator.facts.validate import load_facts
from generator.storage import SNAPSHOT_FOLDER


@dataclass
class Outcome:
    """What to write and what to render for one article."""

    facts: dict[str, Any] | None
    """The facts to render, or None if the person's file is broken (the article is left out)."""
    file_text: str | None = None
    """New text of the person's fact file; None keeps the file as it is."""
    snapshot_text: str | None = None
    """New text of the machine snapshot; None keeps it."""
    notes: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    lines: dict[tuple[str, str], int] = field(default_factory=dict)
    """Where each record starts in the fact file as it stands after the update (for review links)."""
    held: bool = False
    """The person's file is broken, so `facts` are its last good state (see `hold_last_good`)."""
    touched: frozenset[tuple[str, str]] = frozenset()
    """(section, record id) of the records the person added or changed since the machine wrote them."""


def cached_extraction(snapshot_text: str | None, sha256: str, extractor: str) -> dict[str, Any] | None:
    """The last machine output, if it was made by this extractor from these very bytes."""
    if snapshot_text is None:
        return None
    try:
        data = yamlsafe.load(snapshot_text, "snapshot").data
    except InputError:
        return None
    if not isinstance(data, dict):
        return None
    extraction = data.get("extraction")
    if (
        isinstance(extraction, dict)
        and extraction.get("extractor") == extractor
        and extraction.get("source_sha256") == sha256
    ):
        return data
    return None


def update(
    name: str,
    theirs: dict[str, Any],
    snapshot_text: str | None,
    mine_text: str | None,
    schema_ref: str | None,
    *,
    cached: bool = False,
) -> Outcome:
    """Combine the new machine output with the person's file `name` (facts folder relative).

    Never loses an edit: a broken file is left alone and reported; an edited file is merged.
    `cached` says that `theirs` was read from `snapshot_text` (the extraction was skipped).
    """
    head = (SCHEMA_COMMENT.format(schema=schema_ref) if schema_ref else "") + HEADER
    if cached and mine_text is not None and mine_text == snapshot_text and mine_text.startswith(head):
        # The fast path of a rebuild: nobody edited the file since the machine wrote it from these
        # very facts, so there is nothing to dump, validate or merge (at 3,000 articles, a minute).
        return Outcome(theirs, lines=record_lines(mine_text))
    outcome = _update(name, theirs, snapshot_text, mine_text, schema_ref)
    text = outcome.file_text if outcome.file_text is not None else mine_text
    outcome.lines = record_lines(text or "")
    base_text = outcome.snapshot_text if outcome.snapshot_text is not None else snapshot_text
    if outcome.facts is not None and base_text is not None and text != base_text:
        outcome.touched = touched_records(outcome.facts, base_text)
    return outcome


def touched_records(facts: dict[str, Any], snapshot_text: str) -> frozenset[tuple[str, str]]:
    """The records of `facts` that differ from the machine's last output: the person added or changed them.

    The snapshot keeps the old machine value of every field a person edited (`_remember_edits`), so an
    edited record stays different from it for as long as the edit stands."""
    try:
        base = yamlsafe.load(snapshot_text, "snapshot").data
    except InputError:
        return frozenset()
    if not isinstance(base, dict):
        return frozenset()
    touched: set[tuple[str, str]] = set()
    for section in SECTIONS:
        machine = {r.get("id"): r for r in base.get(section) or [] if isinstance(r, dict)}
        touched.update((section, r["id"]) for r in facts.get(section, []) if machine.get(r["id"]) != r)
    return frozenset(touched)


def _update(
    name: str, theirs: dict[str, Any], snapshot_text: str | None, mine_text: str | None, schema_ref: str | None
) -> Outcome:
    machine_text = dump(theirs, schema_ref)
    snapshot = None if snapshot_text == machine_text else machine_text
    if mine_text is None:
        return Outcome(theirs, file_text=machine_text, snapshot_text=snapshot)
    try:
        mine = load_facts(mine_text, name)
    except InputError as error:
        return Outcome(None, problems=error.problems)
    if mine_text == snapshot_text or (snapshot_text is None and mine_text == machine_text):
        # Nobody edited the file: it follows the machine.
        return Outcome(theirs, file_text=machine_text if mine_text != machine_text else None, snapshot_text=snapshot)
    base, problems, notes = _merge_base(snapshot_text, name)
    if base == theirs:
        return Outcome(mine)  # the machine has nothing new to say
    merged = merge(base, mine_text, mine, theirs, name)
    try:
        facts = load_facts(merged.text, name)
    except InputError as error:
        return Outcome(
            mine,
            snapshot_text=None,
            problems=problems,
            notes=[
                *notes,
                f"{name}: the extractor's new facts do not fit your edits, so your file is kept as it is "
                f"({error.problems[0].message})",
            ],
        )
    notes += [f"{conflict} (your edit wins)" for conflict in merged.conflicts]
    # without a base there is no edit to remember beyond the file itself: the base is the machine's
    remembered = dump(_remember_edits(base, mine, theirs) if base["article"] else theirs, schema_ref)
    return Outcome(
        facts,
        file_text=merged.text if merged.text != mine_text else None,
        snapshot_text=remembered if remembered != snapshot_text else None,
        notes=notes,
        problems=problems,
    )


def snapshot_name(name: str) -> str:
    """The snapshot file of the fact file `name`, as the person would find it."""
    return str(PurePosixPath(name).parent / SNAPSHOT_FOLDER / PurePosixPath(name).name)


def _merge_base(snapshot_text: str | None, name: str) -> tuple[dict[str, Any], list[Problem], list[str]]:
    """The base of the three-way merge, with the problems and notes it brings.

    Without a usable snapshot (missing, empty or broken), the base is empty: every value in the
    person's file counts as an edit and wins, and every machine fact not in the file is added."""
    empty: dict[str, Any] = {"article": {}, **{section: [] for section in SECTIONS}}
    where = snapshot_name(name)
    degraded = (
        f"{name}: no usable record of the extractor's last output ({where}), so every value in your file "
        "counts as your edit and stays, and new facts are added (a fact you deleted may come back)"
    )
    if snapshot_text is None:
        return empty, [], [degraded]
    try:
        return load_facts(snapshot_text, where), [], []
    except InputError as error:
        problems = [] if _is_empty(snapshot_text) else error.problems
        return empty, problems, [degraded]


def _is_empty(text: str) -> bool:
    """Nothing but blanks and comments."""
    try:
        return yamlsafe.load(text, "snapshot").data is None
    except InputError:
        return False


def _remember_edits(base: dict[str, Any], mine: dict[str, Any], theirs: dict[str, Any]) -> dict[str, Any]:
    """The next merge base: the new machine output, except that fields the person edited keep their
    old base value, so that they still count as edited when the machine later agrees, then differs."""
    snapshot = copy.deepcopy(theirs)
    pairs = [(snapshot["article"], base.get("article", {}), mine["article"])]
    for section in SECTIONS:
        base_by_id = {r["id"]: r for r in base.get(section, [])}
        mine_by_id = {r["id"]: r for r in mine[section]}
        pairs += [
            (r, base_by_id[r["id"]], mine_by_id[r["id"]])
            for r in snapshot[section]
            if r["id"] in base_by_id and r["id"] in mine_by_id
        ]
    for section in SECTIONS:
        # a fact the person deleted stays in the base, so that it stays deleted when the machine
        # withdraws it and later finds it again
        kept = {r["id"] for r in snapshot[section]} | {r["id"] for r in mine[section]}
        snapshot[section].extend(copy.deepcopy(r) for r in base.get(section, []) if r["id"] not in kept)
    for record, old, edited in pairs:
        for key in set(edited) | set(record):
            if key in edited and edited[key] != old.get(key):
                if key in old:
                    record[key] = old[key]
                else:
                    record.pop(key, None)
    return snapshot


def hold_last_good(name: str, broken: Outcome, last_good_text: str | None, snapshot_text: str | None) -> Outcome:
    """The article stays on the site at its fact file's last valid state while the file is broken.

    That state is the copy kept by `last_good_copy`, or, when there is none, the snapshot (a file
    that was never edited is its snapshot). The person's file is left alone and its problems stand.
    """
    for text in (last_good_text, snapshot_text):
        if text is None:
            continue
        try:
            facts = load_facts(text, name)
        except InputError:
            continue
        return Outcome(
            facts,
            problems=broken.problems,
            notes=[f"{name}: the site keeps this article's last good facts until the file is fixed"],
            lines=record_lines(text),
            held=True,
        )
    return broken


def last_good_copy(file_text: str | None, snapshot_text: str | None) -> str | None:
    """What to keep as the last good state of a fact file that is valid now: its text, or None
    when the file is its snapshot (then the snapshot is that state, and no copy is needed)."""
    return None if file_text is None or file_text == snapshot_text else file_text
