"""Everything that touches the disk: reading inputs, writing fact files and pages, publishing the site.

Writes are atomic (a temporary file in the same folder, then a rename), so a build killed at any
moment leaves each file old or new, never half-written. The site is built beside the published
one and swapped in only when complete.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import fcntl
import hashlib
import os
import re
import shutil
import sys
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from generator.errors import BuildLocked, InputError, Problem

ARTICLE_SUFFIXES = {".txt", ".md", ".markdown"}
SNAPSHOT_FOLDER = ".extracted"
"""Inside the facts folder: the extractor's last output per article, the base of the three-way merge."""


@dataclass(frozen=True)
class SourceFile:
    name: str
    """Path relative to the input folder, with forward slashes."""
    data: bytes


def read_inputs(folder: Path, max_bytes: int | None = None) -> tuple[list[SourceFile], list[Problem]]:
    """Article files under `folder`, sorted by name; links that lead outside it are refused.

    Of a file larger than `max_bytes`, only the first `max_bytes + 1` bytes are read: enough for
    the reader to refuse it, in bounded memory whatever its size.
    """
    if not folder.is_dir():
        raise InputError(
            [
                Problem(
                    str(folder),
                    None,
                    None,
                    "",
                    "the input folder does not exist",
                    "create it and put article files in it, or pass --seeds DIR",
                )
            ]
        )
    root = folder.resolve()
    files, problems = [], []
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder).as_posix()
        if any(part.startswith(".") for part in path.relative_to(folder).parts):
            continue
        if path.suffix.lower() not in ARTICLE_SUFFIXES or path.is_dir():
            continue
        if not path.resolve().is_relative_to(root):
            problems.append(
                Problem(
                    relative,
                    None,
                    None,
                    "",
                    "is a link to a file outside the input folder",
                    "copy the article into the input folder instead of linking to it",
                )
            )
            continue
        with path.open("rb") as handle:
            data = handle.read(-1 if max_bytes is None else max_bytes + 1)
        files.append(SourceFile(relative, data))
    return files, problems


def read_text(path: Path) -> str | None:
    """The file's text, or None if there is no such file."""
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except UnicodeDecodeError as error:
        raise InputError(
            [Problem(path.name, None, None, "", f"is not UTF-8 text ({error.reason})", "save the file as UTF-8")]
        ) from None


def read_folder(folder: Path, suffix: str) -> dict[str, str]:
    """Text of every `*suffix` file directly in `folder`, by file name."""
    if not folder.is_dir():
        return {}
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.glob(f"*{suffix}")) if p.is_file()}


def list_names(folder: Path, suffix: str) -> list[str]:
    """Names of the `*suffix` files directly in `folder`, sorted; nothing is read."""
    if not folder.is_dir():
        return []
    return sorted(p.name for p in folder.glob(f"*{suffix}") if p.is_file())


def write_text(path: Path, text: str, *, durable: bool = True) -> bool:
    """Write atomically, and only if the content changes; returns whether it did. `durable=False`
    skips the fsync: still atomic if the build is killed, not if the power fails (for files that
    the next build makes again)."""
    try:
        if path.read_bytes() == text.encode("utf-8"):
            return False
    except FileNotFoundError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
    return True


def write_tree(folder: Path, files: Iterable[tuple[str, str]]) -> tuple[int, int]:
    """Make `folder` hold exactly `files` (relative path, text), taken one at a time; returns how
    many files there are and how many were written."""
    names: set[str] = set()
    written = 0
    for name, text in files:
        names.add(name)
        written += write_text(folder / name, text, durable=False)
    if folder.is_dir():
        for path in sorted(folder.rglob("*"), reverse=True):
            relative = path.relative_to(folder).as_posix()
            if path.is_file() and relative not in names:
                path.unlink()
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()
    return len(names), written


def file_hashes(folder: Path) -> dict[str, str]:
    """sha256 of every file under `folder`, by its path relative to it."""
    if not folder.is_dir():
        return {}
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def copy_site(source: Path, target: Path) -> None:
    """A fresh copy of the published site to build on (copies, not links: MkDocs writes files in
    place, and the published site must not change until the new one replaces it)."""
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(source, target, copy_function=shutil.copyfile)


def remove(path: Path) -> None:
    path.unlink(missing_ok=True)


def copy_assets(source: Path, target: Path) -> dict[str, str]:
    """Text assets (CSS) from site_config/assets, to add to the docs folder."""
    if not source.is_dir():
        return {}
    return {
        f"{target.as_posix()}/{p.relative_to(source).as_posix()}": p.read_text(encoding="utf-8")
        for p in sorted(source.rglob("*"))
        if p.is_file()
    }


def dump_yaml(data: dict[str, Any]) -> str:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=4096)


@contextlib.contextmanager
def build_lock(build_dir: Path) -> Iterator[None]:
    """One build at a time per build folder; a second one fails at once with a clear message."""
    build_dir.mkdir(parents=True, exist_ok=True)
    with open(build_dir / ".lock", "w") as handle:  # noqa: PTH123 - flock needs the handle
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as error:
            if error.errno in (errno.EAGAIN, errno.EACCES):
                raise BuildLocked(f"another build is running in {build_dir}/; wait for it to finish") from None
            raise
        yield


def staging_folder(site: Path) -> Path:
    """Where the next site is built, beside the published one (same file system, so renames are atomic)."""
    return site.parent / f".{site.name}.new"


def publish(staged: Path, site: Path) -> None:
    """Swap the staged site in; the old one stays until the new one is in place.

    On Linux the two folders trade places in one step (renameat2 with RENAME_EXCHANGE), so the
    published folder is never missing, not even for an instant. Elsewhere it is missing between two
    renames, and `recover` puts the old one back if the build dies just there.
    """
    if site.is_dir() and _exchange(staged, site):
        shutil.rmtree(staged)  # it now holds the old site
        return
    old = site.parent / f".{site.name}.old"
    if old.exists():
        shutil.rmtree(old)
    if site.exists():
        os.replace(site, old)
    os.replace(staged, site)
    if old.exists():
        shutil.rmtree(old)


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths atomically; False where the system or the file system cannot."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):  # a C library without renameat2 (glibc < 2.28, some others)
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    renameat2.restype = ctypes.c_int
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(first), at_fdcwd, os.fsencode(second), rename_exchange) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(second))


_TEMPORARY = re.compile(r"\..+\.yaml\.[A-Za-z0-9_]+\.tmp")
"""What `write_text` names its temporary files for fact files and snapshots."""


def remove_temporaries(folder: Path) -> None:
    """Delete the temporary files that a build killed in the middle of a write left in `folder`
    (called under the build lock, when no write is under way)."""
    if folder.is_dir():
        for path in sorted(folder.iterdir()):
            if path.is_file() and _TEMPORARY.fullmatch(path.name):
                path.unlink(missing_ok=True)


def remove_page_spills(build_dir: Path) -> None:
    """Delete the page folders (`.pages-*`) that a MkDocs run killed before its clean-up left."""
    if build_dir.is_dir():
        for path in sorted(build_dir.glob(".pages-*")):
            if path.is_dir():
                shutil.rmtree(path, ignore_errors=True)


def recover(site: Path) -> None:
    """Undo what a build killed in the middle of `publish` left behind."""
    old = site.parent / f".{site.name}.old"
    if old.exists() and not site.exists():
        os.replace(old, site)
    staged = staging_folder(site)
    if staged.exists():
        shutil.rmtree(staged)
