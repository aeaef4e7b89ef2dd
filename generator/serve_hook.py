"""MkDocs hook used by `factsheet serve`: regenerate the pages before every rebuild."""

from __future__ import annotations

from typing import Any

from generator.build import prepare
from generator.serve import settings_from_environment


def on_pre_build(config: Any) -> None:
    report = prepare(settings_from_environment())
    for problem in report.problems:
        print(f"error: {problem}")  # noqa: T201 - MkDocs' console is the user's terminal here
