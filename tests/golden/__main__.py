"""Regenerate tests/golden from seeds/ with the current extractor and templates."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from generator.build import build
from tests.conftest import make_project, settings_for

GOLDEN = Path(__file__).parent
KEPT = ("facts", "docs")


def build_seed_project(root: Path) -> Path:
    project = make_project(root)
    build(settings_for(project))
    return project


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        project = build_seed_project(Path(tmp) / "project")
        for name in KEPT:
            shutil.rmtree(GOLDEN / name, ignore_errors=True)
        shutil.copytree(project / "facts", GOLDEN / "facts")
        shutil.copytree(project / "build" / "docs", GOLDEN / "docs", ignore=shutil.ignore_patterns("assets"))
    print(f"golden files written to {GOLDEN}")  # noqa: T201


if __name__ == "__main__":
    main()
