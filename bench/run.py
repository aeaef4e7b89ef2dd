"""`make bench`: full and incremental builds of the real corpus and of synthetic archives, one table.

For each collection (the real corpus, then a synthetic archive per size) and each run, a fresh
project folder gets a full build through the real command line, then a no-op rebuild, a rebuild
after editing one fact file and a rebuild after adding one article. Every figure is the median over
the runs. Raw spaCy (`nlp.pipe` over the same paragraphs, batch size as in the extractor) runs in
this process once per run, so that the extraction overhead compares like with like.

Settings (environment): BENCH_SIZES (default "1000,3000"; add 10000 to opt in), BENCH_RUNS
(default 3), BENCH_JOBS (default 1), BENCH_SEED (default 7), BENCH_CORPUS (default ../shared/corpus),
BENCH_REAL (default 1; 0 leaves out the real corpus), BENCH_OUT (also write the table to this file),
BENCH_RAW_SAMPLE (default 1; N times raw spaCy on every Nth article only, scaled by words),
BENCH_DASK (default 1000: a synthetic archive of that size built with `--jobs 1`, `--jobs 2` and on a
local two-worker Dask cluster; 0 leaves it out).
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from bench.synth import make_archive, read_corpus, write_archive
from generator.articles import Article, assign_unique_ids, parse_article
from generator.errors import InputError
from generator.storage import read_inputs

ROOT = Path(__file__).resolve().parent.parent
EDIT_MARK = "Benchmark Edit Marker"


@dataclass
class Run:
    """One run's measurements of one collection."""

    values: dict[str, float] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


def log(message: str) -> None:
    print(f"bench: {message}", file=sys.stderr, flush=True)  # noqa: T201 - a command-line script


def build(project: Path, seeds: Path, jobs: int, *extra: str) -> tuple[float, float, dict[str, float]]:
    """One build through the command line: wall seconds, peak resident MiB (of the build process
    alone, not of its workers), stage timings."""
    timings_file = project / "timings.json"
    timings_file.unlink(missing_ok=True)
    command = [
        sys.executable,
        "-m",
        "generator",
        "build",
        "--seeds",
        str(seeds),
        "--facts",
        str(project / "facts"),
        "--site",
        str(project / "site"),
        "--build-dir",
        str(project / "build"),
        "--jobs",
        str(jobs),
        "--timings",
        str(timings_file),
        "-q",
        *extra,
    ]
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert process.stderr is not None
    errors = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in (0, 1):  # 1: some input was rejected (the corpus has a test page)
        raise SystemExit(f"bench: the build failed ({process.returncode}):\n{errors.decode()}")
    timings = json.loads(timings_file.read_text())
    return wall, usage.ru_maxrss / 1024, timings


def raw_spacy(articles: list[Article], every: int) -> tuple[float, float]:
    """Wall and CPU seconds for spaCy alone over the same paragraphs, batched as the extractor
    batches them. With `every` > 1, over every so many articles only, scaled up by their share of
    the words."""
    from generator.extract import load_model

    nlp = load_model()
    sample = articles[::every]
    started, started_cpu = time.perf_counter(), time.process_time()
    for _ in nlp.pipe((p for a in sample for p in a.paragraphs), batch_size=64):
        pass
    seconds, cpu = time.perf_counter() - started, time.process_time() - started_cpu
    scale = sum(a.words for a in articles) / max(1, sum(a.words for a in sample))
    return seconds * scale, cpu * scale


def read_articles(seeds: Path) -> list[Article]:
    sources, _ = read_inputs(seeds)
    articles = []
    for source in sources:
        try:
            articles.append(parse_article(source.data, source.name))
        except InputError:
            continue
    return assign_unique_ids(articles)[0]


def edit_one_fact(facts: Path) -> str:
    """Change one role's title (or, if the file has none, the article's title) in the first fact file."""
    path = sorted(facts.glob("*.yaml"))[0]
    text = path.read_text()
    title = re.compile(r"(?m)^  title: .*$")
    roles = text.find("\nroles:")
    match = (title.search(text, roles) if roles >= 0 else None) or title.search(text)
    assert match is not None, path
    path.write_text(text[: match.start()] + f"  title: {EDIT_MARK}" + text[match.end() :])
    return path.name


def search_text(site: Path) -> str:
    """The text of every record in the site's Pagefind index (gzipped JSON after a signature)."""
    texts = []
    for fragment in sorted((site / "pagefind" / "fragment").glob("*.pf_fragment")):
        texts.append(gzip.decompress(fragment.read_bytes()).removeprefix(b"pagefind_dcd").decode())
    return "\n".join(texts)


def largest_page(site: Path) -> float:
    """Bytes of the largest HTML page of the site."""
    return float(max((p.stat().st_size for p in site.rglob("*.html")), default=0))


def index_alone(project: Path) -> tuple[float, float]:
    """Wall seconds and peak resident MiB of Pagefind indexing the build's search records on its own."""
    from generator.sitebuild import search_command

    output = project / "bench-pagefind"
    started = time.perf_counter()
    process = subprocess.Popen(search_command(project / "build" / "search-records", output), stdout=subprocess.DEVNULL)
    _, _, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    shutil.rmtree(output, ignore_errors=True)
    return seconds, usage.ru_maxrss / 1024


def first_query(site: Path, query: str = "hostages") -> tuple[float, float]:
    """Bytes the search page and its first query transfer in Chromium, served from localhost, and the
    seconds from typing the query to its first result on screen; zeros when there is no Chromium."""
    try:
        from playwright.sync_api import sync_playwright

        from tests.browser.conftest import CHROMIUM_ARGS, chromium_executable, serve
    except ImportError:
        return 0.0, 0.0
    executable = chromium_executable()
    if executable is None:
        return 0.0, 0.0
    with serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.goto(base + "search/index.html", wait_until="networkidle")
        sizes: list[int] = []
        page.on("requestfinished", lambda request: sizes.append(request.sizes()["responseBodySize"]))
        started = time.perf_counter()
        page.locator("#fs-search-input").fill(query)
        page.locator(".fs-search-result").first.wait_for(state="visible", timeout=60_000)
        seconds = time.perf_counter() - started
        page.wait_for_load_state("networkidle")
        browser.close()
    return float(sum(sizes)), seconds


def size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) if path.is_dir() else path.stat().st_size


def measure(seeds: Path, articles: list[Article], extra_article: str, workdir: Path, jobs: int, every: int) -> Run:
    run = Run()
    project = workdir / "project"
    if project.exists():
        shutil.rmtree(project)
    project.mkdir(parents=True)
    local_seeds = project / "seeds"
    shutil.copytree(seeds, local_seeds)
    wall, peak, timings = build(project, local_seeds, jobs)
    words = sum(a.words for a in articles)
    pages = timings["pages"]
    raw, raw_cpu = raw_spacy(articles, every)
    run.values.update(
        full=wall,
        peak=peak,
        extract=timings.get("extract", 0.0),
        extract_cpu=timings.get("extract_cpu", 0.0),
        rules_cpu=timings.get("extract_rules_cpu", 0.0),
        raw=raw,
        raw_cpu=raw_cpu,
        words=words,
        articles=len(articles),
        pages=pages,
        render=timings["render"],
        mkdocs=timings.get("mkdocs", 0.0),
        merge=timings.get("merge", 0.0),
        read=timings.get("read", 0.0) + timings.get("cache", 0.0),
        site=size(project / "site"),
        search=size(project / "site" / "pagefind"),
        largest=largest_page(project / "site"),
    )
    run.values["search_s"], run.values["search_peak"] = index_alone(project)
    run.values["query_bytes"], run.values["query_s"] = first_query(project / "site")
    run.values["noop"], _, _ = build(project, local_seeds, jobs)
    edited = edit_one_fact(project / "facts")
    run.values["edit"], _, _ = build(project, local_seeds, jobs)
    run.values["edit_visible"] = float(EDIT_MARK in search_text(project / "site"))
    if not run.values["edit_visible"]:
        run.notes.append(f"the edit of {edited} did not reach the search index")
    (local_seeds / "zz-bench-added.md").write_text(extra_article)
    run.values["add"], _, add_timings = build(project, local_seeds, jobs)
    run.values["add_extract"] = add_timings.get("extract", 0.0)
    if not run.values["add_extract"]:
        run.notes.append("the added article was not extracted")
    shutil.rmtree(project)
    return run


def median(runs: list[Run], key: str) -> float:
    return statistics.median(r.values[key] for r in runs)


ROWS: list[tuple[str, Callable[[Callable[[str], float]], str]]] = [
    ("articles / words", lambda m: f"{m('articles'):,.0f} / {m('words'):,.0f}"),
    ("extraction articles/s", lambda m: f"{m('articles') / m('extract'):.2f}"),
    ("extraction words/s", lambda m: f"{m('words') / m('extract'):,.0f}"),
    ("raw spaCy `nlp.pipe` words/s (1 process)", lambda m: f"{m('words') / m('raw'):,.0f}"),
    ("extraction CPU s ÷ raw spaCy CPU s (overhead)", lambda m: f"{m('extract_cpu') / m('raw_cpu'):.2f}×"),
    (
        "extraction CPU ÷ its spaCy part, same pass (overhead)",
        lambda m: f"{m('extract_cpu') / (m('extract_cpu') - m('rules_cpu')):.2f}×",
    ),
    ("read + cache check s", lambda m: f"{m('read'):.1f}"),
    ("merge + write fact files s", lambda m: f"{m('merge'):.1f}"),
    ("pages", lambda m: f"{m('pages'):,.0f}"),
    ("rendering and writing Markdown, pages/s", lambda m: f"{m('pages') / m('render'):,.0f}"),
    ("MkDocs build s", lambda m: f"{m('mkdocs'):.1f}"),
    ("MkDocs ms/page", lambda m: f"{1000 * m('mkdocs') / m('pages'):.1f}"),
    ("full build, wall s", lambda m: f"{m('full'):.1f}"),
    ("full build ms/article", lambda m: f"{1000 * m('full') / m('articles'):.0f}"),
    ("peak memory MiB", lambda m: f"{m('peak'):,.0f}"),
    ("site MiB / search index MiB", lambda m: f"{m('site') / 2**20:,.1f} / {m('search') / 2**20:,.1f}"),
    ("largest HTML page KB", lambda m: f"{m('largest') / 1000:,.0f}"),
    ("search index alone: s / peak MiB", lambda m: f"{m('search_s'):.1f} / {m('search_peak'):,.0f}"),
    ("first search (page + query) KB in Chromium", lambda m: f"{m('query_bytes') / 1000:,.0f}"),
    ("first search: typing to first result, ms", lambda m: f"{1000 * m('query_s'):,.0f}"),
    ("no-op rebuild (× full)", lambda m: f"{m('noop'):.1f} s ({m('noop') / m('full'):.2f}×)"),
    ("one fact edited (× full)", lambda m: f"{m('edit'):.1f} s ({m('edit') / m('full'):.2f}×)"),
    ("one article added (× full)", lambda m: f"{m('add'):.1f} s ({m('add') / m('full'):.2f}×)"),
]


def table(results: dict[str, list[Run]]) -> str:
    names = list(results)
    lines = [
        "| | " + " | ".join(names) + " |",
        "|---|" + "---:|" * len(names),
    ]
    for label, show in ROWS:
        cells = [show(lambda key, runs=runs: median(runs, key)) for runs in results.values()]  # type: ignore[misc]
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def engines(seeds: Path, workdir: Path, runs: int) -> str:
    """The same full build with `--jobs 1`, `--jobs 2` and on a local Dask cluster of two single-thread
    worker processes: the engine's overhead on one machine, and the build process's own peak memory.
    Every build must write the same fact files as `--jobs 1`."""
    from distributed import LocalCluster

    names = ["--jobs 1", "--jobs 2", "Dask, 2 local workers"]
    measured: dict[str, list[dict[str, float]]] = {name: [] for name in names}
    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=":0"
    ) as cluster:
        options = [("1",), ("2",), ("1", "--executor", "dask", "--scheduler", cluster.scheduler_address)]
        for number in range(runs):
            reference: dict[str, bytes] | None = None
            for name, (jobs, *extra) in zip(names, options, strict=True):
                log(f"engines: {name}, run {number + 1} of {runs}")
                project = workdir / "engines"
                shutil.rmtree(project, ignore_errors=True)
                project.mkdir(parents=True)
                wall, peak, timings = build(project, seeds, int(jobs), *extra)
                facts = {p.name: p.read_bytes() for p in sorted((project / "facts").rglob("*.yaml"))}
                if reference is None:
                    reference = facts
                elif facts != reference:
                    raise SystemExit(f"bench: {name} wrote other fact files than --jobs 1")
                stage = timings.get("extract", 0.0) + timings.get("merge", 0.0)
                values = {"wall": wall, "peak": peak, "stage": stage, "cpu": timings.get("extract_cpu", 0.0)}
                measured[name].append(values)
                log(f"engines: {name}: {json.dumps({k: round(v, 3) for k, v in values.items()})}")
                shutil.rmtree(project)

    def cell(name: str, key: str, form: str) -> str:
        return format(statistics.median(v[key] for v in measured[name]), form)

    articles = len(list(seeds.rglob("*.md")))
    rows = [
        ("extraction + merge + fact files, wall s", "stage", ".1f"),
        ("extraction CPU s, all processes", "cpu", ".1f"),
        ("full build, wall s", "wall", ".1f"),
        ("peak memory of the build process MiB", "peak", ",.0f"),
    ]
    lines = [f"| {articles:,} articles | " + " | ".join(names) + " |", "|---|" + "---:|" * len(names)]
    for label, key, form in rows:
        lines.append(f"| {label} | " + " | ".join(cell(name, key, form) for name in names) + " |")
    return "\n".join(lines)


def main() -> None:
    sizes = [int(s) for s in os.environ.get("BENCH_SIZES", "1000,3000").replace(",", " ").split()]
    dask_size = int(os.environ.get("BENCH_DASK", "1000"))
    runs = int(os.environ.get("BENCH_RUNS", "3"))
    jobs = int(os.environ.get("BENCH_JOBS", "1"))
    seed = int(os.environ.get("BENCH_SEED", "7"))
    every = int(os.environ.get("BENCH_RAW_SAMPLE", "1"))
    corpus = Path(os.environ.get("BENCH_CORPUS", ROOT.parent / "shared" / "corpus"))
    sources = read_corpus(corpus)
    extra = make_archive(sources, 1, seed + 1)["synthetic-00000.md"].replace('title: "', 'title: "Added: ', 1)
    results: dict[str, list[Run]] = {}
    with tempfile.TemporaryDirectory(prefix="factsheet-bench-") as temporary:
        work = Path(temporary)
        collections: list[tuple[str, Path]] = []
        if os.environ.get("BENCH_REAL", "1") != "0":
            real = work / "real-seeds"
            for folder in sorted(p for p in corpus.iterdir() if p.is_dir()):
                shutil.copytree(folder, real / folder.name)
            collections.append((f"real corpus ({len(list(real.rglob('*.md')))})", real))
        for count in sizes:
            seeds = work / f"synthetic-{count}"
            write_archive(seeds, make_archive(sources, count, seed))
            collections.append((f"synthetic {count:,}", seeds))
        for name, seeds in collections:
            articles = read_articles(seeds)
            results[name] = []
            for number in range(runs):
                log(f"{name}: run {number + 1} of {runs}")
                run = measure(seeds, articles, extra, work / "run", jobs, every)
                for note in run.notes:
                    log(f"{name}: {note}")
                results[name].append(run)
                log(f"{name}: {json.dumps({k: round(v, 3) for k, v in run.values.items()})}")
        engine_table = ""
        if dask_size:
            seeds = work / f"engines-{dask_size}"
            write_archive(seeds, make_archive(sources, dask_size, seed))
            engine_table = engines(seeds, work / "run", runs)
    header = (
        f"{dt.date.today().isoformat()}, {platform.node() or 'this machine'}: {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, --jobs {jobs}, median of {runs} run(s)"
        + (f", raw spaCy timed on 1 article in {every}, scaled by words" if every > 1 else "")
    )
    output = f"{header}\n\n{table(results)}\n" if results else f"{header}\n"
    if engine_table:
        output += f"\n{engine_table}\n"
    print(output)  # noqa: T201 - the report is the script's output
    if os.environ.get("BENCH_OUT"):
        Path(os.environ["BENCH_OUT"]).write_text(output)


if __name__ == "__main__":
    main()
