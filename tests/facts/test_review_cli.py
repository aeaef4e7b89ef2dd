"""`factsheet review`: list what waits, accept or reject a fact, an article's facts or an entity's facts;
the edits keep comments and order and survive the next re-extraction like any hand edit."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from generator.cli import main
from generator.facts import dump
from generator.facts.update import update
from generator.facts.validate import load_facts

THRESHOLDS = "publish:\n  min_confidence: 0.8\n"
SENTENCE = "Ghazi Hamad said 12 hostages were freed on Friday, Hamas said."


def machine_facts(article_id: str) -> dict[str, Any]:
    return {
        "article": {"id": article_id, "title": "A story", "date": "2023-11-24", "source": f"{article_id}.txt"},
        "extraction": {"extractor": "8-test", "source_sha256": "0" * 64},
        "entities": [
            {"id": "ghazi-hamad", "name": "Ghazi Hamad", "type": "person", "aliases": ["Hamad"],
             "sentences": ["s1"], "confidence": 0.9},
            {"id": "hamas", "name": "Hamas", "type": "organisation", "aliases": [], "sentences": ["s1"],
             "confidence": 0.5},
        ],
        "roles": [
            {"id": "role-ghazi-hamad-official", "entity": "ghazi-hamad", "title": "official", "organisation": "hamas",
             "sentence": "s1", "confidence": 0.6},
        ],
        "figures": [
            {"id": "figure-12-hostages", "value": 12, "text": "12 hostages", "unit": "hostages", "actor": "hamas",
             "sentence": "s1", "confidence": 0.3},
        ],
        "statements": [
            {"id": "statement-ghazi-hamad", "speaker": "ghazi-hamad", "speaker_text": "Ghazi Hamad", "cue": "said",
             "content": "12 hostages were freed on Friday", "kind": "indirect", "sentence": "s1", "confidence": 0.85},
        ],
        "dates": [{"id": "date-2023-11-24", "date": "2023-11-24", "text": "Friday", "sentence": "s1",
                   "confidence": 0.7}],
        "sentences": [{"id": "s1", "paragraph": 1, "start": 0, "end": len(SENTENCE), "text": SENTENCE}],
    }  # fmt: skip


def project(tmp_path: Path, articles: tuple[str, ...] = ("a", "b")) -> Path:
    """A facts folder as a build leaves it (file = snapshot), with a comment a person added to one file."""
    (tmp_path / "site_config").mkdir()
    (tmp_path / "site_config" / "mkdocs.yml").write_text("site_name: test\n" + THRESHOLDS)
    (tmp_path / "facts" / ".extracted").mkdir(parents=True)
    for article_id in articles:
        text = dump(machine_facts(article_id))
        (tmp_path / "facts" / ".extracted" / f"{article_id}.yaml").write_text(text)
        (tmp_path / "facts" / f"{article_id}.yaml").write_text(text)
    path = tmp_path / "facts" / "a.yaml"
    path.write_text(path.read_text().replace("figures:\n", "# checked with the ministry\nfigures:\n", 1))
    return tmp_path


def review(root: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(
        main,
        [
            "review",
            "--facts",
            str(root / "facts"),
            "--config",
            str(root / "site_config"),
            "--build-dir",
            str(root / "build"),
            *args,
        ],
    )
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


def records(root: Path, name: str, section: str) -> list[dict[str, Any]]:
    path = root / "facts" / name
    facts: list[dict[str, Any]] = load_facts(path.read_text(), str(path))[section]
    return facts


def test_the_list_shows_held_back_facts_weakest_first_by_article(tmp_path: Path) -> None:
    root = project(tmp_path, ("a",))
    code, output = review(root)
    assert code == 0
    assert output == (
        "a (4)\n"
        "  0.30  figure  figure-12-hostages  12 hostages\n"
        "  0.50  entity  hamas  Hamas (organisation)\n"
        "  0.60  role  role-ghazi-hamad-official  Ghazi Hamad: official\n"
        "  0.70  date  date-2023-11-24  2023-11-24 (Friday)\n"
        "factsheet: 4 held back facts in 1 article\n"
    )


def test_the_list_by_entity_and_with_published_facts(tmp_path: Path) -> None:
    root = project(tmp_path, ("a",))
    code, output = review(root, "--by", "entity", "--all")
    assert code == 0
    assert output == (
        "Ghazi Hamad (3)\n"
        "  0.60  role  a  role-ghazi-hamad-official  Ghazi Hamad: official\n"
        "  0.85  statement  a  statement-ghazi-hamad  Ghazi Hamad said: 12 hostages were freed on Friday  [published]\n"
        "  0.90  entity  a  ghazi-hamad  Ghazi Hamad (person)  [published]\n"
        "Hamas (2)\n"
        "  0.30  figure  a  figure-12-hostages  12 hostages\n"
        "  0.50  entity  a  hamas  Hamas (organisation)\n"
        "(no entity) (1)\n"
        "  0.70  date  a  date-2023-11-24  2023-11-24 (Friday)\n"
        "factsheet: 6 unreviewed facts in 1 article\n"
    )


def test_accepting_an_article_marks_its_held_back_facts_reviewed_and_keeps_comments_and_order(
    tmp_path: Path,
) -> None:
    root = project(tmp_path)
    before = (root / "facts" / "a.yaml").read_text()
    code, output = review(root, "--article", "a", "--accept")
    assert (code, output) == (0, f"factsheet: accepted 4 facts in 1 fact file ({root.as_posix()}/facts/a.yaml)\n")
    after = (root / "facts" / "a.yaml").read_text()
    assert "# checked with the ministry\nfigures:\n" in after
    assert [line for line in after.splitlines() if line != "  reviewed: true"] == before.splitlines()
    reviewed = {(s, r["id"]) for s in ("entities", "roles", "figures", "dates") for r in records(root, "a.yaml", s)
                if r.get("reviewed")}  # fmt: skip
    assert reviewed == {
        ("entities", "hamas"),
        ("roles", "role-ghazi-hamad-official"),
        ("figures", "figure-12-hostages"),
        ("dates", "date-2023-11-24"),
    }
    assert (root / "facts" / "b.yaml").read_text() == (root / "facts" / ".extracted" / "b.yaml").read_text()
    code, output = review(root, "--article", "a")
    assert (code, output) == (0, "factsheet: no held back facts\n")


def test_rejecting_one_fact_deletes_only_that_record(tmp_path: Path) -> None:
    root = project(tmp_path)
    code, output = review(root, "--article", "a", "--fact", "figure-12-hostages", "--reject")
    assert (code, output) == (0, f"factsheet: rejected 1 fact in 1 fact file ({root.as_posix()}/facts/a.yaml)\n")
    assert records(root, "a.yaml", "figures") == []
    assert [r["id"] for r in records(root, "a.yaml", "roles")] == ["role-ghazi-hamad-official"]
    assert "# checked with the ministry\n" in (root / "facts" / "a.yaml").read_text()


def test_rejecting_an_entity_in_every_article_takes_the_facts_about_it(tmp_path: Path) -> None:
    root = project(tmp_path)
    code, output = review(root, "--entity", "hamas", "--reject")
    assert (code, output) == (
        0,
        f"factsheet: rejected 6 facts in 2 fact files ({root.as_posix()}/facts/a.yaml, {root.as_posix()}/facts/b.yaml)\n",
    )
    for name in ("a.yaml", "b.yaml"):
        assert [e["id"] for e in records(root, name, "entities")] == ["ghazi-hamad"]
        assert records(root, name, "figures") == []
        assert records(root, name, "roles") == []  # Ghazi Hamad's role was "official of Hamas"
        assert [s["speaker"] for s in records(root, name, "statements")] == ["ghazi-hamad"]


def test_accepting_an_entity_by_name(tmp_path: Path) -> None:
    root = project(tmp_path, ("a",))
    code, output = review(root, "--entity", "Hamad", "--accept")
    assert (code, output) == (0, f"factsheet: accepted 1 fact in 1 fact file ({root.as_posix()}/facts/a.yaml)\n")
    assert records(root, "a.yaml", "roles")[0]["reviewed"] is True


def test_review_refuses_unclear_requests(tmp_path: Path) -> None:
    root = project(tmp_path, ("a",))
    code, output = review(root, "--accept")
    assert code == 2
    assert "Error: say what to review: --article ID, --article ID --fact ID, or --entity NAME" in output
    code, output = review(root, "--fact", "x", "--reject")
    assert code == 2
    assert "Error: --fact needs --article: fact ids are unique only within their article" in output
    code, output = review(root, "--article", "a", "--accept", "--reject")
    assert code == 2
    assert "Error: give --accept or --reject, not both" in output
    code, output = review(root, "--article", "nope", "--accept")
    assert (code, output) == (1, f"factsheet: {root.as_posix()}/facts/nope.yaml: no such fact file\n")
    code, output = review(root, "--article", "a", "--fact", "nope", "--accept")
    assert (code, output) == (1, "factsheet: no waiting fact matches; nothing accepted\n")


def test_review_reports_a_broken_fact_file_and_goes_on(tmp_path: Path) -> None:
    root = project(tmp_path)
    (root / "facts" / "b.yaml").write_text("entities: [\n")
    code, output = review(root)
    assert code == 1
    assert output.startswith(f"error: {root.as_posix()}/facts/b.yaml:")
    assert output.endswith("factsheet: 4 held back facts in 1 article\n")


def test_accepted_and_rejected_facts_survive_a_re_extraction(tmp_path: Path) -> None:
    root = project(tmp_path, ("a",))
    review(root, "--article", "a", "--fact", "figure-12-hostages", "--reject")
    review(root, "--article", "a", "--fact", "date-2023-11-24", "--accept")
    mine = (root / "facts" / "a.yaml").read_text()
    snapshot = (root / "facts" / ".extracted" / "a.yaml").read_text()
    theirs = copy.deepcopy(machine_facts("a"))
    theirs["dates"][0]["confidence"] = 0.65  # a refitted calibration
    outcome = update("facts/a.yaml", theirs, snapshot, mine, None)
    assert outcome.facts is not None
    assert outcome.facts["figures"] == []
    assert outcome.facts["dates"][0]["reviewed"] is True
    assert ("dates", "date-2023-11-24") in outcome.touched
    assert "# checked with the ministry\n" in (outcome.file_text or mine)


def test_an_entity_a_published_fact_names_does_not_wait(tmp_path: Path) -> None:
    root = project(tmp_path, ("a",))
    path = root / "facts" / "a.yaml"
    path.write_text(path.read_text().replace("speaker: ghazi-hamad", "speaker: hamas"))
    code, output = review(root)
    assert code == 0
    assert "Hamas (organisation)" not in output  # the published statement's speaker is on the site
    assert output.endswith("factsheet: 3 held back facts in 1 article\n")
