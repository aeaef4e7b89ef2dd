"""`factsheet serve`: MkDocs' live-reloading server, with factsheet's stages run before each rebuild."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from generator import storage
from generator.build import prepare
from generator.config import Settings

_SETTINGS_VARIABLE = "FACTSHEET_SERVE_SETTINGS"


LOCAL_HOSTS = ("127.0.0.1", "localhost", "[::1]")
"""The only names the preview answers to: a page elsewhere that makes its own domain point at
127.0.0.1 (DNS rebinding) sends its own name as the Host header, and is refused."""

WSGIApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


def host_is_local(host: str | None, port: int) -> bool:
    """Whether a request's Host header names this machine's preview (with its port, or none)."""
    if not host:
        return False
    name, _, given = host.rpartition(":") if not host.endswith("]") else (host, "", "")
    if not name:
        name, given = host, ""
    return name.lower() in LOCAL_HOSTS and given in ("", str(port))


def local_only(app: WSGIApp, port: int) -> WSGIApp:
    """`app`, answering 421 to a request whose Host header is not this machine."""

    def guarded(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        if host_is_local(environ.get("HTTP_HOST"), port):
            return app(environ, start_response)
        start_response("421 Misdirected Request", [("Content-Type", "text/plain; charset=utf-8")])
        return [b"factsheet serve answers only to http://127.0.0.1 or http://localhost\n"]

    return guarded


def serve(settings: Settings, port: int) -> None:
    """Build the pages, then serve them on 127.0.0.1 and rebuild when an input changes."""
    import mkdocs.commands.serve
    from mkdocs.livereload import LiveReloadServer

    class LocalServer(LiveReloadServer):
        def serve_request(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
            return local_only(super().serve_request, port)(environ, start_response)

    mkdocs.commands.serve.LiveReloadServer = LocalServer  # type: ignore[attr-defined]
    mkdocs_serve = mkdocs.commands.serve.serve
    with storage.build_lock(settings.build, settings.facts):
        prepare(settings)
        config_file = settings.build / "mkdocs.yml"
        config = storage.read_text(config_file) or ""
        hook = Path(__file__).with_name("serve_hook.py").resolve()
        storage.write_text(settings.build / "mkdocs-serve.yml", config + storage.dump_yaml({"hooks": [str(hook)]}))
        os.environ[_SETTINGS_VARIABLE] = json.dumps({k: str(v) for k, v in vars(settings).items()})
        mkdocs_serve(
            config_file=str(settings.build / "mkdocs-serve.yml"),
            livereload=True,
            dev_addr=f"127.0.0.1:{port}",
            watch=[str(p) for p in (settings.seeds, settings.facts, settings.templates, settings.site_config)],
        )


def settings_from_environment() -> Settings:
    raw: dict[str, Any] = json.loads(os.environ[_SETTINGS_VARIABLE])
    values: dict[str, Any] = {k: (v == "True") if k == "force_extract" else Path(v) for k, v in raw.items()}
    return Settings(**values)
