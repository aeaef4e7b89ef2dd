"""The last stage: MkDocs turns the Markdown pages into the HTML site, whole or only where it changed.

An incremental build starts from a copy of the published site and lets MkDocs rebuild only the
Markdown files whose content changed (its `dirty` mode, decided here by content hash instead of file
times). This is sound because every page's HTML depends only on its own
Markdown and on the *frame* (the MkDocs configuration with its section-only navigation, the theme
overrides and assets, the MkDocs and Material versions): when the frame changes, the site is built
whole. `tests/test_sitebuild.py` checks that an incremental build equals a full one byte for byte.

Search is Pagefind's: its binary indexes the search records (`generator/render/search.py`) into the
site's `pagefind/` folder, whole, whenever the records changed; otherwise the published index stays.
Pagefind writes the same bytes from the same records, so an incremental build still equals a full one.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from generator.errors import SiteBuildFailed

SEARCH_FOLDER = "pagefind"
SEARCH_ENTRY = "pagefind/pagefind.js"
"""In the site: the script search pages load; without it, the next build is a full one."""
SEARCH_TIMEOUT_SECONDS = 1800
DIRTY_WARNING = "A 'dirty' build is being performed"


@dataclass(frozen=True)
class Manifest:
    """What a published site was built from: the frame's hash, each docs file's hash and the search
    records' hash."""

    frame: str
    files: dict[str, str]
    search: str = ""

    def to_json(self) -> str:
        data = {"frame": self.frame, "files": self.files, "search": self.search}
        return json.dumps(data, indent=0, sort_keys=True) + "\n"

    @classmethod
    def from_json(cls, text: str | None) -> Manifest | None:
        """The manifest in `text`; None when there is none or it cannot be read (then: a full build)."""
        if text is None:
            return None
        try:
            data = json.loads(text)
            files = {str(k): str(v) for k, v in data["files"].items()}
            return cls(str(data["frame"]), files, str(data.get("search", "")))
        except (ValueError, KeyError, TypeError, AttributeError):
            return None


def frame_hash(mkdocs_yml: bytes, site_config_hashes: dict[str, str]) -> str:
    """A hash of everything every page depends on besides its own Markdown: the MkDocs
    configuration, the hashes of the site configuration's files, and the MkDocs and Material versions."""
    digest = hashlib.sha256()
    for package in ("mkdocs", "mkdocs-material"):
        digest.update(f"{package}=={metadata.version(package)}\0".encode())
    digest.update(mkdocs_yml + b"\0")
    for name, file_digest in sorted(site_config_hashes.items()):
        digest.update(f"{name}\0{file_digest}\0".encode())
    return digest.hexdigest()


@dataclass(frozen=True)
class Plan:
    """An incremental build: the docs files to build again, those gone since the last build, and
    whether the search index must be made again."""

    changed: frozenset[str]
    removed: frozenset[str]
    reindex: bool = True


def plan(previous: Manifest | None, current: Manifest) -> Plan | None:
    """What to rebuild to go from the site built from `previous` to `current`; None for a full build."""
    if previous is None or previous.frame != current.frame:
        return None
    changed = frozenset(name for name, digest in current.files.items() if previous.files.get(name) != digest)
    return Plan(changed, frozenset(previous.files.keys() - current.files.keys()), previous.search != current.search)


class _Factsheet(BasePlugin):  # type: ignore[type-arg,no-untyped-call]
    """Our hooks into MkDocs' build: which files count as modified, the page order, and memory."""

    def __init__(self, changed: frozenset[str] | None, on_page: Callable[[int, int], None], spill: Path) -> None:
        super().__init__()
        self.changed = changed
        self.progress = on_page  # not on_…: MkDocs would take an on_… attribute for an event
        self.spill = spill
        self.pages: list[tuple[str, bool]] = []
        self.built = 0
        self.total = 0

    def on_files(self, files: Files, /, *, config: Any) -> Files:
        for file in files:
            modified = self.changed is None or file.src_uri in self.changed
            file.is_modified = (lambda answer: lambda: answer)(modified)  # type: ignore[method-assign]
        self.pages = [(f.url, self.changed is None or f.src_uri in self.changed) for f in files.documentation_pages()]
        self.total = sum(built for _, built in self.pages)
        self.progress(0, self.total)
        return files

    # MkDocs converts every page's Markdown to HTML first and keeps it all until the pages are
    # written (at 10,000 articles, gigabytes). Each page's HTML waits on the disk instead, and comes
    # back just before its page is written: first in `on_page_context`, so that search indexes it.

    @event_priority(-100)
    def on_page_content(self, html: str, /, *, page: Page, config: Any, files: Files) -> str:
        self._spilled(page).write_text(html, encoding="utf-8")
        page.markdown = None
        return ""

    @event_priority(100)
    def on_page_context(self, context: Any, /, *, page: Page, config: Any, nav: Any) -> Any:
        page.content = self._spilled(page).read_text(encoding="utf-8")
        return context

    def on_post_page(self, output: str, /, *, page: Page, config: Any) -> str:
        self._spilled(page).unlink()
        page.content = None
        self.built += 1
        self.progress(self.built, self.total)
        return output

    def _spilled(self, page: Page) -> Path:
        return self.spill / hashlib.sha256(page.file.src_uri.encode()).hexdigest()


def _no_progress(done: int, total: int) -> None:
    pass


def run_mkdocs(
    config_file: Path,
    source_date_epoch: int,
    rebuild: Plan | None = None,
    on_page: Callable[[int, int], None] = _no_progress,
    search_records: Path | None = None,
) -> list[str]:
    """Build the site described by `config_file` into its `site_dir`; returns MkDocs' warnings.

    With `rebuild`, `site_dir` must hold the previously published site: only `rebuild.changed`
    is built and `rebuild.removed` is deleted. `on_page(done, total)` follows the pages being built.
    Pagefind indexes the folder `search_records` into the site (a full build, or when they changed).
    """
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    warnings: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if record.levelno >= logging.WARNING and not record.getMessage().startswith(DIRTY_WARNING):
                warnings.append(record.getMessage())

    # in the build folder, not in /tmp, which may be memory itself (tmpfs)
    spill = tempfile.TemporaryDirectory(dir=config_file.parent, prefix=".pages-")
    logger = logging.getLogger("mkdocs")
    handler = Collect()
    logger.addHandler(handler)
    previous_epoch = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(source_date_epoch)  # sitemap dates: same input, same bytes
    try:
        config = load_config(config_file=str(config_file))
        plugin = _Factsheet(None if rebuild is None else rebuild.changed, on_page, Path(spill.name))
        config.plugins["factsheet"] = plugin
        site_dir = Path(config.site_dir)
        if rebuild is None:
            mkdocs_build(config)
        else:
            _remove_outputs(site_dir, config.docs_dir, rebuild.removed, config.use_directory_urls)
            mkdocs_build(config, dirty=True)
        if search_records is not None and (rebuild is None or rebuild.reindex):
            index_search(search_records, site_dir / SEARCH_FOLDER)
    except (MkDocsException, OSError, ValueError, KeyError) as error:
        raise SiteBuildFailed(f"MkDocs could not build the site: {error}") from None
    finally:
        spill.cleanup()
        logger.removeHandler(handler)
        if previous_epoch is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = previous_epoch
    return warnings


def _remove_outputs(site_dir: Path, docs_dir: str, removed: frozenset[str], directory_urls: bool) -> None:
    """Delete what MkDocs made from docs files that are gone (a dirty build leaves them), and the
    folders that this empties, as a full build would not make them."""
    from mkdocs.structure.files import File

    for name in sorted(removed):
        output = Path(File(name, docs_dir, str(site_dir), use_directory_urls=directory_urls).abs_dest_path)
        output.unlink(missing_ok=True)
        for folder in output.parents:
            if folder == site_dir or not folder.is_relative_to(site_dir):
                break
            if folder.is_dir() and not any(folder.iterdir()):
                folder.rmdir()


def search_command(records: Path, output: Path) -> list[str]:
    """The Pagefind command line that indexes `records` into `output` (also run alone by `make bench`)."""
    from pagefind_bin import get_executable  # type: ignore[import-untyped]

    site, out = ("--site", str(records)), ("--output-path", str(output))
    return [str(get_executable()), *site, *out, "--force-language", "en", "--keep-index-url", "--silent"]


def index_search(records: Path, output: Path, timeout: float = SEARCH_TIMEOUT_SECONDS) -> None:
    """Pagefind's index of the HTML records under `records`, written afresh into `output`."""
    shutil.rmtree(output, ignore_errors=True)
    try:
        done = subprocess.run(
            search_command(records, output), capture_output=True, text=True, timeout=timeout, check=False
        )
    except subprocess.TimeoutExpired:
        raise SiteBuildFailed(f"Pagefind did not finish indexing {records} within {timeout:.0f} s") from None
    if done.returncode != 0 or not (output / "pagefind.js").is_file():
        message = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["no index written"]
        raise SiteBuildFailed(f"Pagefind could not index the search records: {message[0]}")
