"""Whole builds through the CLI: exit codes, exact messages, determinism, nothing lost."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from tests.conftest import make_project, shared


def run_build(root: Path, *extra: str) -> tuple[int, str]:
    result = CliRunner().invoke(
        main,
        [
            "build",
            "--seeds",
            str(root / "seeds"),
            "--facts",
            str(root / "facts"),
            "--site",
            str(root / "site"),
            "--build-dir",
            str(root / "build"),
            "--config",
            str(root / "site_config"),
            "--templates",
            str(root / "templates"),
            *extra,
        ],
    )
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_second_build_rewrites_no_fact_file_and_changes_no_byte(tmp_path: Path) -> None:
    root = make_project(tmp_path)
    code, output = run_build(root)
    assert code == 0, output
    facts, site = snapshot(root / "facts"), snapshot(root / "site")
    mtimes = {p: p.stat().st_mtime_ns for p in (root / "facts").rglob("*.yaml")}
    code, output = run_build(root)
    assert code == 0
    assert "0 extracted, 0 fact file(s) written, 0 page(s) written; site unchanged" in output
    assert snapshot(root / "facts") == facts and snapshot(root / "site") == site
    assert {p: p.stat().st_mtime_ns for p in (root / "facts").rglob("*.yaml")} == mtimes
    shutil.rmtree(root / "site")
    shutil.rmtree(root / "build")
    assert run_build(root)[0] == 0
    assert snapshot(root / "site") == site, "a clean rebuild gives the same bytes"


def test_a_temporary_file_left_by_a_killed_write_is_removed_and_nothing_else(tmp_path: Path) -> None:
    root = make_project(tmp_path)
    assert run_build(root)[0] == 0
    fact_file = next(p for p in sorted((root / "facts").glob("*.yaml")) if p.name != "entities.yaml")
    left_over = [
        root / "facts" / f".{fact_file.name}.k3j_x9ab.tmp",
        root / "facts" / ".extracted" / f".{fact_file.name}.q0w2e3r4.tmp",
    ]
    kept = [root / "facts" / "notes.tmp", root / "facts" / ".editor-backup.tmp"]
    for path in left_over + kept:
        path.write_text("half a file", encoding="utf-8")

    assert run_build(root)[0] == 0

    assert not any(path.exists() for path in left_over)
    assert all(path.exists() for path in kept)


def test_hand_edit_survives_forced_re_extraction_and_reaches_the_site(tmp_path: Path) -> None:
    root = make_project(tmp_path)
    run_build(root)
    fact_file = next((root / "facts").glob("*.yaml"))
    text = fact_file.read_text()
    edited = text.replace("  title: Chief of Staff\n", "  title: Chief of the General Staff  # IDF, checked\n")
    assert edited != text
    fact_file.write_text(edited)
    code, output = run_build(root, "--force-extract")
    assert code == 0, output
    assert "1 extracted" in output
    assert fact_file.read_text() == edited
    html = (root / "site" / "people" / "herzi-halevi.html").read_text()
    assert "Chief of the General Staff" in html


def test_bad_articles_are_reported_and_the_others_still_built(tmp_path: Path) -> None:
    root = make_project(
        tmp_path,
        {
            "bad-date.txt": "date 2023-02-30 A date that does not exist\n\nThe body mentions 7 villages.\n",
            "no-date.txt": "A headline without any date line\n\nThe body says 3 ships docked.\n",
        },
    )
    code, output = run_build(root)
    assert code == 1
    assert (
        "error: bad-date.txt:1:6: date: 2023-02-30 is not a day of the calendar (hint: check the month and the day)"
        in output
    )
    assert "error: no-date.txt:1:1: date: the first line must be `date YYYY-MM-DD Title`" in output
    assert "factsheet: 2 problem(s); the other articles were built" in output
    assert (root / "site" / "people" / "ghazi-hamad.html").exists()


def test_a_broken_fact_file_is_never_overwritten_and_its_error_is_located(tmp_path: Path) -> None:
    root = make_project(tmp_path)
    run_build(root)
    fact_file = next((root / "facts").glob("*.yaml"))
    broken = fact_file.read_text().replace("  value: 60\n", "  value: sixty\n", 1)
    fact_file.write_text(broken)
    code, output = run_build(root, "--force-extract")
    assert code == 1
    line = broken.splitlines().index("  value: sixty") + 1
    assert (
        f"{fact_file.relative_to(root).as_posix()}:{line}:10: figures[1].value: expected a number, got 'sixty'"
        in output.replace(str(root) + "/", "")
    )
    assert fact_file.read_text() == broken


def test_missing_input_folder_is_a_clear_error_and_publishes_nothing(tmp_path: Path) -> None:
    root = make_project(tmp_path)
    shutil.rmtree(root / "seeds")
    code, output = run_build(root)
    assert code == 2
    assert f"error: {root / 'seeds'}: the input folder does not exist" in output
    assert "nothing was published; the last good site is still in place" in output
    assert not (root / "site").exists()


def test_check_command_lists_every_problem(tmp_path: Path) -> None:
    facts = tmp_path / "facts"
    facts.mkdir()
    for name in ("norway.yaml", "tabs.yaml"):
        shutil.copy(shared("hostile/facts") / name, facts / name)
    result = CliRunner().invoke(main, ["check", "--facts", str(facts)])
    assert result.exit_code == 1
    lines = [line.replace(str(facts), "facts") for line in result.output.splitlines()]
    assert "error: facts/norway.yaml:1:1: 'entities' is missing (hint: add it, or delete the whole record)" in lines
    assert lines[-2:] == [
        "error: facts/norway.yaml:2:10: article.title: expected text, got false (YAML reads the bare word NO as "
        'false) (hint: put it in quotes: "NO")',
        "error: facts/tabs.yaml:2:1: YAML syntax error: a tab character (hint: YAML indents with spaces, never tabs: "
        "replace the tab with spaces)",
    ]


@pytest.mark.slow
def test_fifty_wikinews_articles_build(tmp_path: Path) -> None:
    corpus = shared("corpus/wikinews")
    chosen = sorted(corpus.glob("*.md"))[:50]
    root = make_project(tmp_path, {p.name: p.read_bytes() for p in chosen}, seed=False)
    code, output = run_build(root, "--quiet")
    assert code == 0, output
    pages = [p for p in (root / "site" / "articles").glob("*.html") if p.name != "index.html"]
    assert len(pages) == 50
    assert len(list((root / "facts").glob("2*.yaml"))) == 50
    assert any((root / "site" / "people").glob("*.html"))
