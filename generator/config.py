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

    @property
    def min_confidence(self) -> dict[str, float]:
        """Per fact kind, the confidence a machine fact needs to be published (`publish.min_confidence`,
        one number or one per kind); by default the thresholds fitted with the calibration."""
        from generator.extract.calibration import default_thresholds

        thresholds = default_thresholds()
        setting = (self.mkdocs.get("publish") or {}).get("min_confidence")
        if isinstance(setting, dict):
            thresholds.update({k: float(v) for k, v in setting.items()})
        elif setting is not None:
            thresholds = dict.fromkeys(thresholds, float(setting))
        return thresholds


FACT_KINDS = ("entities", "roles", "figures", "statements", "dates")
FACTSHEET_KEYS = ("edit_url", "max_article_bytes", "publish")
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
    problems = _publish_problems(doc, name)
    if problems:
        raise InputError(problems)
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
        "/articles/*\n/people/*\n/organisations/*\n/places/*\n/statements/*\n/timeline/*\n/figures/page/*\n/figures/discrepancies/*\n/figures/series/*\n"
    )
    config["strict"] = False
    return config


def _publish_problems(doc: yamlsafe.Document, name: str) -> list[Problem]:
    """`publish: {min_confidence: 0.8}` or `publish: {min_confidence: {statements: 0.7, …}}`."""
    publish = doc.data.get("publish")
    if publish is None:
        return []
    hint = "write publish: {min_confidence: 0.8}, or one number per kind (entities, roles, figures, statements, dates)"
    if not isinstance(publish, dict):
        line, col = doc.position(("publish",))
        return [Problem(name, line, col, "publish", "expected a mapping", hint)]
    problems = []
    for key in publish:
        if key != "min_confidence":
            line, col = doc.position(("publish", key))
            problems.append(Problem(name, line, col, f"publish.{key}", "unknown setting", hint))
    setting = publish.get("min_confidence")
    values = setting.items() if isinstance(setting, dict) else [(None, setting)] if setting is not None else []
    for kind, value in values:
        path = ("publish", "min_confidence", *([kind] if kind is not None else []))
        field_name = ".".join(str(p) for p in path)
        if kind is not None and kind not in FACT_KINDS:
            line, col = doc.position(path)
            problems.append(Problem(name, line, col, field_name, f"unknown kind of fact {kind!r}", hint))
        elif isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
            line, col = doc.position(path)
            problems.append(Problem(name, line, col, field_name, f"expected a number from 0 to 1, got {value!r}", hint))
    return problems
