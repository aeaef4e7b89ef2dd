"""The build, top to bottom: read articles, extract, merge with hand edits, validate, render, write,
run MkDocs, publish. Each stage takes data and returns data; `storage` does the disk work."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Protocol

from generator import storage, yamlsafe
from generator.articles import MAX_ARTICLE_BYTES, Article, assign_unique_ids, parse_article
from generator.config import Settings, SiteConfig, mkdocs_config, parse_site_config
from generator.errors import InputError, Problem
from generator.facts.registry import REGISTRY_FILE, Registry, load_registry, registry_template
from generator.facts.update import Outcome, cached_extraction, hold_last_good, last_good_copy, update
from generator.render import gather, make_environment, page_count, render_pages
from generator.render.model import ArticleFacts, Collection
from generator.render.search import search_records
from generator.sitebuild import SEARCH_ENTRY, Manifest, Plan, frame_hash, plan, run_mkdocs

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SCHEMA_FILE = PROJECT_ROOT / "generator" / "facts" / "schema.json"
REGISTRY_SCHEMA_FILE = PROJECT_ROOT / "generator" / "facts" / "registry.schema.json"
MANIFEST_FILE = "site-manifest.json"
"""In the build folder: what the published site was built from, for incremental MkDocs builds."""
SEARCH_RECORDS = "search-records"
"""In the build folder: what Pagefind indexes (`generator/render/search.py`)."""


class Progress(Protocol):
    """Told what the build is doing: a stage, then (for long ones) how many of `total` items are done."""

    def __call__(self, stage: str, done: int = 0, total: int = 0) -> None: ...


def _silent(stage: str, done: int = 0, total: int = 0) -> None:
    pass


@dataclass
class BuildReport:
    """What a build did, for the person who ran it."""

    articles: int = 0
    extracted: int = 0
    facts_written: int = 0
    pages: int = 0
    pages_written: int = 0
    site_built: bool = False
    site_pages_built: int | None = None
    """How many HTML pages an incremental MkDocs build made again; None after a full build."""
    site: Path | None = None
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    """Seconds per stage, for `make bench`."""
    held: list[str] = field(default_factory=list)
    """Ids of the articles shown at their fact file's last good state, because the file is broken."""
    newest: dt.date | None = None
    """The newest article's date: the site's date (sitemap), so that the same input gives the same bytes."""


def build(settings: Settings, progress: Progress = _silent, jobs: int = 1) -> BuildReport:
    """Build the site from `settings.seeds` and `settings.facts` into `settings.site`."""
    folders = {"seeds": settings.seeds, "facts": settings.facts, "build-dir": settings.build, "site": settings.site}
    storage.check_folders(folders, settings.site, settings.facts)
    with storage.build_lock(settings.build, settings.facts, settings.site):
        storage.recover(settings.site)
        storage.remove_page_spills(settings.build)
        for folder in (
            settings.facts,
            *(settings.facts / f for f in (storage.SNAPSHOT_FOLDER, storage.LAST_GOOD_FOLDER)),
        ):
            storage.remove_temporaries(folder)
        report = prepare(settings, progress, jobs)
        current = site_manifest(settings)
        previous = Manifest.from_json(storage.read_text(settings.build / MANIFEST_FILE))
        if previous != current or not settings.site.is_dir():
            rebuild = plan(previous, current) if (settings.site / SEARCH_ENTRY).is_file() else None
            started = time.perf_counter()
            report.notes.extend(publish_site(settings, report.newest, rebuild, progress))
            report.timings["mkdocs"] = time.perf_counter() - started
            report.site_built = True
            report.site_pages_built = None if rebuild is None else sum(n.endswith(".md") for n in rebuild.changed)
            storage.write_text(settings.build / MANIFEST_FILE, current.to_json())
    return report


def prepare(settings: Settings, progress: Progress = _silent, jobs: int = 1) -> BuildReport:
    """Every stage up to the Markdown pages and the MkDocs configuration in the build folder."""
    started = time.perf_counter()
    report = BuildReport(site=settings.site)
    site_config = load_site_config(settings)
    articles = read_articles(settings, report, site_config.max_article_bytes)
    report.timings["read"] = time.perf_counter() - started
    outcomes = extract_and_merge(settings, articles, report, progress, jobs)
    items = [
        ArticleFacts(a, o.facts, f"{a.id}.yaml", o.lines, held=o.held, touched=o.touched)
        for a, o in zip(articles, outcomes, strict=True)
        if o.facts is not None
    ]
    registry = load_registry_file(settings)
    report.newest = max((item.article.date for item in items), default=None)
    started = time.perf_counter()
    collection = gather(items, registry, site_config.min_confidence)
    pages = render(settings, site_config, collection, progress)
    report.pages, report.pages_written = write_pages(settings, site_config, pages)
    storage.write_tree(settings.build / SEARCH_RECORDS, search_records(collection))
    report.timings["render"] = time.perf_counter() - started
    return report


def load_site_config(settings: Settings) -> SiteConfig:
    path = settings.site_config / "mkdocs.yml"
    text = storage.read_text(path)
    if text is None:
        raise InputError(
            [
                Problem(
                    str(path),
                    None,
                    None,
                    "",
                    "the site configuration is missing",
                    "restore site_config/mkdocs.yml from the repository",
                )
            ]
        )
    return parse_site_config(text, str(path))


def read_articles(settings: Settings, report: BuildReport, max_bytes: int = MAX_ARTICLE_BYTES) -> list[Article]:
    """Every readable article; each unreadable one becomes a problem and is left out."""
    sources, problems = storage.read_inputs(settings.seeds, max_bytes)
    report.problems.extend(problems)
    articles = []
    for source in sources:
        try:
            article = parse_article(source.data, source.name, max_bytes=max_bytes)
        except InputError as error:
            report.problems.extend(error.problems)
            continue
        report.notes.extend(article.notes)
        articles.append(article)
    articles, notes = assign_unique_ids(articles, lambda article_id: _source_of(settings.facts, article_id))
    report.notes.extend(notes)
    report.articles = len(articles)
    return articles


def _source_of(facts: Path, article_id: str) -> str | None:
    """The source path that the fact file of `article_id` records, if there is a readable one."""
    try:
        text = storage.read_text(facts / f"{article_id}.yaml")
        data = yamlsafe.load(text, article_id).data if text is not None else None
    except (InputError, OSError):
        return None
    article = data.get("article") if isinstance(data, dict) else None
    source = article.get("source") if isinstance(article, dict) else None
    return source if isinstance(source, str) else None


def extract_and_merge(
    settings: Settings, articles: list[Article], report: BuildReport, progress: Progress, jobs: int = 1
) -> list[Outcome]:
    """Extract what changed (or everything, if forced), merge into the fact files, write them."""
    from generator.extract import EXTRACTOR_ID

    started = time.perf_counter()
    snapshots_dir = settings.facts / storage.SNAPSHOT_FOLDER
    unreadable: dict[str, list[Problem]] = {}
    snapshots = {
        a.id: _read_fact_file(snapshots_dir / f"{a.id}.yaml", settings.facts, a.id, unreadable) for a in articles
    }
    machine: dict[str, dict[str, Any]] = {}
    if not settings.force_extract:
        for article in articles:
            snapshot = cached_extraction(snapshots[article.id], article.sha256, EXTRACTOR_ID)
            if snapshot is not None:
                machine[article.id] = snapshot
    cached = set(machine)
    stale = [a for a in articles if a.id not in machine]
    report.timings["cache"] = time.perf_counter() - started
    # On a Dask cluster the facts come as a stream, merged and written in article order as they arrive.
    fresh: Iterator[dict[str, Any] | Problem] = iter(())
    extracted = None
    if stale:
        from generator.parallel import extract_facts

        started = time.perf_counter()
        ticks = iter(range(1, len(stale) + 1))
        stage = "extracting facts"
        progress(stage, 0, len(stale))
        extracted = extract_facts(
            stale, jobs, lambda _: progress(stage, next(ticks), len(stale)), scheduler=settings.scheduler
        )
        if extracted.workers:
            stage = f"extracting facts on {extracted.workers} Dask worker(s)"
        fresh = iter(extracted.facts)
        report.extracted = len(stale)
        report.timings["extract"] = time.perf_counter() - started

    started = time.perf_counter()
    schema_ref = _schema_reference(settings.facts)
    outcomes = []
    for done, article in enumerate(articles):
        if settings.scheduler is None:
            progress("merging fact files", done, len(articles))
        theirs = machine.pop(article.id) if article.id in cached else next(fresh)
        if isinstance(theirs, Problem):  # its extraction failed on a Dask worker: left out, files untouched
            report.problems.extend([*unreadable.pop(article.id, []), theirs])
            snapshots.pop(article.id)
            outcomes.append(Outcome(None))
            continue
        # popped, and the texts dropped once written: at 10,000 articles they would hold hundreds of MB
        outcome, written = _merge_one(
            settings, article, theirs, snapshots.pop(article.id), unreadable, schema_ref, cached
        )
        report.facts_written += written
        report.held.extend([article.id] if outcome.held else [])
        report.problems.extend(outcome.problems)
        report.notes.extend(outcome.notes)
        outcomes.append(replace(outcome, file_text=None, snapshot_text=None))
    progress("merging fact files", len(articles), len(articles))
    report.timings["merge"] = time.perf_counter() - started
    if extracted is not None:
        report.timings["extract_cpu"] = extracted.cpu_seconds
        report.timings["extract_rules_cpu"] = extracted.rules_cpu_seconds
    known = {f"{a.id}.yaml" for a in articles} | {REGISTRY_FILE}
    for orphan in sorted(set(storage.list_names(settings.facts, ".yaml")) - known):
        report.notes.append(
            f"{settings.facts.as_posix()}/{orphan}: no article has this id; the file is kept, not shown"
        )
    return outcomes


def _read_fact_file(path: Path, facts: Path, article_id: str, unreadable: dict[str, list[Problem]]) -> str | None:
    """The text of a fact file or snapshot; one that cannot be read safely is a problem of its
    article (and reads as None)."""
    try:
        return storage.read_text(path, facts)
    except InputError as error:
        unreadable.setdefault(article_id, []).extend(error.problems)
        return None


def _merge_one(
    settings: Settings,
    article: Article,
    theirs: dict[str, Any],
    snapshot: str | None,
    unreadable: dict[str, list[Problem]],
    schema_ref: str | None,
    cached: set[str],
) -> tuple[Outcome, int]:
    """Update one article's fact file, snapshot and last good copy; returns the outcome and how many
    fact files were written. A broken or unreadable file is held at its last good state
    (`hold_last_good`) and left alone; an unreadable snapshot is not written over."""
    name = f"{settings.facts.as_posix()}/{article.id}.yaml"
    path = settings.facts / f"{article.id}.yaml"
    snapshot_problems = unreadable.pop(article.id, [])
    last_good = settings.facts / storage.LAST_GOOD_FOLDER / f"{article.id}.yaml"
    try:
        mine = storage.read_text(path, settings.facts)
        outcome = update(name, theirs, snapshot, mine, schema_ref, cached=article.id in cached)
    except InputError as error:
        mine, outcome = None, Outcome(None, problems=error.problems)
    if outcome.facts is None:
        outcome = hold_last_good(name, outcome, _read_fact_file(last_good, settings.facts, article.id, {}), snapshot)
    outcome.problems[:0] = snapshot_problems
    written = 0
    if outcome.file_text is not None:
        written = storage.write_text(path, outcome.file_text)
    if outcome.snapshot_text is not None and not snapshot_problems:
        storage.write_text(settings.facts / storage.SNAPSHOT_FOLDER / f"{article.id}.yaml", outcome.snapshot_text)
    if outcome.facts is not None and not outcome.held:
        # written after the file and its snapshot, so that a kill in between leaves a good state
        copy = last_good_copy(outcome.file_text or mine, outcome.snapshot_text or snapshot)
        if copy is None:
            storage.remove(last_good)
        else:
            storage.write_text(last_good, copy)
    return outcome, written


def _schema_reference(facts_dir: Path, schema_file: Path = SCHEMA_FILE) -> str | None:
    """The JSON Schema's path relative to the facts folder, when that folder is inside this project;
    elsewhere None, so that no fact file names a path of this machine."""
    project = PROJECT_ROOT.resolve()
    facts = facts_dir.resolve()
    if not facts.is_relative_to(project):
        return None
    return Path(os.path.relpath(schema_file.resolve(), facts)).as_posix()


def load_registry_file(settings: Settings) -> Registry:
    """The entity registry, created with an explanatory header the first time; never rewritten."""
    path = settings.facts / REGISTRY_FILE
    text = storage.read_text(path)
    if text is None:
        text = registry_template(_schema_reference(settings.facts, REGISTRY_SCHEMA_FILE))
        storage.write_text(path, text)
    return load_registry(text, f"{settings.facts.as_posix()}/{REGISTRY_FILE}")


def render(
    settings: Settings, site_config: SiteConfig, collection: Collection, progress: Progress = _silent
) -> Iterator[tuple[str, str]]:
    """The site's Markdown pages and assets, one at a time (at 10,000 articles, all of them at once
    would hold hundreds of megabytes)."""
    templates = storage.read_folder(settings.templates, ".j2")
    env = make_environment(templates)
    facts_dir = settings.facts.name if settings.facts.is_absolute() else settings.facts.as_posix()
    site = {
        "site_name": site_config.site_name,
        "edit_url": site_config.edit_url,
        "facts_dir": facts_dir,
        "min_confidence": site_config.min_confidence,
    }
    total = page_count(collection)
    progress("rendering pages", 0, total)
    for done, page in enumerate(render_pages(collection, env, site), start=1):
        progress("rendering pages", done, total)
        yield page
    yield from storage.copy_assets(settings.site_config / "assets", Path("assets")).items()


def write_pages(settings: Settings, site_config: SiteConfig, pages: Iterable[tuple[str, str]]) -> tuple[int, int]:
    """Generated Markdown and the MkDocs configuration go to the build folder; returns how many pages
    there are and how many files were written."""
    docs = settings.build / "docs"
    staged = storage.staging_folder(settings.site)
    config = mkdocs_config(site_config, docs, staged, settings.site_config)
    count, written = storage.write_tree(docs, pages)
    written += storage.write_text(settings.build / "mkdocs.yml", storage.dump_yaml(config))
    return count, written


def site_manifest(settings: Settings) -> Manifest:
    """What the site would be built from now: the frame and every generated docs file."""
    config = settings.build / "mkdocs.yml"
    frame = frame_hash(config.read_bytes(), storage.file_hashes(settings.site_config))
    records = storage.file_hashes(settings.build / SEARCH_RECORDS)
    search = hashlib.sha256("".join(f"{name}\0{digest}\0" for name, digest in records.items()).encode()).hexdigest()
    return Manifest(frame, storage.file_hashes(settings.build / "docs"), search)


def publish_site(
    settings: Settings, newest: dt.date | None, rebuild: Plan | None, progress: Progress = _silent
) -> list[str]:
    """MkDocs builds beside the published site (on a copy of it, when only some pages changed); the
    result replaces it in one step. The old manifest is deleted before that step and the new one
    written after it, so that a build killed in between leads to a full build, never to an
    incremental one on the wrong base."""
    day = newest or dt.date(2000, 1, 1)
    epoch = int(dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC).timestamp())
    staged = storage.staging_folder(settings.site)
    if rebuild is not None:
        storage.copy_site(settings.site, staged)
    stage = "building the HTML site with MkDocs" if rebuild is None else "updating the HTML site with MkDocs"
    warnings = run_mkdocs(
        settings.build / "mkdocs.yml",
        epoch,
        rebuild,
        lambda done, total: progress(stage, done, total),
        settings.build / SEARCH_RECORDS,
    )
    storage.remove(settings.build / MANIFEST_FILE)
    storage.mark_site(staged)
    storage.publish(staged, settings.site)
    return [f"MkDocs: {w}" for w in warnings]
