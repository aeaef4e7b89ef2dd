"""MkDocs hook used by `factsheet serve`: regenerate the pages before every rebuild."""

from __future__ import annotations

from typing import Any

from generator.build import prepare
from generator.errors import FactsheetError, InputError
from generator.serve import settings_from_environment


def on_pre_build(config: Any) -> None:
    """Regenerate the pages; on an error that stops the build (a broken registry, say), print it and
    keep serving the last pages, instead of a traceback and a server stuck until the fix."""
    try:
        report = prepare(settings_from_environment())
    except InputError as error:
        for problem in error.problems:
            print(f"error: {problem}")  # noqa: T201 - MkDocs' console is the user's terminal here
        print("factsheet: the preview keeps the last pages until this is fixed")  # noqa: T201
        return
    except FactsheetError as error:
        print(f"factsheet: error: {error}; the preview keeps the last pages")  # noqa: T201
        return
    for problem in report.problems:
        print(f"error: {problem}")  # noqa: T201 - MkDocs' console is the user's terminal here
