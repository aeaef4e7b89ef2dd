"""Extraction in several processes, with the same output as in one.

The articles are cut into contiguous chunks of about equal length (in characters, not articles:
one White House transcript is worth fifty short news items). Each worker process loads the language
model once and extracts its chunk with `extract_all`, exactly as a serial build would; the chunks'
fact documents are put back together in the articles' order. An article's facts depend only on its
own paragraphs, so the result is the serial result, byte for byte.
"""

from __future__ import annotations

import multiprocessing
import queue
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any

from generator.articles import Article
from generator.errors import Problem

OnArticle = Callable[[Article], None]

_worker: dict[str, Any] = {}
"""In a worker process: the language model and the queue on which it reports each finished article."""


@dataclass
class Extracted:
    facts: Iterable[dict[str, Any] | Problem]
    """One fact document per article, in the articles' order; on a cluster, a stream consumed as the
    results come in, and an article whose extraction failed there is a `Problem`."""
    cpu_seconds: float = 0.0
    """CPU time of the extraction itself in all processes (model loading left out), for `make bench`.
    For a stream, complete once the stream is."""
    rules_cpu_seconds: float = 0.0
    """The part of `cpu_seconds` spent in the project's rules rather than in spaCy."""
    workers: int = 0
    """The cluster's worker count; 0 for a local build."""


def extract_facts(
    articles: list[Article], jobs: int = 1, on_article: OnArticle | None = None, scheduler: str | None = None
) -> Extracted:
    """Fact documents for `articles`, in their order, extracted in up to `jobs` processes, or on the
    Dask cluster whose scheduler is at `scheduler` (only then is Dask imported)."""
    if scheduler is not None:
        from generator.distributed import extract_on_cluster

        return extract_on_cluster(articles, scheduler, on_article)
    chunks = split(articles, jobs)
    if len(chunks) <= 1:
        from generator.extract import RuleClock, extract_all, load_model

        nlp = load_model()
        clock = RuleClock()
        started = time.process_time()
        facts = list(extract_all(articles, nlp, on_article, clock))
        return Extracted(facts, time.process_time() - started, clock.seconds)
    # "spawn": a fresh interpreter per worker, never a fork of a process that may hold threads.
    context = multiprocessing.get_context("spawn")
    ticks = context.Queue()
    offsets = [sum(len(chunk) for chunk in chunks[:i]) for i in range(len(chunks))]
    with ProcessPoolExecutor(len(chunks), mp_context=context, initializer=_start_worker, initargs=(ticks,)) as pool:
        futures = [pool.submit(_extract_chunk, index, chunk) for index, chunk in enumerate(chunks)]
        done = 0
        while done < len(articles):
            try:
                chunk_index, position = ticks.get(timeout=0.2)
            except queue.Empty:
                if all(f.done() for f in futures):
                    break  # a worker failed (its error is raised below), or its last ticks are lost
                continue
            done += 1
            if on_article is not None:
                on_article(articles[offsets[chunk_index] + position])
        results = [future.result() for future in futures]
    ticks.close()
    return Extracted(
        [facts for result in results for facts in result.facts],
        sum(r.cpu_seconds for r in results),
        sum(r.rules_cpu_seconds for r in results),
    )


def split(articles: list[Article], jobs: int) -> list[list[Article]]:
    """At most `jobs` contiguous, non-empty chunks of about equal total length."""
    jobs = max(1, min(jobs, len(articles)))
    if jobs == 1:
        return [list(articles)] if articles else []
    sizes = [sum(len(p) for p in a.paragraphs) + 1 for a in articles]
    total = sum(sizes)
    chunks: list[list[Article]] = [[] for _ in range(jobs)]
    running = 0
    for index, (article, size) in enumerate(zip(articles, sizes, strict=True)):
        # The chunk this article's middle falls in, but never so far that a later chunk stays empty.
        target = min(int((running + size / 2) * jobs / total), jobs - 1)
        target = max(target, jobs - (len(articles) - index))
        chunks[target].append(article)
        running += size
    return [chunk for chunk in chunks if chunk]


def _start_worker(ticks: Any) -> None:
    from generator.extract import load_model

    _worker["nlp"] = load_model()
    _worker["ticks"] = ticks


def _extract_chunk(index: int, chunk: list[Article]) -> Extracted:
    from generator.extract import RuleClock, extract_all

    positions = {id(article): position for position, article in enumerate(chunk)}

    def tick(article: Article) -> None:
        _worker["ticks"].put((index, positions[id(article)]))

    clock = RuleClock()
    started = time.process_time()
    facts = list(extract_all(chunk, _worker["nlp"], tick, clock))
    return Extracted(facts, time.process_time() - started, clock.seconds)
