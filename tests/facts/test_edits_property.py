"""Property: on real fact files (the seed's and corpus articles'), any sequence of hand edits (and of
`factsheet review` accepts and rejects) followed by any sequence of re-extractions loses no edit, brings
back no deleted fact, keeps the person's own facts, comments and order."""

from __future__ import annotations

import copy
import io
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from generator.articles import parse_article
from generator.errors import InputError
from generator.facts import dump, review
from generator.facts.update import update
from generator.facts.validate import load_facts
from generator.yamlsafe import load
from tests.conftest import ROOT, SHARED

NAME = "facts/a.yaml"
EDITABLE = ("entities", "roles", "figures", "statements", "dates")
CORPUS = ["wikinews/2019-01-04-*.md", "whitehouse-2023/statements-releases_2023-11_2023-11-2*.md"]


def _machine_outputs() -> list[dict[str, Any]]:
    """The seed's real extraction, plus two corpus articles' when ../shared is beside the checkout."""
    golden = next((ROOT / "tests" / "golden" / "facts" / ".extracted").glob("*.yaml"))
    outputs = [load(golden.read_text(), golden.name).data]
    files = [sorted((SHARED / "corpus").glob(pattern))[:1] for pattern in CORPUS] if SHARED.exists() else []
    articles = [parse_article(p.read_bytes(), p.name) for group in files for p in group]
    if articles:
        from generator.extract import extract_all, load_model

        outputs += list(extract_all(articles, load_model()))
    return [o for o in outputs if any(o[s] for s in ("figures", "statements"))]


OUTPUTS: list[dict[str, Any]] = []


@pytest.fixture(scope="module", autouse=True)
def machine_outputs() -> None:
    OUTPUTS[:] = _machine_outputs()


def round_trip(text: str, change: Any) -> str:
    rt = YAML()
    rt.width = 4096
    tree = rt.load(text)
    change(tree)
    out = io.StringIO()
    rt.dump(tree, out)
    return out.getvalue()


@st.composite
def hand_edits(draw: st.DrawFn) -> list[tuple[Any, ...]]:
    """Edit kinds with their random choices; applied by `apply` to whatever records the file has."""
    return [
        (
            draw(st.sampled_from(["set", "delete", "add", "review", "comment", "reorder", "accept", "reject"])),
            draw(st.sampled_from(EDITABLE)),
            draw(st.integers(0, 50)),
            draw(st.integers(0, 10_000)),
        )
        for _ in range(draw(st.integers(1, 5)))
    ]


def apply(text: str, edit: tuple[Any, ...]) -> str:
    kind, section, pick, number = edit
    if kind == "comment":
        return text.replace(f"\n{section}:\n", f"\n# my note {number}\n{section}:\n", 1)
    if kind in ("accept", "reject"):  # `factsheet review --accept/--reject` on one fact
        records = load(text, NAME).data[section]
        if not records:
            return text
        chosen = {(section, records[pick % len(records)]["id"])}
        return review.accept(text, chosen) if kind == "accept" else review.reject(text, chosen)

    def change(tree: Any) -> None:
        records = tree[section]
        if kind == "add":
            sentence = tree["sentences"][0]["id"]
            records.append({"id": f"mine-{number}", "value": number, "unit": "boats", "sentence": sentence})
            return
        if not records:
            return
        record = records[pick % len(records)]
        if kind == "set":
            key = "title" if section == "roles" else "content" if section == "statements" else None
            key = key or {"entities": "name", "figures": "value", "dates": "text"}[section]
            record[key] = number if key == "value" else f"mine {number}"
        elif kind == "delete":
            del records[pick % len(records)]
        elif kind == "review":
            record["reviewed"] = True
        else:
            records.reverse()

    return round_trip(text, change) if not (kind == "add" and section != "figures") else text


@st.composite
def re_extractions(draw: st.DrawFn, base: dict[str, Any]) -> dict[str, Any]:
    """A new machine output: some values changed, some facts withdrawn, some new."""
    theirs = copy.deepcopy(base)
    theirs["extraction"] = {"extractor": str(draw(st.integers(1, 9))), "source_sha256": "x"}
    for section in ("figures", "statements", "roles"):
        kept = []
        for record in theirs[section]:
            roll = draw(st.integers(0, 9))
            if roll == 0:
                continue  # the new extractor no longer finds it
            if roll == 1 and section == "figures":
                record["value"] = draw(st.integers(0, 999))
            if roll == 2:
                record["confidence"] = 0.42
            kept.append(record)
        theirs[section] = kept
    if draw(st.booleans()):
        theirs["figures"].append(
            {"id": f"figure-new-{draw(st.integers(0, 3))}", "value": 7, "unit": "trucks", "sentence": "s1"}
        )
    return theirs


def records_by_id(facts: dict[str, Any], section: str) -> dict[str, dict[str, Any]]:
    return {r["id"]: r for r in facts[section]}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.data())
def test_no_hand_edit_is_lost_on_real_fact_files(data: st.DataObject) -> None:
    base = data.draw(st.sampled_from(OUTPUTS))
    text = dump(base)
    for edit in data.draw(hand_edits()):
        text = apply(text, edit)
    try:
        edited = load_facts(text, NAME)
    except InputError:
        assume(False)  # an edit that breaks a reference is reported, not merged (tested elsewhere)
    comments = [line for line in text.splitlines() if line.startswith("# my note")]
    snapshot = dump(base)
    # a machine fact withdrawn by one extraction and found again by a later one comes back as new,
    # at the end: order is promised for the records that stayed all along
    stayed = {section: {r["id"] for r in edited[section]} for section in EDITABLE}
    for _ in range(data.draw(st.integers(1, 3))):
        theirs = data.draw(re_extractions(base))
        outcome = update(NAME, theirs, snapshot, text, None)
        assert outcome.facts is not None, outcome.problems
        text = outcome.file_text or text
        snapshot = outcome.snapshot_text or snapshot
        facts = load_facts(text, NAME)
        for section in EDITABLE:
            machine = records_by_id(base, section)
            now = records_by_id(facts, section)
            for record_id, record in records_by_id(edited, section).items():
                original = machine.get(record_id)
                if original is None:
                    assert now.get(record_id) == record, f"the person's own {section} record {record_id} changed"
                    continue
                for key, value in record.items():
                    if original.get(key) != value:
                        assert now[record_id][key] == value, f"edit of {section}.{record_id}.{key} lost"
            deleted = set(machine) - set(records_by_id(edited, section))
            assert not deleted & set(now), f"a deleted {section} record came back"
            stayed[section] &= set(now)
            order = [i for i in (r["id"] for r in edited[section]) if i in stayed[section]]
            assert [i for i in (r["id"] for r in facts[section]) if i in stayed[section]] == order, "order changed"
        for comment in comments:
            assert comment in text.splitlines(), "a comment was lost"
