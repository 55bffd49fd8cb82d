"""The ingest loop: walk the paths, skip what is stored, read and extract the rest, save, count.

`process_file` is a pure function of one file (read, hash, extract); `ingest` is the single
writer around it. Keeping them apart lets reading and extraction move to worker processes
while one process writes.
"""

from __future__ import annotations

import hashlib
import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from fnmatch import fnmatch
from pathlib import Path

import sqlite_utils

from . import store
from .document import Document
from .errors import MinerError, UnreadableFile
from .pipeline import build_record
from .readers import SUFFIXES, read_document
from .record import Record
from .store import FileState

OUTCOMES = ("ingested", "unchanged", "failed", "skipped")


@dataclass(frozen=True)
class ProcessedFile:
    """A file read and extracted, ready to save."""

    file: FileState
    sha256: str
    document: Document
    record: Record


@dataclass(frozen=True)
class FailedFile:
    """A file that could not be read: the error's class name and its one-line message."""

    file: FileState
    error_class: str
    message: str


@dataclass(frozen=True)
class Summary:
    ingested: int = 0
    unchanged: int = 0
    failed: int = 0
    skipped: int = 0

    def line(self) -> str:
        """ "ingested 3, unchanged 1, failed 0, skipped 2" """
        return ", ".join(f"{name} {getattr(self, name)}" for name in OUTCOMES)


def is_supported(path: Path) -> bool:
    """Whether a reader exists for the file's suffix."""
    return path.suffix.lower() in SUFFIXES


def iter_files(paths: Iterable[str | Path], exclude: Iterable[str] = ()) -> Iterator[Path]:
    """Files named and files below folders named, in sorted order, streamed one folder at a time.

    Hidden files and folders (".git", ".DS_Store") and names matching an `exclude` glob
    ("README.md", "*.bak") are left out; symlinked folders are not followed (no loops).
    """
    patterns = tuple(exclude)

    def wanted(name: str) -> bool:
        return not name.startswith(".") and not any(fnmatch(name, p) for p in patterns)

    for path in map(Path, paths):
        if not path.is_dir():
            yield path
            continue
        for folder, subfolders, files in os.walk(path):
            subfolders[:] = sorted(d for d in subfolders if wanted(d))
            for name in sorted(files):
                if wanted(name):
                    yield Path(folder, name)


def file_state(path: Path) -> FileState:
    """The absolute path, size and modification time of a file (raises OSError)."""
    info = path.stat()
    return FileState(path=str(path.absolute()), size=info.st_size, mtime=info.st_mtime)


def sha256_file(path: Path) -> str:
    """The SHA-256 of the file's bytes, read in chunks (raises OSError)."""
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def _unreadable(path: Path, exc: OSError) -> UnreadableFile:
    return UnreadableFile(
        path,
        f"cannot open it ({exc.strerror or exc})",
        remedy="check that the file exists and that you may read it",
    )


def process_file(path: Path) -> ProcessedFile | FailedFile:
    """Hash, read and extract one file; input errors become a FailedFile, bugs propagate."""
    state = FileState(path=str(path.absolute()), size=0, mtime=0.0)
    try:
        state = file_state(path)
        digest = sha256_file(path)
        document = read_document(path)
    except OSError as exc:
        return _failed(state, _unreadable(path, exc))
    except MinerError as exc:
        return _failed(state, exc)
    return ProcessedFile(file=state, sha256=digest, document=document, record=build_record(document))


def _failed(state: FileState, exc: MinerError) -> FailedFile:
    return FailedFile(file=state, error_class=type(exc).__name__, message=exc.one_line())


def triage(db: sqlite_utils.Database, path: Path) -> str | None:
    """"unchanged" when the file is stored already (linking a new path to it), else None.

    Unchanged size and mtime skip the file unread; otherwise its hash decides.
    """
    try:
        state = file_state(path)
        if store.path_unchanged(db, state):
            return "unchanged"
        digest = sha256_file(path)
    except OSError:
        return None  # process_file records why
    if store.has_document(db, digest):
        store.link_path(db, digest, state)
        return "unchanged"
    return None


def save(db: sqlite_utils.Database, result: ProcessedFile | FailedFile) -> str:
    """Write one result (the document in one transaction, or its error); return the outcome."""
    if isinstance(result, FailedFile):
        store.record_error(db, result.file.path, result.error_class, result.message)
        return "failed"
    store.save(db, result.sha256, result.file, result.document, result.record)
    return "ingested"


def ingest(
    db: sqlite_utils.Database,
    paths: Iterable[str | Path],
    on_file: Callable[[Path, str, FailedFile | None], None] | None = None,
    exclude: Iterable[str] = (),
) -> Summary:
    """Ingest files and folders; call `on_file(path, outcome, failure)` after each file."""
    counts: Counter[str] = Counter()
    for path in iter_files(paths, exclude):
        failure = None
        if not is_supported(path):
            outcome = "skipped"
        else:
            outcome = triage(db, path)
            if outcome is None:
                result = process_file(path)
                outcome = save(db, result)
                failure = result if isinstance(result, FailedFile) else None
        counts[outcome] += 1
        if on_file is not None:
            on_file(path, outcome, failure)
    return Summary(**{name: counts[name] for name in OUTCOMES})
