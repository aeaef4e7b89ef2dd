"""Shared fixtures: the project's folders, ../shared when present, the language model, built sites."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.config import Settings

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = ROOT / "seeds" / "000_0b24eb1d53367e8a.txt"


def shared(path: str) -> Path:
    """A path in ../shared, or skip the test where it is absent (it is always present in CI)."""
    target = SHARED / path
    if not target.exists():
        pytest.skip(f"needs ../shared/{path}, which is not beside this checkout")
    return target


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    from generator.extract import load_model

    return load_model()


def make_project(root: Path, articles: dict[str, bytes | str] | None = None, *, seed: bool = True) -> Path:
    """A throwaway project: the real templates and site_config, chosen articles, empty facts."""
    (root / "seeds").mkdir(parents=True)
    if seed:
        shutil.copy(SEED, root / "seeds" / SEED.name)
    for name, content in (articles or {}).items():
        data = content.encode() if isinstance(content, str) else content
        (root / "seeds" / name).write_bytes(data)
    shutil.copytree(ROOT / "templates", root / "templates")
    shutil.copytree(ROOT / "site_config", root / "site_config")
    return root


@pytest.fixture(scope="session")
def seed_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The seed article built once into a temporary project; tests only read it."""
    from generator.build import build

    root = make_project(tmp_path_factory.mktemp("seed-site"))
    build(settings_for(root))
    yield root


def settings_for(root: Path, **changes: Any) -> Settings:
    from generator.config import Settings

    folders: dict[str, Any] = {
        "seeds": root / "seeds",
        "facts": root / "facts",
        "site": root / "site",
        "build": root / "build",
        "site_config": root / "site_config",
        "templates": root / "templates",
    }
    return Settings(**(folders | changes))
