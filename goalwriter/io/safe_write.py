"""Files written so that they are never half-written: a temp file in the same folder, then os.replace.

A target that is open in Word (a "~$name.docx" owner file next to it), in LibreOffice (".~lock.name#"),
read-only, or in a folder we cannot write to is refused with a message a person can act on, and
nothing is left behind: the temp file is removed on every failure. :class:`StagedFiles` extends this
to a batch: every document is written to its temp file first and the whole set is moved into place at
the end, so a batch that fails or is cancelled half-way leaves the folder as it was.

File names are cleaned of what Windows does not allow (<>:"/\\|?*, control characters, trailing dots and
spaces, reserved names such as CON), so a folder exported on Linux can be copied to a school PC.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}
_REPLACEMENTS = str.maketrans({":": "-", "/": "-", "\\": "-", "|": "-", '"': "'", "<": "", ">": "", "?": "", "*": ""})
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
MAX_NAME = 150


def _default_mode() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


_NEW_FILE_MODE = _default_mode()  # read once at import: os.umask is process-wide and not thread-safe


class WriteError(Exception):
    """A file could not be written; the message says which and why, and what to do."""


def clean_filename(name: str, fallback: str = "export") -> str:
    """A file name every common system accepts, as close to ``name`` as possible."""
    text = _CONTROL.sub("", name.translate(_REPLACEMENTS))
    text = re.sub(r"\s+", " ", text).strip().rstrip(". ")
    if len(text) > MAX_NAME:
        stem, dot, ext = text.rpartition(".")
        if dot and 0 < len(ext) <= 5:
            text = stem[: MAX_NAME - len(ext) - 1].rstrip(". ") + "." + ext
        else:
            text = text[:MAX_NAME].rstrip(". ")
    if not text.strip(". "):
        text = fallback
    if text.split(".")[0].strip().upper() in _RESERVED:
        text = f"_{text}"
    return text


def lock_files(target: Path) -> list[Path]:
    """Owner files that say ``target`` is open in Word or LibreOffice right now."""
    name = target.name
    candidates = {f"~${name}", f"~${name[1:]}", f"~${name[2:]}", f".~lock.{name}#"}
    return [target.with_name(c) for c in sorted(candidates) if (target.parent / c).exists()]


def _describe(exc: OSError) -> str:
    return exc.strerror or str(exc)


def check_target(target: Path, *, missing_folder_ok: bool = False) -> None:
    """Refuse, before anything is written, a target we already know cannot be replaced."""
    folder = target.parent
    if not folder.exists():
        if missing_folder_ok:
            return
        raise WriteError(f"the folder “{folder}” does not exist")
    elif not folder.is_dir():
        raise WriteError(f"“{folder}” is not a folder")
    if target.is_dir():
        raise WriteError(f"“{target}” is a folder, not a file")
    for lock in lock_files(target):
        program = "LibreOffice" if lock.name.startswith(".~lock.") else "Word"
        raise WriteError(
            f"“{target.name}” is open in {program}; close it there and export again "
            f"(if {program} is not running, delete the leftover lock file “{lock.name}”)"
        )
    if target.exists() and not target.stat().st_mode & stat.S_IWUSR:
        raise WriteError(f"“{target}” is read-only; nothing was written")


def _write_temp(target: Path, data: bytes) -> Path:
    folder = target.parent
    try:
        fd, name = tempfile.mkstemp(prefix=f".{target.stem[:40]}.", suffix=".tmp", dir=folder)
    except PermissionError as exc:
        raise WriteError(f"cannot write to the folder “{folder}”: permission denied") from exc
    except OSError as exc:
        raise WriteError(f"cannot write to the folder “{folder}”: {_describe(exc)}") from exc
    temp = Path(name)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        mode = stat.S_IMODE(target.stat().st_mode) if target.exists() else _NEW_FILE_MODE
        os.chmod(temp, mode)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            temp.unlink()
        if isinstance(exc, OSError):
            raise WriteError(f"cannot write “{target}”: {_describe(exc)}") from exc
        raise
    return temp


def _replace(temp: Path, target: Path) -> None:
    try:
        os.replace(temp, target)
    except PermissionError as exc:
        raise WriteError(
            f"cannot replace “{target.name}”: it is open in another program or read-only; "
            "close it and export again"
        ) from exc
    except OSError as exc:
        if exc.errno == errno.EXDEV:  # cannot happen with the temp file beside the target; say so if it does
            raise WriteError(f"cannot move the new “{target.name}” into place: {_describe(exc)}") from exc
        raise WriteError(f"cannot write “{target}”: {_describe(exc)}") from exc


class StagedFiles:
    """Write several files as temps, then put them all in place; on failure or cancel remove the temps.

    Use as a context manager: files staged but not committed when the block ends are removed.
    """

    def __init__(self) -> None:
        self._pending: list[tuple[Path, Path]] = []
        self._made_folders: list[Path] = []
        self.committed: list[Path] = []

    def __enter__(self) -> StagedFiles:
        return self

    def __exit__(self, *_exc) -> None:
        self.discard()

    @property
    def targets(self) -> list[Path]:
        return [target for _temp, target in self._pending]

    def _make_folder(self, folder: Path) -> None:
        missing = [f for f in (folder, *folder.parents) if not f.exists()]
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise WriteError(f"cannot create the folder “{folder}”: {_describe(exc)}") from exc
        self._made_folders += missing  # deepest first, so discard() can remove them in this order

    def add(self, target: str | Path, data: bytes, *, create_folder: bool = False) -> None:
        """Write ``data`` to a temp file beside ``target`` (creating its folder when allowed)."""
        target = Path(target)
        if create_folder and not target.parent.exists():
            self._make_folder(target.parent)
        check_target(target)
        self._pending.append((_write_temp(target, data), target))

    def commit(self) -> list[Path]:
        """Move every staged file into place (checking each target again first)."""
        for _temp, target in self._pending:
            check_target(target)
        while self._pending:
            temp, target = self._pending[0]
            _replace(temp, target)
            self._pending.pop(0)
            self.committed.append(target)
        return list(self.committed)

    def discard(self) -> None:
        """Remove every temp file not yet moved into place, and folders made for them that stayed empty."""
        for temp, _target in self._pending:
            with contextlib.suppress(OSError):
                temp.unlink()
        self._pending.clear()
        if not self.committed:
            for folder in self._made_folders:
                with contextlib.suppress(OSError):
                    folder.rmdir()  # only succeeds when empty
        self._made_folders.clear()


def write_atomic(target: str | Path, data: bytes, *, create_folder: bool = False) -> Path:
    """Write one file all at once or not at all."""
    with StagedFiles() as staged:
        staged.add(target, data, create_folder=create_folder)
        return staged.commit()[0]


def unique_names(names: Iterable[str]) -> list[str]:
    """File names made unique ignoring case (as Windows and macOS compare them): "a.docx", "a (2).docx"."""
    seen: set[str] = set()
    out = []
    for name in names:
        stem, dot, ext = name.rpartition(".") if "." in name else (name, "", "")
        candidate, number = name, 2
        while candidate.lower() in seen:
            candidate = f"{stem} ({number}){dot}{ext}"
            number += 1
        seen.add(candidate.lower())
        out.append(candidate)
    return out
