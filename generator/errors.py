"""Domain errors. The library raises these; only the CLI turns them into messages and exit codes."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one input file, located as precisely as the input allows."""

    path: str
    line: int | None = None
    column: int | None = None
    field: str = ""
    message: str = ""
    hint: str = ""

    def __str__(self) -> str:
        where = self.path
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        text = f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"
        if self.hint:
            text += f" (hint: {self.hint})"
        return text


class FactsheetError(Exception):
    """Base class of every error the library raises on purpose."""


class InputError(FactsheetError):
    """One or more input files are wrong; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems, key=lambda p: (p.path, p.line or 0, p.column or 0, p.field, p.message))
        super().__init__("\n".join(str(p) for p in self.problems))


class BuildLocked(FactsheetError):
    """Another build holds the lock on the same output folders."""


class SiteBuildFailed(FactsheetError):
    """MkDocs could not build the rendered pages; the published site was left as it was."""


class UnsafeFolder(FactsheetError):
    """The folders given would make the build read or delete what it must not."""


class WriteFailed(FactsheetError):
    """A file could not be written (a full disk, a read-only folder); nothing was published."""
