"""Hand edits survive re-extraction: three-way merge of machine base, person's file, new machine output."""

from __future__ import annotations

import copy
from typing import Any

import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from generator.errors import InputError
from generator.facts import dump
from generator.facts.update import update
from generator.facts.validate import load_facts

BASE: dict[str, Any] = {
    "article": {"id": "2023-11-29-a", "title": "A", "date": "2023-11-29", "source": "a.txt"},
    "extraction": {"extractor": "1", "source_sha256": "abc"},
    "entities": [
        {"id": "hamas", "name": "Hamas", "type": "organisation", "sentences": ["s1"], "confidence": 0.9},
        {"id": "israel", "name": "Israel", "type": "place", "sentences": ["s1"], "confidence": 0.9},
    ],
    "roles": [],
    "figures": [
        {
            "id": "figure-60-hostages",
            "value": 60,
            "unit": "hostages",
            "actor": "hamas",
            "sentence": "s1",
            "confidence": 0.8,
        },
        {
            "id": "figure-180-prisoners",
            "value": 180,
            "unit": "prisoners",
            "actor": "israel",
            "sentence": "s1",
            "confidence": 0.8,
        },
    ],
    "statements": [],
    "dates": [],
    "sentences": [{"id": "s1", "paragraph": 1, "start": 0, "end": 10, "text": "Hamas freed 60 hostages."}],
}
NAME = "facts/a.yaml"


def run(mine_text: str, theirs: dict[str, Any], base: dict[str, Any] = BASE) -> tuple[str, dict[str, Any], list[str]]:
    """One rebuild: returns the file's new text, the facts rendered and the notes."""
    outcome = update(NAME, theirs, dump(base), mine_text, None)
    assert outcome.problems == []
    assert outcome.facts is not None
    return outcome.file_text or mine_text, outcome.facts, outcome.notes


def test_an_untouched_file_follows_the_extractor() -> None:
    theirs = copy.deepcopy(BASE)
    theirs["figures"][0]["value"] = 61
    text, facts, _ = run(dump(BASE), theirs)
    assert text == dump(theirs)
    assert facts["figures"][0]["value"] == 61


def test_edits_comments_and_order_survive_while_new_facts_arrive() -> None:
    mine = dump(BASE).replace("  value: 180\n", "  value: 181  # checked against the ministry's list\n")
    mine = mine.replace("figures:\n", "figures:\n# figures checked on 2023-11-30\n")
    mine = mine.replace("  unit: hostages\n", "  unit: hostages\n  reviewed: true\n")
    theirs = copy.deepcopy(BASE)
    theirs["figures"].append({"id": "figure-5-days", "value": 5, "unit": "days", "sentence": "s1"})
    theirs["figures"][1]["confidence"] = 0.7
    text, facts, notes = run(mine, theirs)
    assert "  value: 181  # checked against the ministry's list\n" in text
    assert "# figures checked on 2023-11-30\n" in text
    assert "  reviewed: true\n" in text
    assert [f["id"] for f in facts["figures"]] == ["figure-60-hostages", "figure-180-prisoners", "figure-5-days"]
    assert facts["figures"][1]["confidence"] == 0.7, "fields the person did not touch follow the machine"
    assert notes == []


def test_a_deleted_fact_does_not_come_back() -> None:
    mine = dump(BASE).replace(
        "- id: figure-180-prisoners\n  value: 180\n  unit: prisoners\n  actor: israel\n  sentence: s1\n"
        "  confidence: 0.8\n",
        "",
    )
    assert "figure-180" not in mine
    theirs = copy.deepcopy(BASE)
    theirs["figures"][1]["confidence"] = 0.75
    text, facts, _ = run(mine, theirs)
    assert "figure-180" not in text
    assert [f["id"] for f in facts["figures"]] == ["figure-60-hostages"]


def test_when_both_change_a_field_the_person_wins_and_the_build_says_so() -> None:
    mine = dump(BASE).replace("  value: 60\n", "  value: 59\n")
    theirs = copy.deepcopy(BASE)
    theirs["figures"][0]["value"] = 62
    _text, facts, notes = run(mine, theirs)
    assert facts["figures"][0]["value"] == 59
    assert notes == [
        "facts/a.yaml: figures figure-60-hostages.value: kept your 59; the extractor now says 62 (your edit wins)"
    ]


def test_a_fact_the_person_added_stays_and_a_withdrawn_untouched_fact_goes() -> None:
    mine = dump(BASE).replace(
        "statements: []\n",
        "statements:\n- id: my-note\n  speaker: hamas\n  cue: said\n  content: We will keep talking\n  sentence: s1\n",
    )
    theirs = copy.deepcopy(BASE)
    del theirs["figures"][1]
    _, facts, _ = run(mine, theirs)
    assert [s["id"] for s in facts["statements"]] == ["my-note"]
    assert [f["id"] for f in facts["figures"]] == ["figure-60-hostages"]


def test_a_broken_file_is_left_alone_and_reported() -> None:
    mine = dump(BASE).replace("  value: 60\n", "  value: [60\n")
    outcome = update(NAME, BASE, dump(BASE), mine, None)
    assert outcome.facts is None and outcome.file_text is None
    assert outcome.problems[0].path == NAME and outcome.problems[0].line is not None


# --- property: random hand edits, then random re-extractions, never lose an edit -------------------

FIELDS = st.sampled_from(
    [
        ("figures", "value", st.integers(0, 10_000)),
        ("figures", "unit", st.sampled_from(["hostages", "trucks", "people"])),
        ("entities", "name", st.sampled_from(["Hamas movement", "State of Israel"])),
    ]
)


@st.composite
def edits(draw: st.DrawFn) -> list[tuple[Any, ...]]:
    result = []
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["set", "delete", "review", "comment"]))
        section, key, values = draw(FIELDS)
        result.append((kind, section, draw(st.integers(0, 1)), key, draw(values)))
    return result


def apply_edit(text: str, edit: tuple[Any, ...]) -> str:
    from ruamel.yaml import YAML

    kind, section, index, key, value = edit
    if kind == "comment":
        return text.replace(f"\n{section}:\n", f"\n# note {value}\n{section}:\n", 1)
    rt = YAML()
    rt.width = 4096
    tree = rt.load(text)
    records = tree[section]
    if index >= len(records):
        return text
    if kind == "set":
        records[index][key] = value
    elif kind == "delete":
        del records[index]
    else:
        records[index]["reviewed"] = True
    import io

    out = io.StringIO()
    rt.dump(tree, out)
    return out.getvalue()


@st.composite
def machine_outputs(draw: st.DrawFn) -> dict[str, Any]:
    theirs = copy.deepcopy(BASE)
    for figure in theirs["figures"]:
        if draw(st.booleans()):
            figure["value"] = draw(st.integers(0, 500))
        if draw(st.booleans()):
            figure["confidence"] = draw(st.sampled_from([0.5, 0.6, 0.9]))
    if draw(st.booleans()):
        theirs["figures"].append(
            {"id": f"figure-new-{draw(st.integers(0, 3))}", "value": 1, "unit": "boats", "sentence": "s1"}
        )
    return theirs


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edits(), st.lists(machine_outputs(), min_size=1, max_size=3))
def test_no_hand_edit_is_ever_lost(edit_list: list[tuple[Any, ...]], extractions: list[dict[str, Any]]) -> None:
    text = dump(BASE)
    for edit in edit_list:
        text = apply_edit(text, edit)
    try:
        edited = load_facts(text, NAME)
    except InputError:
        assume(False)  # an edit that breaks a reference is reported, not merged: tested above
    comments = [line for line in text.splitlines() if line.lstrip().startswith("# note")]
    snapshot = dump(BASE)
    for theirs in extractions:
        outcome = update(NAME, theirs, snapshot, text, None)
        assert outcome.facts is not None
        text = outcome.file_text or text
        snapshot = outcome.snapshot_text or snapshot  # what the build writes to facts/.extracted/
        facts = load_facts(text, NAME)
        for section in ("entities", "figures"):
            machine_ids = {r["id"] for r in BASE[section]}
            kept = {r["id"]: r for r in facts[section]}
            for record in edited[section]:
                original = next(r for r in BASE[section] if r["id"] == record["id"])
                for key, value in record.items():
                    if original.get(key) != value:
                        assert kept[record["id"]][key] == value, f"edit of {section}.{key} lost"
            deleted = machine_ids - {r["id"] for r in edited[section]}
            assert not deleted & set(kept), "a deleted fact came back"
        for comment in comments:
            assert comment in text.splitlines()
    assert yaml.safe_load(text)
