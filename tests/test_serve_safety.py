"""`factsheet serve` answers only to this machine (DNS rebinding) and neither tracebacks nor hangs
on a broken registry, at start or on a rebuild."""

from __future__ import annotations

import http.client
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.serve import host_is_local, local_only
from tests.conftest import ROOT, make_project
from tests.test_build import run_build


@pytest.mark.parametrize(
    ("host", "local"),
    [
        ("127.0.0.1:8000", True),
        ("localhost:8000", True),
        ("LocalHost", True),
        ("[::1]:8000", True),
        ("[::1]", True),
        ("evil.example:8000", False),
        ("127.0.0.1.evil.example:8000", False),
        ("localhost.evil.example", False),
        ("localhost:9999", False),
        ("", False),
        (None, False),
    ],
)
def test_only_a_host_header_naming_this_machine_and_port_is_answered(host: str | None, local: bool) -> None:
    assert host_is_local(host, 8000) is local


def test_a_request_for_another_host_gets_421_and_never_reaches_the_site() -> None:
    reached: list[str] = []

    def site(environ: dict[str, Any], start_response: Any) -> list[bytes]:
        reached.append(environ["HTTP_HOST"])
        start_response("200 OK", [])
        return [b"page"]

    statuses: list[str] = []
    app = local_only(site, 8000)
    assert app({"HTTP_HOST": "rebind.example:8000"}, lambda s, h: statuses.append(s)) == [
        b"factsheet serve answers only to http://127.0.0.1 or http://localhost\n"
    ]
    assert app({"HTTP_HOST": "127.0.0.1:8000"}, lambda s, h: statuses.append(s)) == [b"page"]
    assert statuses == ["421 Misdirected Request", "200 OK"]
    assert reached == ["127.0.0.1:8000"]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    root = make_project(tmp_path_factory.mktemp("serve"))
    assert run_build(root)[0] == 0
    yield root


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def serve(root: Path, port: int) -> subprocess.Popen[bytes]:
    """The preview, started the way a background job or a tool that ignores interrupts starts it: with SIGINT
    ignored, which a child inherits. Ctrl-C (SIGINT) must still stop it."""
    args = [sys.executable, "-m", "generator", "serve", "--port", str(port)]
    for option in ("seeds", "facts", "site", "build-dir"):
        args += [f"--{option}", str(root / ("build" if option == "build-dir" else option))]
    args += ["--config", str(root / "site_config"), "--templates", str(root / "templates")]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        args,
        cwd=root,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_IGN),
    )


def get(port: int, host: str, path: str = "/") -> int:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request("GET", path, headers={"Host": host})
    status = connection.getresponse().status
    connection.close()
    return status


def test_a_broken_registry_at_start_is_a_message_and_exit_2(built: Path, tmp_path: Path) -> None:
    root = tmp_path / "p"
    shutil.copytree(built, root)
    (root / "facts" / "entities.yaml").write_text("entities: [\n")
    process = serve(root, free_port())
    output, _ = process.communicate(timeout=120)
    assert process.returncode == 2
    assert b"Traceback" not in output
    assert b"factsheet: error: " in output and b"entities.yaml:2:1:" in output


def test_the_preview_refuses_a_foreign_host_and_survives_a_registry_broken_while_it_runs(
    built: Path, tmp_path: Path
) -> None:
    root = tmp_path / "p"
    shutil.copytree(built, root)
    port = free_port()
    process = serve(root, port)
    try:
        deadline = time.monotonic() + 120
        while True:
            assert process.poll() is None, process.communicate()[0].decode()
            try:
                if get(port, f"127.0.0.1:{port}") == 200:
                    break
            except OSError:
                pass
            assert time.monotonic() < deadline, "the preview did not start"
            time.sleep(0.5)
        assert get(port, f"rebind.example:{port}") == 421
        assert get(port, f"localhost:{port}") == 200
        (root / "facts" / "entities.yaml").write_text("entities: [\n")
        time.sleep(8)  # the watcher's delay and a rebuild
        assert process.poll() is None, "the preview stopped on a broken registry"
        assert get(port, f"127.0.0.1:{port}", "/articles/") == 200
    finally:
        process.send_signal(signal.SIGINT)
        output, _ = process.communicate(timeout=30)
    assert b"Traceback" not in output, output.decode()
    assert b"entities.yaml:2:1:" in output
    assert b"factsheet: the preview keeps the last pages until this is fixed" in output
