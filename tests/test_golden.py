"""The seed's fact YAML and Markdown pages match the reviewed golden files byte for byte."""

from __future__ import annotations

from pathlib import Path

from tests.golden import __file__ as golden_init

GOLDEN = Path(golden_init).parent


def files(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(folder.rglob("*"))
        if p.is_file() and "assets" not in p.parts
    }


def test_fact_files_match_golden(seed_site: Path) -> None:
    assert files(seed_site / "facts") == files(GOLDEN / "facts"), "run `make update-golden` and review the diff"


def test_markdown_pages_match_golden(seed_site: Path) -> None:
    assert files(seed_site / "build" / "docs") == files(GOLDEN / "docs"), "run `make update-golden` and review the diff"
