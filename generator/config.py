"""Settings of one build: where things are, and the site configuration from site_config/."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator import yamlsafe
from generator.articles import MAX_ARTICLE_BYTES
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
    scheduler: str | None = None
    """A Dask scheduler's address: extract on that cluster instead of in local processes."""


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

    @property
    def max_article_bytes(self) -> int:
        """Articles larger than this are refused (default 300,000)."""
        value = self.mkdocs.get("max_article_bytes", MAX_ARTICLE_BYTES)
        return value if isinstance(value, int) else MAX_ARTICLE_BYTES


FACTSHEET_KEYS = ("edit_url", "max_article_bytes")
"""Keys of site_config/mkdocs.yml that factsheet reads and MkDocs never sees."""


SECTIONS_NAV = [
    {"Home": "index.md"},
    {"Articles": "articles/index.md"},
    {"People": "people/index.md"},
    {"Organisations": "organisations/index.md"},
    {"Places": "places/index.md"},
    {
        "Figures": [
            "figures/index.md",
            {"Over time": "figures/charts.md"},
            {"Disagreements": "figures/discrepancies.md"},
        ]
    },
    {"Statements": "statements/index.md"},
    {"Timeline": "timeline/index.md"},
    {"Review": "review/index.md"},
    {"Downloads": "downloads/index.md"},
    {"Search": "search/index.md"},
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
    limit = doc.data.get("max_article_bytes", MAX_ARTICLE_BYTES)
    if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
        line, col = doc.position(("max_article_bytes",))
        raise InputError(
            [
                Problem(
                    name,
                    line,
                    col,
                    "max_article_bytes",
                    f"expected a whole number of bytes, got {limit!r}",
                    "write a number such as 2000000",
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
    config = {k: v for k, v in site.mkdocs.items() if k not in FACTSHEET_KEYS}
    theme = dict(config.get("theme") or {})
    if "custom_dir" in theme:
        theme["custom_dir"] = str((site_config_dir / theme["custom_dir"]).resolve())
    config["theme"] = theme
    config["docs_dir"] = str(docs_dir.resolve())
    config["site_dir"] = str(site_dir.resolve())
    config["nav"] = SECTIONS_NAV
    config["not_in_nav"] = (
        "/articles/*\n/people/*\n/organisations/*\n/places/*\n/statements/*\n/timeline/*\n/figures/page/*\n"
    )
    config["strict"] = False
    return config
