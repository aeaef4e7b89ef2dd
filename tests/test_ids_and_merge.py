"""Hand edits stay with their article: ids never move to a newcomer, a lost snapshot still lets new
facts in without touching an edit, and every value a merge writes reads back as written."""

from __future__ import annotations

import copy
import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import pytest

from generator.articles import Article, assign_unique_ids
from generator.facts import dump
from generator.facts.update import update
from generator.facts.validate import load_facts
from tests.conftest import make_project
from tests.facts.test_merge import BASE, NAME
from tests.test_build import run_build

TITLE = "Ministers meet in Geneva"
LONG = "The ministers of the seven largest economies meet in Geneva to discuss the grain corridor and"


def article(source: str, title: str = TITLE) -> Article:
    from generator.articles import slugify

    return Article(f"2024-03-01-{slugify(title, 60)}", source, title, dt.date(2024, 3, 1), ("Text.",))


def test_a_newcomer_with_the_same_date_and_title_never_takes_the_existing_id() -> None:
    existing, newcomer = article("b-existing.txt"), article("a-newcomer.txt")
    owners = {existing.id: "b-existing.txt"}
    ids, notes = assign_unique_ids([newcomer, existing], owners.get)
    by_source = {a.source: a.id for a in ids}
    assert by_source["b-existing.txt"] == "2024-03-01-ministers-meet-in-geneva"
    assert by_source["a-newcomer.txt"].startswith("2024-03-01-ministers-meet-in-geneva-")
    assert notes == [f"a-newcomer.txt: same date and title as b-existing.txt; its id is {by_source['a-newcomer.txt']}"]
    # without the record of who had the id, the first path would have taken it
    assert {a.source: a.id for a in assign_unique_ids([newcomer, existing])[0]}["a-newcomer.txt"] == existing.id


def test_an_id_given_with_a_suffix_stays_when_the_other_article_goes() -> None:
    existing, newcomer = article("b-existing.txt"), article("a-newcomer.txt")
    ids, _ = assign_unique_ids([newcomer, existing], {existing.id: "b-existing.txt"}.get)
    suffixed = next(a.id for a in ids if a.source == "a-newcomer.txt")
    owners = {existing.id: "b-existing.txt", suffixed: "a-newcomer.txt"}
    alone, notes = assign_unique_ids([newcomer], owners.get)
    assert [a.id for a in alone] == [suffixed]
    assert notes == []


def test_titles_that_collide_only_once_shortened_get_their_full_slug_and_no_hash() -> None:
    first, second = article("one.txt", LONG + " wheat prices"), article("two.txt", LONG + " fertiliser")
    assert first.id == second.id
    ids, notes = assign_unique_ids([second, first], {first.id: "one.txt"}.get)
    assert notes == []
    assert {a.source: a.id for a in ids} == {
        "one.txt": first.id,
        "two.txt": "2024-03-01-the-ministers-of-the-seven-largest-economies-meet-in-geneva-to-discuss-the-"
        "grain-corridor-and-fertiliser",
    }


def test_a_second_article_with_the_same_date_and_title_leaves_the_hand_edited_file_with_its_article(
    tmp_path: Path,
) -> None:
    body = "date 2024-03-01 Ministers meet in Geneva\n\nThe ministers of France and Spain met in Geneva.\n"
    root = make_project(tmp_path, {"m-first.txt": body}, seed=False)
    assert run_build(root)[0] == 0
    path = root / "facts" / "2024-03-01-ministers-meet-in-geneva.yaml"
    path.write_text(path.read_text() + "# checked by hand\n")
    edited = path.read_text()
    (root / "seeds" / "a-second.txt").write_text(body.replace("France and Spain", "Chile and Peru"))

    code, output = run_build(root)

    assert code == 0, output
    assert path.read_text() == edited
    assert load_facts(edited, "f")["article"]["source"] == "m-first.txt"
    assert "note: a-second.txt: same date and title as m-first.txt; its id is 2024-03-01-ministers-meet-in-geneva-" in (
        output
    )


def edited_file(theirs_change: dict[str, Any] | None = None) -> tuple[str, dict[str, Any]]:
    """A hand-edited file of BASE and a new machine output with one more figure."""
    mine = dump(BASE).replace("unit: hostages", "unit: hostages held in Gaza  # checked")
    theirs = copy.deepcopy(BASE)
    theirs["figures"].append(
        {"id": "figure-3-ships", "value": 3, "unit": "ships", "sentence": "s1", "confidence": 0.7}
        | (theirs_change or {})
    )
    return mine, theirs


@pytest.mark.parametrize("snapshot", [None, "", "# only a comment\n"], ids=["missing", "empty", "comment"])
def test_without_a_snapshot_the_file_wins_and_new_facts_arrive(snapshot: str | None) -> None:
    mine, theirs = edited_file()
    outcome = update(NAME, theirs, snapshot, mine, None)
    assert outcome.problems == []
    assert outcome.file_text is not None
    assert "unit: hostages held in Gaza  # checked\n" in outcome.file_text
    facts = load_facts(outcome.file_text, NAME)
    assert [f["id"] for f in facts["figures"]] == ["figure-60-hostages", "figure-180-prisoners", "figure-3-ships"]
    assert outcome.notes == [
        "facts/a.yaml: no usable record of the extractor's last output (facts/.extracted/a.yaml), so every value in "
        "your file counts as your edit and stays, and new facts are added (a fact you deleted may come back)"
    ]
    assert outcome.snapshot_text == dump(theirs), "the next build has a base again"


def test_a_broken_snapshot_is_reported_under_its_own_name() -> None:
    mine, theirs = edited_file()
    outcome = update(NAME, theirs, "entities: [\n", mine, None)
    assert [str(p) for p in outcome.problems] == [
        "facts/.extracted/a.yaml:2:1: YAML syntax error: did not find expected node content "
        "(hint: check the quotes, colons and indentation on this line and the one before)"
    ]
    assert outcome.file_text is not None and "held in Gaza  # checked" in outcome.file_text


def test_a_snapshot_deleted_then_an_article_changed_gets_the_new_facts_even_when_forced(tmp_path: Path) -> None:
    body = "date 2024-03-01 Ministers meet in Geneva\n\nThe ministers of France and Spain met in Geneva.\n"
    root = make_project(tmp_path, {"m.txt": body}, seed=False)
    assert run_build(root)[0] == 0
    path = root / "facts" / "2024-03-01-ministers-meet-in-geneva.yaml"
    path.write_text(path.read_text() + "# checked by hand\n")
    shutil.rmtree(root / "facts" / ".extracted")
    (root / "seeds" / "m.txt").write_text(body + "\nThe talks were led by Emmanuel Macron in Geneva.\n")

    code, output = run_build(root, "--force-extract")

    assert code == 0, output
    text = path.read_text()
    assert text.endswith("# checked by hand\n") or "# checked by hand\n" in text
    assert "emmanuel-macron" in {e["id"] for e in load_facts(text, "f")["entities"]}
    assert "no usable record of the extractor's last output" in output


WORDS = [
    "No",
    "Yes",
    "off",
    "ON",
    "y",
    "10:30",
    "1:20:30",
    "0x1F",
    "0o17",
    "1_000",
    "~",
    "null",
    "2023-01-01",
    ".inf",
    "-.nan",
    "+12",
    "3e5",
    "=",
    "<<",
    "True",
]


@pytest.mark.parametrize("word", WORDS)
def test_every_value_a_merge_writes_reads_back_as_written(word: str) -> None:
    mine, theirs = edited_file({"unit": word, "action": word})
    theirs["entities"][0]["name"] = word
    outcome = update(NAME, theirs, dump(BASE), mine, None)
    assert outcome.problems == [], outcome.problems
    assert outcome.file_text is not None
    facts = load_facts(outcome.file_text, NAME)
    assert facts["figures"][2]["unit"] == word and facts["figures"][2]["action"] == word
    assert facts["entities"][0]["name"] == word
