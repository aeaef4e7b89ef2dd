"""Reviewing from the command line, end to end: one command publishes an article's held-back facts,
and the result survives a rebuild with re-extraction."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from generator.cli import main
from tests.conftest import make_project
from tests.test_build import run_build

ARTICLE = "2023-11-29-hamas-group-ready-to-negotiate-more-agreements-for-hostage"


def held_back(root: Path) -> list[str]:
    result = CliRunner().invoke(
        main, ["review", "--facts", str(root / "facts"), "--config", str(root / "site_config"),
               "--build-dir", str(root / "build"), "--article", ARTICLE],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    return [line.split()[2] for line in result.output.splitlines() if line.startswith("  ")]


def test_accepting_an_article_publishes_its_facts_through_rebuilds(tmp_path: Path) -> None:
    root = make_project(tmp_path)
    with (root / "site_config" / "mkdocs.yml").open("a") as config:
        config.write("publish:\n  min_confidence: 0.99\n")  # hold back most of the seed's facts
    code, output = run_build(root)
    assert code == 0, output
    waiting = held_back(root)
    assert waiting, "the seed has facts below the threshold"
    result = CliRunner().invoke(
        main, ["review", "--facts", str(root / "facts"), "--config", str(root / "site_config"),
               "--build-dir", str(root / "build"), "--article", ARTICLE, "--accept"],
    )  # fmt: skip
    assert result.output == (
        f"factsheet: accepted {len(waiting)} fact{'s' if len(waiting) != 1 else ''} in 1 fact file "
        f"({(root / 'facts').as_posix()}/{ARTICLE}.yaml)\n"
    )
    for extra in ((), ("--force-extract",)):
        code, output = run_build(root, *extra)
        assert code == 0, output
        assert held_back(root) == []
        review = (root / "build" / "docs" / "review" / "index.md").read_text()
        assert "**0** facts in **0** articles held back" in review
