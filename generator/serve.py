"""`factsheet serve`: MkDocs' live-reloading server, with factsheet's stages run before each rebuild."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from generator import storage
from generator.build import prepare
from generator.config import Settings

_SETTINGS_VARIABLE = "FACTSHEET_SERVE_SETTINGS"


def serve(settings: Settings, port: int) -> None:
    """Build the pages, then serve them on 127.0.0.1 and rebuild when an input changes."""
    from mkdocs.commands.serve import serve as mkdocs_serve

    with storage.build_lock(settings.build):
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
