"""The command line. The only place where errors become messages and exit codes."""

from __future__ import annotations

import json
import signal
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from generator import __version__
from generator.build import BuildReport, build
from generator.config import Settings
from generator.errors import FactsheetError, InputError

EXIT_PROBLEMS = 1
"""Some input was rejected (listed on stderr); everything else was built."""
EXIT_FAILED = 2
"""Nothing was published: the last good site is still in place."""
EXIT_BUG = 3
"""factsheet itself failed (a bug, shown with its traceback); nothing was published."""

_folder = click.Path(file_okay=False, path_type=Path)


Command = TypeVar("Command", bound=Callable[..., Any])


def _folders(function: Command) -> Command:
    options = [
        click.option("--seeds", type=_folder, default=Path("seeds"), show_default=True, help="Input articles."),
        click.option(
            "--facts", type=_folder, default=Path("facts"), show_default=True, help="Fact files (YAML, edited by hand)."
        ),
        click.option("--site", type=_folder, default=Path("site"), show_default=True, help="Published HTML site."),
        click.option(
            "--build-dir",
            type=_folder,
            default=Path("build"),
            show_default=True,
            help="Work folder for generated Markdown.",
        ),
        click.option(
            "--config",
            "site_config",
            type=_folder,
            default=Path("site_config"),
            show_default=True,
            help="Site configuration folder (mkdocs.yml, overrides, assets).",
        ),
        click.option(
            "--templates",
            type=_folder,
            default=Path("templates"),
            show_default=True,
            help="Jinja templates of the pages.",
        ),
    ]
    for option in reversed(options):
        function = option(function)
    return function


@click.group()
@click.version_option(__version__, prog_name="factsheet")
def main() -> None:
    """factsheet: turn a folder of news articles into a sourced fact-sheet site."""


@main.command("build")
@_folders
@click.option("--force-extract", is_flag=True, help="Extract every article again, even unchanged ones.")
@click.option(
    "-j", "--jobs", type=click.IntRange(min=1), default=1, show_default=True, help="Extract in this many processes."
)
@click.option(
    "--executor",
    type=click.Choice(["local", "dask"]),
    default="local",
    show_default=True,
    help="Extract in local processes (--jobs) or on a Dask cluster (--scheduler).",
)
@click.option("--scheduler", metavar="ADDRESS", help="The Dask scheduler, e.g. tcp://host:8786 (with --executor dask).")
@click.option("-q", "--quiet", is_flag=True, help="Print problems only.")
@click.option("--timings", type=click.Path(dir_okay=False, path_type=Path), hidden=True)
def build_command(
    seeds: Path,
    facts: Path,
    site: Path,
    build_dir: Path,
    site_config: Path,
    templates: Path,
    force_extract: bool,
    jobs: int,
    executor: str,
    scheduler: str | None,
    quiet: bool,
    timings: Path | None,
) -> None:
    """Read articles, extract facts, merge with hand edits, render and publish the site."""
    if (executor == "dask") != (scheduler is not None):
        raise click.UsageError("--executor dask and --scheduler ADDRESS go together")
    settings = Settings(
        seeds=seeds,
        facts=facts,
        site=site,
        build=build_dir,
        site_config=site_config,
        templates=templates,
        force_extract=force_extract,
        scheduler=scheduler,
    )

    progress = _Progress(quiet)
    try:
        report = build(settings, progress, jobs)
    except InputError as error:
        _print_problems(error)
        click.echo("factsheet: nothing was published; the last good site is still in place", err=True)
        sys.exit(EXIT_FAILED)
    except FactsheetError as error:
        click.echo(f"factsheet: error: {error}", err=True)
        click.echo("factsheet: nothing was published; the last good site is still in place", err=True)
        sys.exit(EXIT_FAILED)
    except KeyboardInterrupt:
        click.echo("\nfactsheet: interrupted; nothing was published, the last good site is still in place", err=True)
        sys.exit(EXIT_FAILED)
    except OSError as error:  # the machine's state (a full disk, a folder made read-only mid-build), not a bug
        where = f" {error.filename}" if error.filename else ""
        click.echo(f"factsheet: error:{where}: {error.strerror or error}", err=True)
        click.echo("factsheet: nothing was published; the last good site is still in place", err=True)
        sys.exit(EXIT_FAILED)
    except Exception:  # noqa: BLE001 - a bug: its traceback, and an exit status no input problem uses
        traceback.print_exc()
        click.echo("factsheet: internal error (a bug in factsheet; please report the lines above)", err=True)
        click.echo("factsheet: nothing was published; the last good site is still in place", err=True)
        sys.exit(EXIT_BUG)
    finally:
        progress.close()
    if timings is not None:
        timings.write_text(json.dumps({"pages": report.pages, **report.timings}, indent=1) + "\n")
    _print_report(report, quiet)
    if report.problems:
        sys.exit(EXIT_PROBLEMS)


@main.command("check")
@click.option("--facts", type=_folder, default=Path("facts"), show_default=True, help="Fact files to check.")
def check_command(facts: Path) -> None:
    """Validate every fact file and list every problem; exit 1 if there is any."""
    from generator.facts.registry import REGISTRY_FILE, load_registry
    from generator.facts.validate import load_facts
    from generator.storage import read_text

    problems = []
    files = sorted(facts.glob("*.yaml")) if facts.is_dir() else []
    for path in files:
        name = path.name
        try:
            text = read_text(path, facts) or ""
            if name == REGISTRY_FILE:
                load_registry(text, f"{facts.as_posix()}/{name}")
            else:
                load_facts(text, f"{facts.as_posix()}/{name}")
        except InputError as error:
            problems.extend(error.problems)
    if problems:
        _print_problems(InputError(problems))
        sys.exit(EXIT_PROBLEMS)
    click.echo(f"factsheet: {len(files)} fact file(s) are valid")


@main.command("serve")
@_folders
@click.option("--port", default=8000, show_default=True, help="Port on 127.0.0.1.")
def serve_command(
    seeds: Path, facts: Path, site: Path, build_dir: Path, site_config: Path, templates: Path, port: int
) -> None:
    """Preview the site; rebuilds and reloads when an article, a fact file or a template changes."""
    from generator.serve import serve

    settings = Settings(
        seeds=seeds, facts=facts, site=site, build=build_dir, site_config=site_config, templates=templates
    )
    # Ctrl-C stops the preview even when the shell or program that started it ignores interrupts (a child
    # inherits an ignored SIGINT, and Python then installs no handler: the preview would never stop).
    signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        serve(settings, port)
    except FactsheetError as error:
        click.echo(f"factsheet: error: {error}", err=True)
        sys.exit(EXIT_FAILED)


@main.command("review")
@click.option("--facts", type=_folder, default=Path("facts"), show_default=True, help="Fact files (YAML).")
@click.option(
    "--config",
    "site_config",
    type=_folder,
    default=Path("site_config"),
    show_default=True,
    help="Site configuration folder (mkdocs.yml: publish.min_confidence).",
)
@click.option(
    "--build-dir", type=_folder, default=Path("build"), show_default=True, help="Work folder (for the build lock)."
)
@click.option("--article", help="Only the facts of this article (its id: the fact file's name without .yaml).")
@click.option("--fact", "fact_id", help="Only this fact (its id in the fact file); needs --article.")
@click.option("--entity", help="Only this entity and the facts about it (its id, name or alias), in every article.")
@click.option("--all", "include_published", is_flag=True, help="Also published facts nobody has reviewed yet.")
@click.option(
    "--by",
    type=click.Choice(["article", "entity", "kind"]),
    default="article",
    show_default=True,
    help="How the list is grouped.",
)
@click.option("--limit", type=click.IntRange(min=0), default=0, help="List at most this many facts (0: all).")
@click.option("--accept", is_flag=True, help="Mark the selected facts `reviewed: true`: always published.")
@click.option("--reject", is_flag=True, help="Delete the selected facts from their fact files.")
def review_command(
    facts: Path,
    site_config: Path,
    build_dir: Path,
    article: str | None,
    fact_id: str | None,
    entity: str | None,
    include_published: bool,
    by: str,
    limit: int,
    accept: bool,
    reject: bool,
) -> None:
    """List the machine facts that wait for review, weakest first (by default those the publishing
    threshold held back), or accept or reject them: one fact, all of an article, or all about an entity."""
    from generator import storage
    from generator.build import load_site_config
    from generator.facts import review
    from generator.facts.registry import REGISTRY_FILE
    from generator.facts.update import touched_records
    from generator.facts.validate import load_facts

    if accept and reject:
        raise click.UsageError("give --accept or --reject, not both")
    if fact_id is not None and article is None:
        raise click.UsageError("--fact needs --article: fact ids are unique only within their article")
    if (accept or reject) and article is None and entity is None:
        raise click.UsageError("say what to review: --article ID, --article ID --fact ID, or --entity NAME")
    selection = review.Selection(article, fact_id, entity, include_published)
    try:
        thresholds = load_site_config(Settings(site_config=site_config)).min_confidence
    except InputError as error:
        _print_problems(error)
        sys.exit(EXIT_FAILED)
    names = sorted(set(storage.list_names(facts, ".yaml")) - {REGISTRY_FILE})
    if article is not None and f"{article}.yaml" not in names:
        click.echo(f"factsheet: {facts.as_posix()}/{article}.yaml: no such fact file", err=True)
        sys.exit(EXIT_PROBLEMS)
    problems = []
    chosen: dict[str, list[review.Waiting]] = {}
    texts: dict[str, str] = {}
    with storage.build_lock(build_dir):
        for name in names:
            article_id = name[: -len(".yaml")]
            if article is not None and article_id != article:
                continue
            text = storage.read_text(facts / name) or ""
            try:
                data = load_facts(text, f"{facts.as_posix()}/{name}")
            except InputError as error:
                problems.extend(error.problems)
                continue
            snapshot = storage.read_text(facts / storage.SNAPSHOT_FOLDER / name)
            touched = touched_records(data, snapshot) if snapshot is not None and snapshot != text else frozenset()
            found = review.waiting_facts(article_id, data, touched, thresholds, selection)
            if found:
                chosen[name], texts[name] = found, text
        if problems:
            _print_problems(InputError(problems))
        if accept or reject:
            _review_act(facts, chosen, texts, accept)
        else:
            _review_list(chosen, by, limit, include_published)
    if problems:
        sys.exit(EXIT_PROBLEMS)


def _review_act(facts: Path, chosen: dict[str, Any], texts: dict[str, str], accept: bool) -> None:
    from generator import storage
    from generator.facts import review

    verb = "accepted" if accept else "rejected"
    if not chosen:
        click.echo(f"factsheet: no waiting fact matches; nothing {verb}", err=True)
        sys.exit(EXIT_PROBLEMS)
    count = 0
    for name, found in chosen.items():
        keys = {(w.section, w.record["id"]) for w in found}
        text = review.accept(texts[name], keys) if accept else review.reject(texts[name], keys)
        storage.write_text(facts / name, text)
        count += len(found)
    files = len(chosen)
    click.echo(
        f"factsheet: {verb} {count} fact{'s' if count != 1 else ''} in {files} fact file{'s' if files != 1 else ''}"
        f" ({', '.join(f'{facts.as_posix()}/{n}' for n in chosen)})"
    )


def _review_list(chosen: dict[str, Any], by: str, limit: int, include_published: bool) -> None:
    rows = sorted(
        (w for found in chosen.values() for w in found),
        key=lambda w: (w.confidence, w.article, w.section, w.record["id"]),
    )
    if limit:
        rows = rows[:limit]
    what = "unreviewed" if include_published else "held back"
    if not rows:
        click.echo(f"factsheet: no {what} facts")
        return
    groups: dict[str, list[Any]] = {}
    for row in rows:
        if by == "article":
            key = row.article
        elif by == "kind":
            key = row.section
        else:
            key = row.about or "(no entity)"
        groups.setdefault(key, []).append(row)
    order = sorted(groups, key=lambda k: (-len(groups[k]), k)) if by == "entity" else sorted(groups)
    for key in order:
        click.echo(f"{key} ({len(groups[key])})")
        for row in groups[key]:
            place = "" if by == "article" else f"{row.article}  "
            mark = "" if not row.published else "  [published]"
            click.echo(
                f"  {row.confidence:.2f}  {row.section[:-1] if row.section != 'entities' else 'entity'}  "
                f"{place}{row.record['id']}  {row.summary}{mark}"
            )
    articles = len({r.article for r in rows})
    click.echo(
        f"factsheet: {len(rows)} {what} fact{'s' if len(rows) != 1 else ''} in {articles} article{'s' if articles != 1 else ''}"
    )


class _Progress:
    """A progress bar per long stage on a terminal; a line per stage (and per tenth of a long one) in a
    log; nothing when quiet."""

    def __init__(self, quiet: bool) -> None:
        self.quiet = quiet
        self.terminal = sys.stderr.isatty()
        self.bar: Any = None
        self.stage = ""
        self.shown = 0

    def __call__(self, stage: str, done: int = 0, total: int = 0) -> None:
        if self.quiet:
            return
        if stage != self.stage:
            self.close()
            self.stage, self.shown = stage, 0
            if total == 0 or not self.terminal:
                click.echo(f"factsheet: {stage}" + (f" ({total})" if total else ""), err=True)
            else:
                self.bar = click.progressbar(length=total, label=f"factsheet: {stage}", file=sys.stderr)
                self.bar.__enter__()
        if self.bar is not None:
            self.bar.update(done - self.bar.pos)
        elif total >= 100 and done * 10 // total > self.shown:
            self.shown = done * 10 // total
            click.echo(f"factsheet: {stage}: {done}/{total}", err=True)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None


def _print_problems(error: InputError) -> None:
    for problem in error.problems:
        click.echo(f"error: {problem}", err=True)


def _print_report(report: BuildReport, quiet: bool) -> None:
    for problem in report.problems:
        click.echo(f"error: {problem}", err=True)
    if not quiet:
        for note in report.notes:
            click.echo(f"note: {note}", err=True)
        state = "built" if report.site_built else "unchanged"
        if report.site_pages_built is not None:
            state = f"updated ({report.site_pages_built} page(s) rebuilt)"
        click.echo(
            f"factsheet: {report.articles} article(s), {report.extracted} extracted, "
            f"{report.facts_written} fact file(s) written, {report.pages_written} page(s) written; "
            f"site {state}: {report.site}/index.html"
        )
    if report.problems:
        click.echo(f"factsheet: {len(report.problems)} problem(s); the other articles were built", err=True)


if __name__ == "__main__":
    main()
