"""Settings of one build: where things are, and the site configuration from site_config/."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator import yamlsafe
from generator.errors import InputError, Problem


@dataclass(frozen=True)
class Settings:
    """The folders a build reads and writes; every one can be set on the command line."""

    seeds: Path = Path("seeds")
    """Input articles (*.txt in the seed format, *.md with front matter)."""
    facts: Path = Path("facts")
    """Fact files, one per article, edited by hand; never overwritten."""
    site: Path = Path("site")
    """The published HTML site, replaced only by a complete new build."""
    build: Path = Path("build")
    """Work folder: generated Markdown, MkDocs configuration, the build lock."""
    site_config: Path = Path("site_config")
    """mkdocs.yml (base configuration), overrides/ (theme templates), assets/ (CSS)."""
    templates: Path = Path("templates")
    """Jinja templates of the Markdown pages."""
    force_extract: bool = False
    """Extract again even where the article and the extractor are unchanged."""


@dataclass(frozen=True)
class SiteConfig:
    """The base MkDocs configuration, plus the keys factsheet itself reads from it."""

    mkdocs: dict[str, Any] = field(default_factory=dict)

    @property
    def site_name(self) -> str:
        return str(self.mkdocs.get("site_name") or "factsheet")

    @property
    def edit_url(self) -> str:
        return str(self.mkdocs.get("edit_url") or "")


SECTIONS_NAV = [
    {"Home": "index.md"},
    {"Articles": "articles/index.md"},
    {"People": "people/index.md"},
    {"Organisations": "organisations/index.md"},
    {"Places": "places/index.md"},
    {"Figures": "figures/index.md"},
    {"Statements": "statements/index.md"},
    {"Timeline": "timeline/index.md"},
]
"""The navigation: sections only, so that MkDocs' cost per page stays flat as the site grows."""


def parse_site_config(text: str, name: str) -> SiteConfig:
    doc = yamlsafe.load(text, name)
    if not isinstance(doc.data, dict):
        raise InputError(
            [
                Problem(
                    name,
                    1,
                    1,
                    "",
                    "the site configuration must be a mapping",
                    "start from the mkdocs.yml in the repository",
                )
            ]
        )
    for key in ("docs_dir", "site_dir", "nav"):
        if key in doc.data:
            line, col = doc.position((key,))
            raise InputError(
                [
                    Problem(
                        name,
                        line,
                        col,
                        key,
                        "is set by factsheet itself",
                        "remove it; use --site or make site SITE=... for the output folder",
                    )
                ]
            )
    return SiteConfig(doc.data)


def mkdocs_config(site: SiteConfig, docs_dir: Path, site_dir: Path, site_config_dir: Path) -> dict[str, Any]:
    """The configuration MkDocs runs with, as data (dumped to YAML by the writer)."""
    config = {k: v for k, v in site.mkdocs.items() if k != "edit_url"}
    theme = dict(config.get("theme") or {})
    if "custom_dir" in theme:
        theme["custom_dir"] = str((site_config_dir / theme["custom_dir"]).resolve())
    config["theme"] = theme
    config["docs_dir"] = str(docs_dir.resolve())
    config["site_dir"] = str(site_dir.resolve())
    config["nav"] = SECTIONS_NAV
    config["not_in_nav"] = "/articles/*\n/people/*\n/organisations/*\n/places/*\n"
    config["strict"] = False
    return config
