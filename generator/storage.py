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
import stat
import sys
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from generator.errors import BuildLocked, InputError, Problem, UnsafeFolder, WriteFailed

ARTICLE_SUFFIXES = {".txt", ".md", ".markdown"}
SNAPSHOT_FOLDER = ".extracted"
"""Inside the facts folder: the extractor's last output per article, the base of the three-way merge."""
LAST_GOOD_FOLDER = ".last-good"
"""Inside the facts folder: the last valid text of each fact file that differs from its snapshot,
shown on the site while the file itself is broken."""


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
    files, problems = [], []
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder).as_posix()
        if any(part.startswith(".") for part in path.relative_to(folder).parts):
            continue
        if path.suffix.lower() not in ARTICLE_SUFFIXES or path.is_dir():
            continue
        try:
            data = read_bytes(path, folder, max_bytes, relative)
        except InputError as error:
            problems.extend(error.problems)
            continue
        if data is None:
            continue  # deleted while the folder was read
        files.append(SourceFile(relative, data))
    return files, problems


def read_text(path: Path, root: Path | None = None) -> str | None:
    """The file's text, or None if there is no such file. Raises InputError naming the file if it
    cannot be read safely (see `read_bytes`)."""
    data = read_bytes(path, root)
    if data is None:
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InputError(
            [Problem(path.as_posix(), None, None, "", f"is not UTF-8 text ({error.reason})", "save the file as UTF-8")]
        ) from None


def read_bytes(
    path: Path, root: Path | None = None, limit: int | None = None, shown: str | None = None
) -> bytes | None:
    """The bytes of the regular file `path` (the first `limit + 1` at most), or None if there is no
    such file. A link must lead to a file inside `root` (by default the file's folder); a link to
    nothing, a link loop, a folder, a pipe, a device or an unreadable file raises InputError naming
    the file (`shown`, by default the path). Never blocks: a pipe is opened without waiting."""
    where = shown or path.as_posix()
    folder = (root or path.parent).as_posix()

    def problem(message: str, hint: str) -> InputError:
        return InputError([Problem(where, None, None, "", message, hint)])

    try:
        status = path.lstat()
    except FileNotFoundError:
        return None
    except OSError as error:
        raise problem(f"cannot be read ({error.strerror})", "check the file's permissions") from None
    if stat.S_ISLNK(status.st_mode):
        try:
            target = path.resolve(strict=True)
        except FileNotFoundError:
            raise problem("is a link to nothing", "remove the link, or copy the file here in its place") from None
        except (RuntimeError, OSError):
            raise problem("is a link that leads round in a loop", "remove the link") from None
        if not target.is_relative_to((root or path.parent).resolve()):
            raise problem(
                f"is a link to a file outside {folder}/", "copy the file here instead of linking to it"
            ) from None
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except PermissionError:
        raise problem("cannot be read (permission denied)", "give yourself read permission: chmod u+r") from None
    except OSError as error:
        raise problem(f"cannot be read ({error.strerror})", "check the file") from None
    if not stat.S_ISREG(os.fstat(descriptor).st_mode):
        os.close(descriptor)
        raise problem("is not a regular file (a folder, a pipe or a device)", "replace it with a text file")
    with os.fdopen(descriptor, "rb") as handle:
        try:
            return handle.read(-1 if limit is None else limit + 1)
        except OSError as error:
            raise problem(f"cannot be read ({error.strerror})", "check the file") from None


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
        if not path.is_symlink() and path.read_bytes() == text.encode("utf-8"):
            return False
    except OSError:
        pass  # no such file yet, or one that cannot be read: writing it says what is wrong
    try:
        return _write_text(path, text, durable)
    except OSError as error:
        raise WriteFailed(
            f"cannot write {path}: {error.strerror or error} (hint: free some disk space, or make the folder "
            "writable, and build again)"
        ) from None


def _write_text(path: Path, text: str, durable: bool) -> bool:
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
def build_lock(build_dir: Path, facts: Path | None = None, site: Path | None = None) -> Iterator[None]:
    """One build at a time per build folder, facts folder and site; a second one fails at once
    with a clear message. The locks are `build/.lock`, the facts folder itself, and `.<site>.lock`
    beside the site (the site folder is swapped whole, so a lock inside it would move away)."""
    build_dir.mkdir(parents=True, exist_ok=True)
    with contextlib.ExitStack() as stack:
        _lock(stack.enter_context(open(build_dir / ".lock", "w")), f"{build_dir}/")  # noqa: PTH123
        if facts is not None and facts.is_dir():
            descriptor = os.open(facts, os.O_RDONLY | os.O_DIRECTORY)
            stack.callback(os.close, descriptor)
            _lock(descriptor, f"{facts}/")
        if site is not None:
            site.parent.mkdir(parents=True, exist_ok=True)
            _lock(stack.enter_context(open(site.parent / f".{site.name}.lock", "w")), f"{site}/")  # noqa: PTH123
        yield


def _lock(handle: Any, folder: str) -> None:
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as error:
        if error.errno in (errno.EAGAIN, errno.EACCES):
            raise BuildLocked(f"another build is running in {folder}; wait for it to finish") from None
        raise


SITE_MARKER = ".factsheet-site"
"""Written into every site factsheet publishes: only a folder that holds it may be replaced."""


def check_folders(folders: dict[str, Path], site: Path, facts: Path) -> None:
    """Refuse folders that overlap, a site folder that factsheet did not build (it would be
    replaced, and everything in it deleted), and facts sub-folders that are links (writes would
    land elsewhere)."""
    resolved = {option: path.resolve() for option, path in folders.items()}
    names = sorted(resolved)
    for index, first in enumerate(names):
        for second in names[index + 1 :]:
            a, b = resolved[first], resolved[second]
            if a == b or a.is_relative_to(b) or b.is_relative_to(a):
                raise UnsafeFolder(
                    f"--{first} {folders[first]} and --{second} {folders[second]} overlap; "
                    "give each its own folder, none inside another"
                )
    if site.is_symlink() or (site.exists() and not site.is_dir()):
        raise UnsafeFolder(f"--site {site} is not a folder factsheet built; choose a new or empty folder")
    if site.is_dir() and any(site.iterdir()) and not _built_by_factsheet(site):
        raise UnsafeFolder(
            f"--site {site} holds files that factsheet did not build, and publishing would delete them; "
            "choose a new or empty folder"
        )
    for name in (SNAPSHOT_FOLDER, LAST_GOOD_FOLDER):
        inner = facts / name
        if inner.is_symlink() or (inner.exists() and not inner.is_dir()):
            raise UnsafeFolder(
                f"{inner} must be a folder inside {facts}/, not a link or a file; "
                "remove it, and the next build makes it again"
            )


def _built_by_factsheet(site: Path) -> bool:
    """The marker, or (for sites published before it existed) a MkDocs site: a sitemap and a search index."""
    if (site / SITE_MARKER).is_file():
        return True
    return (site / "sitemap.xml").is_file() and (site / "search" / "search_index.json").is_file()


def mark_site(staged: Path) -> None:
    write_text(staged / SITE_MARKER, "This folder was built by factsheet; a build replaces all of it.\n")


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
