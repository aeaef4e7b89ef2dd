"""`--executor dask`: a two-worker local cluster gives the fact files and the site of `--jobs 1`, also when
a worker is killed mid-run; failures are named; a build without it never imports Dask."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.facts.registry import REGISTRY_FILE
from tests.conftest import ROOT, make_project, shared
from tests.test_build import run_build, snapshot

pytestmark = pytest.mark.slow

# The CLI in a fresh interpreter, which then says which Dask modules it imported.
CLI_REPORTING_IMPORTS = """
import sys
from generator.cli import main
try:
    main(sys.argv[1:])
finally:
    loaded = sorted(m for m in sys.modules if m.split(".")[0] in ("dask", "distributed"))
    print("dask modules:", loaded, file=sys.stderr)
"""


@pytest.fixture(scope="module")
def corpus() -> dict[str, bytes | str]:
    """50 corpus articles: mostly short news items, a few long transcripts."""
    news = sorted(shared("corpus/wikinews").glob("*.md"))[::6][:45]
    transcripts = sorted(shared("corpus/whitehouse-2023").glob("*.md"))[::40][:5]
    return {path.name: path.read_bytes() for path in news + transcripts}


@pytest.fixture(scope="module")
def cluster() -> Iterator[Any]:
    from distributed import LocalCluster

    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=":0"
    ) as local:
        yield local


@pytest.fixture(scope="module")
def local_build(tmp_path_factory: pytest.TempPathFactory, corpus: dict[str, bytes | str]) -> tuple[Path, str]:
    """The seed and the 50 articles built with `--jobs 1`, and what the build printed."""
    root = make_project(tmp_path_factory.mktemp("jobs-1"), corpus)
    code, output = cli(root, "--jobs", "1")
    assert code == 0, output
    return root, output


def cli(root: Path, *extra: str) -> tuple[int, str]:
    process = subprocess.run(
        [sys.executable, "-c", CLI_REPORTING_IMPORTS, *build_arguments(root), *extra],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    return process.returncode, process.stdout + process.stderr


def build_arguments(root: Path) -> list[str]:
    arguments = ["build"]
    for option, folder in [
        ("--seeds", "seeds"),
        ("--facts", "facts"),
        ("--site", "site"),
        ("--build-dir", "build"),
        ("--config", "site_config"),
        ("--templates", "templates"),
    ]:
        arguments += [option, str(root / folder)]
    return arguments


def assert_same_output(one: Path, other: Path) -> None:
    assert snapshot(other / "facts") == snapshot(one / "facts")
    assert snapshot(other / "site") == snapshot(one / "site")


def test_a_local_build_imports_nothing_of_dask(local_build: tuple[Path, str]) -> None:
    _, output = local_build
    assert "dask modules: []" in output


def test_a_cluster_of_two_workers_writes_the_facts_and_site_of_one_process(
    tmp_path: Path, corpus: dict[str, bytes | str], cluster: Any, local_build: tuple[Path, str]
) -> None:
    root = make_project(tmp_path, corpus)
    code, output = cli(root, "--executor", "dask", "--scheduler", cluster.scheduler_address)
    assert code == 0, output
    assert "51 extracted" in output
    assert "factsheet: extracting facts on 2 Dask worker(s) (51)" in output
    assert_same_output(local_build[0], root)


def test_a_worker_killed_mid_run_changes_nothing(
    tmp_path: Path, corpus: dict[str, bytes | str], cluster: Any, local_build: tuple[Path, str]
) -> None:
    from distributed import Client

    root = make_project(tmp_path, corpus)
    with Client(cluster.scheduler_address, set_as_default=False) as client:
        pids = client.run(os.getpid)
        dask = ["--executor", "dask", "--scheduler", cluster.scheduler_address]
        build = subprocess.Popen(
            [sys.executable, "-m", "generator", *build_arguments(root), *dask],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        victim = None
        deadline = time.monotonic() + 300
        while victim is None and build.poll() is None and time.monotonic() < deadline:
            written = len(list((root / "facts").glob("*.yaml")))
            busy = [worker for worker, keys in client.processing().items() if keys and worker in pids]
            if written >= 5 and busy:
                victim = pids[busy[0]]
                os.kill(victim, signal.SIGKILL)
            time.sleep(0.05)
        output, _ = build.communicate(timeout=600)
        assert victim is not None, "the build ended before a worker could be killed:\n" + output
        assert build.returncode == 0, output
        client.wait_for_workers(2, timeout=60)
        assert victim not in client.run(os.getpid).values()
    assert_same_output(local_build[0], root)


def test_an_article_whose_extraction_raises_is_named_and_the_rest_is_built(
    tmp_path: Path, corpus: dict[str, bytes | str], cluster: Any
) -> None:
    from distributed import Client

    chosen = dict(sorted(corpus.items())[:3])
    broken = sorted(chosen)[1]
    root = make_project(tmp_path, chosen)
    with Client(cluster.scheduler_address, set_as_default=False) as client:
        client.run(break_extraction, broken)
        try:
            code, output = cli(root, "--executor", "dask", "--scheduler", cluster.scheduler_address)
        finally:
            client.run(mend_extraction)
    assert code == 1, output
    assert f"error: {broken}: the extraction failed on a Dask worker: RuntimeError: broken on purpose" in output
    assert "1 problem(s); the other articles were built" in output
    facts = {p.name for p in (root / "facts").glob("*.yaml")} - {REGISTRY_FILE}
    assert len(facts) == 3  # the seed and the two others
    assert (root / "site" / "index.html").is_file()


def test_a_worker_with_another_extractor_version_is_refused_before_anything_is_written(
    tmp_path: Path, cluster: Any
) -> None:
    from distributed import Client

    root = make_project(tmp_path)
    with Client(cluster.scheduler_address, set_as_default=False) as client:
        workers = sorted(client.run(os.getpid))
        client.run(set_extractor_version, "0-old", workers=workers[:1])
        try:
            code, output = cli(root, "--executor", "dask", "--scheduler", cluster.scheduler_address)
        finally:
            client.run(set_extractor_version, None)
    assert code == 2, output
    assert f"worker {workers[0]} has extractor 0-old" in output
    assert workers[1] not in output
    assert not (root / "facts").exists() and not (root / "site").exists()


def test_a_scheduler_that_does_not_answer_is_a_clear_error_and_nothing_is_written(tmp_path: Path) -> None:
    port = free_port()
    root = make_project(tmp_path)
    code, output = run_build(root, "--executor", "dask", "--scheduler", f"tcp://127.0.0.1:{port}")
    assert code == 2, output
    assert f"factsheet: error: cannot reach the Dask scheduler at tcp://127.0.0.1:{port} within 5 s" in output
    assert "nothing was published" in output
    assert not (root / "facts").exists() and not (root / "site").exists()


def test_a_scheduler_without_the_project_is_a_clear_error_before_anything_is_written(tmp_path: Path) -> None:
    dask = Path(sys.executable).with_name("dask")
    address = f"tcp://127.0.0.1:{free_port()}"
    bare = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    scheduler = subprocess.Popen(
        [str(dask), "scheduler", "--host", "127.0.0.1", "--port", address.rsplit(":", 1)[1], "--no-dashboard"],
        cwd=tmp_path,
        env=bare,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    worker = subprocess.Popen(
        [str(dask), "worker", address, "--nthreads", "1", "--no-dashboard", "--no-nanny"],
        cwd=tmp_path,
        env=bare | {"PYTHONPATH": str(ROOT)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        root = make_project(tmp_path / "project")
        code, output = cli(root, "--executor", "dask", "--scheduler", address)
    finally:
        for process in (worker, scheduler):
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
    assert code == 2, output
    assert f"factsheet: error: the Dask scheduler at {address} cannot run a task of ours" in output
    assert "install the same factsheet and requirements where the scheduler runs, too" in output
    assert not (root / "facts").exists() and not (root / "site").exists()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


def test_the_executor_and_the_scheduler_go_together(tmp_path: Path) -> None:
    root = make_project(tmp_path)
    code, output = run_build(root, "--executor", "dask")
    assert code == 2 and "--executor dask and --scheduler ADDRESS go together" in output
    assert not (root / "facts").exists()


_original: dict[str, Any] = {}


def break_extraction(source: str) -> None:
    """On a worker: extracting the article `source` raises."""
    import generator.extract as extract

    original = _original.setdefault("extract_article", extract.extract_article)

    def failing(article: Any, docs: Any) -> Any:
        if article.source == source:
            raise RuntimeError("broken on purpose")
        return original(article, docs)

    extract.extract_article = failing


def mend_extraction() -> None:
    import generator.extract as extract

    extract.extract_article = _original.pop("extract_article", extract.extract_article)


def set_extractor_version(version: str | None) -> None:
    """On a worker: pretend to be another extractor version (None: back to the real one)."""
    import generator.extract as extract

    real = _original.setdefault("EXTRACTOR_ID", extract.EXTRACTOR_ID)
    extract.EXTRACTOR_ID = real if version is None else version
