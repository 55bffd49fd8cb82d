"""The ingest loop: walk the paths, skip what is stored, read and extract the rest, save, count.

`process_task` is a pure function of one file's bytes (read, extract, and turn the result into the
rows to store); `ingest` is the single writer around it. The reading and extraction run here
(`workers` 0), in worker processes of this machine (miner/workers.py: one file at a time each,
within a time and a memory limit), or as tasks on a Dask cluster (miner/cluster.py), while this
process walks the folders, skips what is stored, and writes the results in batched transactions:
several documents to a commit, each document whole or absent. Results are written in the order of
the walk, whatever order they come back in, so every way of running gives the same database, row
for row. Nothing holds the whole archive: the walk streams one folder at a time, and a bounded
number of files is in flight.

With workers (local or Dask), a PDF with `Options.split_pages` scanned pages or more is OCR'd a page
a task: its file task answers with a ScanSplit, each page is a PageTask (its own time limit; a
crash fails only that page, and with it the file, naming the page), and an AssembleTask lays the
pages out in order and extracts, on a worker too: the same Document and rows as reading it whole.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import logging
import os
import re
import stat
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from fnmatch import fnmatch
from pathlib import Path
from typing import Protocol, cast

import sqlite_utils

from . import EXTRACTOR_VERSION, store
from .errors import EmptyDocument, MinerError, TooLarge, UnreadableFile
from .normalize import fold
from .pipeline import build_record, collector_paused
from .readers import DEFAULT_OPTIONS, FORMATS, MAX_BYTES, SUFFIXES, ReadOptions, pdf, read_document
from .readers.options import check_chars, check_paragraphs
from .reform import load_address_table
from .store import DocumentRows, FileState
from .workers import (  # noqa: F401  (TimedOut, WorkerCrashed, InternalError: the failures' classes, here too)
    ADDRESS_SPACE,
    DEFAULT_TIMEOUT,
    WORKER_MEMORY,
    InternalError,
    Limits,
    Pool,
    Split,
    TimedOut,
    WorkerCrashed,
)

log = logging.getLogger(__name__)

OUTCOMES = ("ingested", "unchanged", "failed", "skipped")
# With workers, a PDF with this many scanned pages or more is OCR'd a page a task (see Options.split_pages).
SPLIT_PAGES = 2


class BadFileName(UnreadableFile):
    """The file's name is not UTF-8 (bytes of a legacy code page), so it cannot be stored as text."""

    remedy = "rename the file (convmv converts the names of a whole folder) and ingest it again"


class NotAFile(UnreadableFile):
    """The path is a pipe, socket or device, not a regular file."""

    remedy = "leave it out with --exclude; miner reads regular files only"


class OutsideArchive(UnreadableFile):
    """A symbolic link in a folder ingested points to a file outside the folders named."""

    remedy = (
        "copy the file into the archive if it belongs there; to store what links point to wherever it "
        "is, run again with --follow-links-outside"
    )


@dataclass(frozen=True)
class Task:
    """A file to read and extract: its stat, its bytes and their SHA-256.

    `data` is empty when the worker reads the file itself from `file.path` (a folder every worker
    mounts at the same path, `--dask-shared`); it then checks the bytes against `sha256`.
    """

    path: str
    file: FileState
    data: bytes
    sha256: str
    read: ReadOptions = DEFAULT_OPTIONS  # the OCR policy and a forced legacy encoding
    shared: bool = False
    split_pages: int = 0  # a PDF with this many scanned pages is OCR'd a page a task (0: never)


@dataclass(frozen=True)
class PageTask:
    """OCR one scanned page of a file's PDF (0-based `page` of its `pages`): a part of a ScanSplit."""

    task: Task
    page: int
    pages: int

    @property
    def path(self) -> str:
        return self.task.path

    @property
    def file(self) -> FileState:
        return self.task.file


@dataclass(frozen=True)
class AssembleTask:
    """Lay out a split PDF from its scanned pages as OCR read them (or their failures), then
    extract and make the rows: the task that finishes a ScanSplit."""

    task: Task
    pages: tuple[pdf.ScanPage | FailedFile, ...]

    @property
    def path(self) -> str:
        return self.task.path

    @property
    def file(self) -> FileState:
        return self.task.file


@dataclass(frozen=True)
class ScanSplit(Split["WorkerTask", "WorkerResult"]):
    """A file task's answer for a PDF of many scanned pages (`pages`, from 0, of `total`): OCR
    each as a PageTask of its own, then an AssembleTask with their results, in page order."""

    pages: tuple[int, ...]
    total: int

    @property
    def count(self) -> int:
        return len(self.pages)

    def part(self, task: WorkerTask, index: int) -> PageTask:
        return PageTask(_whole(task), self.pages[index], self.total)

    def join(self, task: WorkerTask, results: list[WorkerResult]) -> AssembleTask:
        # The results of this split's parts, PageTasks: each the page's ScanPage (_ocr_page) or its
        # failure (_ocr_page, fail_task, a worker's or the cluster's time limit or crash)
        pages = cast("tuple[pdf.ScanPage | FailedFile, ...]", tuple(results))
        return AssembleTask(_whole(task), pages)


def _whole(task: WorkerTask) -> Task:
    """The file's task a ScanSplit was the answer to."""
    if not isinstance(task, Task):
        raise TypeError(f"a ScanSplit splits a file's Task, not a {type(task).__name__}")
    return task


@dataclass(frozen=True)
class ProcessedFile:
    """A file read and extracted: its document and record as the rows to store."""

    file: FileState
    sha256: str
    rows: DocumentRows


@dataclass(frozen=True)
class FailedFile:
    """A file that could not be read: the error's class name and its one-line message."""

    file: FileState
    error_class: str
    message: str


WorkerTask = Task | PageTask | AssembleTask  # what process_task takes, in this process or a worker
WorkerResult = ProcessedFile | FailedFile | ScanSplit | pdf.ScanPage  # what it answers


def _file_result(result: WorkerResult) -> ProcessedFile | FailedFile:
    """A file's result as the writer takes it: never a split or a page (the executor resolves those)."""
    if not isinstance(result, ProcessedFile | FailedFile):
        raise TypeError(f"a file's result is a ProcessedFile or a FailedFile, not a {type(result).__name__}")
    return result


@dataclass(frozen=True)
class Summary:
    ingested: int = 0
    unchanged: int = 0
    failed: int = 0
    skipped: int = 0
    stale: int = 0  # unchanged documents an older extractor wrote (see --reextract)
    pruned: int | None = None  # stored paths whose file is gone, when pruning

    def line(self) -> str:
        """ "ingested 3, unchanged 1, failed 0, skipped 2" (", pruned 1" when pruning)."""
        text = ", ".join(f"{name} {getattr(self, name)}" for name in OUTCOMES)
        return text if self.pruned is None else f"{text}, pruned {self.pruned}"


@dataclass(frozen=True)
class Options:
    """How to ingest: parallelism, limits, what to redo and what to forget."""

    workers: int = 0  # worker processes; 0 reads and extracts in this process, without a time limit
    timeout: float | None = DEFAULT_TIMEOUT  # seconds per file in a worker; None: no limit
    max_bytes: int = MAX_BYTES  # a larger file is failed unread (TooLarge)
    reextract: bool = False  # re-extract unchanged documents an older extractor wrote
    prune: bool = False  # forget stored paths under the given folders whose file is gone
    batch_documents: int = 200  # documents written per transaction at most
    batch_seconds: float = 5.0  # a transaction is committed after this long at most
    worker_memory: int = WORKER_MEMORY  # a worker this large after a file is replaced
    address_space: int | None = ADDRESS_SPACE  # what a worker may map; past it its file fails TooLarge
    read: ReadOptions = DEFAULT_OPTIONS  # how read_document reads (OCR, legacy encodings)
    follow_links_outside: bool = False  # store files that symbolic links point to outside the folders named
    dask: str | None = None  # a Dask scheduler's address ("tcp://host:8786"), or "local" / "local:N"
    dask_shared: bool = False  # Dask workers read the files from the same paths (a shared mount)
    in_flight: int | None = None  # files read but not yet written at most (None: 4 per worker, 8 at least)
    split_pages: int = SPLIT_PAGES  # with workers or Dask, a PDF with this many scans is OCR'd a page a task (0: never)

    @property
    def limits(self) -> Limits:
        return Limits(timeout=self.timeout, address_space=self.address_space, recycle_rss=self.worker_memory)


OnFile = Callable[[Path, str, "FailedFile | None"], None]
Process = Callable[[WorkerTask], WorkerResult]  # a file's Task, and the tasks of a split PDF: see process_task


class Executor(Protocol):
    """Where tasks run: a pool of local processes (miner/workers.py) or a Dask cluster (miner/cluster.py)."""

    def run(
        self,
        items: Iterator[tuple[int, Task]],
        done: Callable[[int, WorkerTask, WorkerResult], None],
        idle: Callable[[], None],
        room: Callable[[], bool],
        wait_seconds: float,
    ) -> None: ...

    def capacity(self) -> int: ...

    def close(self, kill: bool = False) -> None: ...


def is_supported(path: Path) -> bool:
    """Whether a reader exists for the file's suffix."""
    return path.suffix.lower() in SUFFIXES


def iter_files(
    paths: Iterable[str | Path],
    exclude: Iterable[str] = (),
    on_folder: Callable[[Path, OSError | None], None] | None = None,
) -> Iterator[Path]:
    """Files named and files below folders named, in sorted order, streamed one folder at a time.

    Hidden files and folders (".git", ".DS_Store") and names matching an `exclude` glob
    ("README.md", "*.bak") are left out; symlinked folders are not followed (no loops).
    `on_folder(folder, error)` hears of each folder listed (error None) or that cannot be.
    """
    patterns = tuple(exclude)

    def wanted(name: str) -> bool:
        return not name.startswith(".") and not any(fnmatch(name, p) for p in patterns)

    def failed(exc: OSError) -> None:
        if on_folder is not None:
            on_folder(Path(exc.filename), exc)

    for path in map(Path, paths):
        if not path.is_dir():
            yield path
            continue
        for folder, subfolders, files in os.walk(path, onerror=failed):
            if on_folder is not None:
                on_folder(Path(folder), None)
            subfolders[:] = sorted(d for d in subfolders if wanted(d))
            for name in sorted(files):
                if wanted(name):
                    yield Path(folder, name)


def absolute(path: str | Path) -> str:
    """The one form every stored path takes: absolute, without "." or ".." parts."""
    return os.path.abspath(path)


def file_state(path: Path) -> FileState:
    """The absolute path, size and modification time of a regular file (raises OSError, NotAFile)."""
    info = path.stat()
    if not stat.S_ISREG(info.st_mode):
        raise NotAFile(absolute(path), "not a regular file (a pipe, socket or device)")
    return FileState(path=absolute(path), size=info.st_size, mtime=info.st_mtime)


_REMEDIES = {
    errno.ELOOP: "the path is a loop of symbolic links: fix or remove the link",
    errno.EACCES: "give miner's user read permission on the file and its folders, or leave it out with --exclude",
    errno.EPERM: "give miner's user read permission on the file and its folders, or leave it out with --exclude",
    errno.ENOENT: "the file vanished or is a broken symbolic link: check that it exists",
}


def _unreadable(path: Path, exc: OSError, what: str = "open it") -> UnreadableFile:
    return UnreadableFile(
        absolute(path),
        f"cannot {what} ({exc.strerror or exc})",
        remedy=_REMEDIES.get(exc.errno or 0, "check that the file exists and that you may read it"),
    )


def read_task(
    path: Path,
    max_bytes: int = MAX_BYTES,
    read: ReadOptions = DEFAULT_OPTIONS,
    shared: bool = False,
    split_pages: int = 0,
) -> Task | FailedFile:
    """Stat and read one file (unless it is over `max_bytes`) and hash its bytes; `read` goes with it.
    With `shared` the bytes are hashed and left out of the task: the worker reads them again."""
    state = FileState(path=absolute(path), size=0, mtime=0.0)
    try:
        state = file_state(path)
        if state.size > max_bytes:
            raise TooLarge(
                state.path, f"the file has {state.size / 2**20:.1f} MB, over the limit of {max_bytes / 2**20:.0f} MB"
            )
        data = path.read_bytes()
    except OSError as exc:
        return _failed(state, _unreadable(path, exc))
    except MinerError as exc:
        return _failed(state, exc)
    digest = hashlib.sha256(data).hexdigest()
    return Task(
        path=state.path,
        file=replace(state, size=len(data)),
        data=b"" if shared else data,
        sha256=digest,
        read=read,
        shared=shared,
        split_pages=split_pages,
    )


def process_task(task: WorkerTask) -> WorkerResult:
    """Read and extract one file's bytes; input errors become a FailedFile, bugs propagate.

    A PDF with `task.split_pages` scanned pages or more is not read whole: its ScanSplit asks for
    a PageTask per scan (its result the page's ScanPage, or its failure) and then an AssembleTask
    (the file's result, the same as reading it whole).

    The cycle collector is paused meanwhile: reading makes many objects (a Markdown parser's
    tokens) and almost no cycles (a few from a parser's exceptions, found after), and its passes
    cost a tenth of the task on the public texts."""
    with collector_paused():
        return _process(task)


def _process(task: WorkerTask) -> WorkerResult:
    if isinstance(task, PageTask):
        return _ocr_page(task)
    if isinstance(task, AssembleTask):
        return _assembled(task)
    try:
        data = _shared_bytes(task) if task.shared else task.data
        if task.split_pages and _is_pdf(data):
            read = pdf.read_or_split(task.path, data, task.read, task.split_pages)
            if isinstance(read, pdf.Scans):
                return ScanSplit(read.pages, read.total)
            document = _checked(read, task.read)
        else:  # read_task applied the size limit
            document = read_document(task.path, data=data, max_bytes=len(data), options=task.read)
    except MinerError as exc:
        return _failed(task.file, exc)
    return _processed(task, document)


def _processed(task: Task, document) -> ProcessedFile:
    # Folded first: the extractors fold every paragraph too and find it in fold()'s cache, which
    # build_record empties when it is done.
    folded = tuple(fold(p.text) for p in document.paragraphs)
    record = build_record(document)
    return ProcessedFile(file=task.file, sha256=task.sha256, rows=store.document_rows(document, record, folded))


def _is_pdf(data: bytes) -> bool:
    """Whether read_document reads these bytes as a PDF: by its magic, the first format that has one."""
    if data.startswith(b"PK\x03\x04"):
        return False
    return next((fmt for fmt in FORMATS if fmt.has_magic(data)), None) is pdf.FORMAT


def _checked(document, options: ReadOptions):
    """What read_document checks of a Document read: some text, within the limits."""
    if not document.paragraphs:
        raise EmptyDocument(document.path, "there is no text in it")
    check_paragraphs(document.path, len(document.paragraphs), options)
    check_chars(document.path, document.chars, options)
    return document


def _ocr_page(task: PageTask) -> pdf.ScanPage | FailedFile:
    file = task.task
    try:
        data = _shared_bytes(file) if file.shared else file.data
        return pdf.read_scan_page(data, task.page, file.read, file.path)
    except MinerError as exc:
        return _failed(file.file, exc)


def _assembled(task: AssembleTask) -> ProcessedFile | FailedFile:
    """The file's result from its pages: the first page that failed fails it, else the Document."""
    pages: dict[int, pdf.ScanPage] = {}
    for page in task.pages:
        if isinstance(page, FailedFile):
            return page
        pages[page.page] = page
    file = task.task
    try:
        data = _shared_bytes(file) if file.shared else file.data
        document = _checked(pdf.assemble(file.path, data, pages, file.read), file.read)
    except MinerError as exc:
        return _failed(file.file, exc)
    return _processed(file, document)


def _shared_bytes(task: Task) -> bytes:
    """The file's bytes read where the worker mounts the archive, checked against the walk's hash."""
    try:
        data = Path(task.path).read_bytes()
    except OSError as exc:
        raise UnreadableFile(
            task.path,
            f"a worker cannot read it from the shared folder ({exc.strerror or exc})",
            remedy="mount the archive at the same path on every worker, or run without --dask-shared",
        ) from None
    if hashlib.sha256(data).hexdigest() != task.sha256:
        raise UnreadableFile(
            task.path, "the file changed while it was being ingested", remedy="ingest it again once it is written"
        )
    return data


def process_file(path: Path, max_bytes: int = MAX_BYTES) -> ProcessedFile | FailedFile:
    """Hash, read and extract one file: `read_task` then `process_task`."""
    task = read_task(path, max_bytes)
    return task if isinstance(task, FailedFile) else _file_result(process_task(task))


def fail_task(task: WorkerTask, exc: MinerError) -> FailedFile:
    """The failure of `task` with `exc` (how workers report a file they could not finish); a page's
    failure names the page."""
    if isinstance(task, PageTask):
        exc = type(exc)(exc.path, f"page {task.page + 1} of {task.pages}: {exc.message}", remedy=exc.remedy)
    return _failed(task.file, exc)


def warm() -> None:
    """Load the gazetteers and compile the patterns once, before the first file."""
    process_task(Task("warm.txt", FileState("warm.txt", 0, 0.0), _WARM_TEXT.encode(), ""))
    load_address_table()  # the text names no commune: underthesea's table of the reform, loaded now


_WARM_TEXT = (
    "QUYẾT ĐỊNH\n\nCăn cứ Quyết định số 354/QĐ-UBND ngày 12/3/2018 của Ủy ban nhân dân tỉnh Đắk Nông; "
    "tặng Bằng khen cho Kho bạc Nhà nước tỉnh Đắk Nông, Khối thi đua số 5.\n\nNguyễn Văn An"
)


def _is_utf8(path: Path) -> bool:
    """Whether the path's name can be stored as text (Linux names are bytes; a legacy one is not UTF-8)."""
    try:
        str(path).encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _escaped(path: Path) -> str:
    """The absolute path as text, the bytes of a name that is not UTF-8 written as \\xNN."""
    return os.fsencode(absolute(path)).decode("utf-8", "backslashreplace")


def _failed(state: FileState, exc: MinerError) -> FailedFile:
    return FailedFile(file=state, error_class=type(exc).__name__, message=exc.one_line())


def _version_key(version: str) -> tuple[int, ...]:
    return tuple(int(n) for n in re.findall(r"\d+", version))


def is_stale(version: str | None) -> bool:
    """Whether a document stored by extractor `version` predates the installed extractor."""
    return version is not None and _version_key(version) < _version_key(EXTRACTOR_VERSION)


# ---------------------------------------------------------------- the run


class _Run:
    """One ingest: triage in this process, results written in the order of the walk, one writer."""

    def __init__(self, db: sqlite_utils.Database, options: Options, on_file: OnFile | None, roots: list[Path]):
        self.db = db
        self.options = options
        self.on_file = on_file
        self.counts: Counter[str] = Counter()
        self.batch = store.Batch(db, options.batch_documents, options.batch_seconds)
        self.roots = [os.path.realpath(r) for r in roots if r.is_dir()]
        self.walked = 0  # files given a place in the order
        self.written = 0  # files whose outcome is written, in order
        self.waiting: dict[int, tuple[Path, ProcessedFile | FailedFile]] = {}
        # Scans are split into pages only where tasks run apart from this process
        self.split_pages = options.split_pages if options.dask or options.workers > 0 else 0

    def items(self, paths: Iterable[Path], exclude: Iterable[str]) -> Iterator[tuple[int, Task]]:
        """The files to read and extract, with their place in the order; the others are reported (and
        their failures written, in order) on the way."""
        for path in iter_files(paths, exclude, on_folder=self.folder):
            todo = self.triage(path)
            if isinstance(todo, str):
                self.report(path, todo)
            else:
                place, self.walked = self.walked, self.walked + 1
                if isinstance(todo, FailedFile):
                    self.done(place, path, todo)
                else:
                    yield place, todo
            self.batch.commit_if_due()

    def outstanding(self) -> int:
        """Files taken from the walk whose outcome is not written yet (in flight, or waiting for an earlier one)."""
        return self.walked - self.written

    def done(self, place: int, path: Path, result: ProcessedFile | FailedFile) -> None:
        """A result in any order; written when every file before it in the walk is."""
        self.waiting[place] = (path, result)
        while self.written in self.waiting:
            self.deliver(*self.waiting.pop(self.written))
            self.written += 1

    def triage(self, path: Path) -> str | Task | FailedFile:
        """An outcome for a file stored already or not read at all; else what to process."""
        if not is_supported(path):
            return "skipped"
        if not _is_utf8(path):
            shown = _escaped(path)
            return _failed(FileState(shown, 0, 0.0), BadFileName(shown, "its name is not valid UTF-8"))
        if not self.options.follow_links_outside and self.roots and os.path.islink(path):
            outside = self._outside(path)
            if outside is not None:
                return outside
        try:
            state = file_state(path)
        except (OSError, MinerError):
            return read_task(path, self.options.max_bytes)  # says why
        stored = store.path_version(self.db, state)
        if stored is not None and not (self.options.reextract and is_stale(stored)):
            self.counts["stale"] += is_stale(stored)
            return "unchanged"
        task = read_task(
            path,
            self.options.max_bytes,
            self.options.read,
            shared=self.options.dask_shared,
            split_pages=self.split_pages,
        )
        if isinstance(task, Task) and self._link_if_stored(task.sha256, task.file):
            return "unchanged"
        return task

    def _outside(self, path: Path) -> FailedFile | None:
        """The failure of a symbolic link whose target lies outside every folder named, else None."""
        target = os.path.realpath(path)
        if any(target == root or target.startswith(root.rstrip(os.sep) + os.sep) for root in self.roots):
            return None
        where = absolute(path)
        return _failed(
            FileState(where, 0, 0.0), OutsideArchive(where, "a symbolic link to a file outside the folders named")
        )

    def _link_if_stored(self, sha256: str, state: FileState) -> bool:
        """Link the path to the stored document with these bytes, unless it has to be re-extracted."""
        version = store.document_version(self.db, sha256)
        if version is None or (self.options.reextract and is_stale(version)):
            return False
        self.counts["stale"] += is_stale(version)
        with self.batch.write():
            store.link_path(self.db, sha256, state)
        return True

    def deliver(self, path: Path, result: ProcessedFile | FailedFile) -> None:
        """Write one result (the document whole, or its error) and report it."""
        failure = None
        if isinstance(result, FailedFile):
            with self.batch.write():
                store.record_error(self.db, result.file.path, result.error_class, result.message)
            outcome, failure = "failed", result
        elif self._link_if_stored(result.sha256, result.file):  # a copy processed meanwhile
            outcome = "unchanged"
        else:
            with self.batch.write():
                store.write(self.db, result.sha256, result.file, result.rows)
            outcome = "ingested"
        self.report(path, outcome, failure)

    def folder(self, folder: Path, error: OSError | None) -> None:
        """A folder that cannot be listed is failed (its files would go unseen); one listed again is cleared."""
        path = _escaped(folder)
        if error is not None:
            failure = _unreadable(Path(path), error, "list the folder")
            place, self.walked = self.walked, self.walked + 1
            self.done(place, folder, _failed(FileState(path, 0, 0.0), failure))
        elif _is_utf8(folder) and store.has_error(self.db, path):
            with self.batch.write():
                store.clear_error(self.db, path)

    def report(self, path: Path, outcome: str, failure: FailedFile | None = None) -> None:
        self.counts[outcome] += 1
        if self.on_file is not None:
            self.on_file(path, outcome, failure)

    def prune(self, roots: Iterable[str | Path]) -> int:
        """Forget stored paths below the folders `roots` whose file is gone; return how many."""
        pruned = 0
        for root in map(Path, roots):
            if not root.is_dir():
                continue
            for path in store.paths_under(self.db, absolute(root)):
                if not os.path.exists(path):
                    with self.batch.write():
                        store.forget_path(self.db, path)
                    pruned += 1
        return pruned

    def summary(self, pruned: int | None) -> Summary:
        return Summary(**{name: self.counts[name] for name in (*OUTCOMES, "stale")}, pruned=pruned)


def _executor(options: Options, process: Process) -> Executor | None:
    if options.dask:
        from .cluster import DaskExecutor  # distributed is an optional extra

        return DaskExecutor(options.dask, options.limits, process, fail_task, warm, shared=options.dask_shared)
    if options.workers > 0:
        return Pool(options.workers, process, fail_task, warm, options.limits)
    return None


def ingest(
    db: sqlite_utils.Database,
    paths: Iterable[str | Path],
    on_file: OnFile | None = None,
    exclude: Iterable[str] = (),
    options: Options = Options(),
    process: Process = process_task,
) -> Summary:
    """Ingest files and folders; call `on_file(path, outcome, failure)` after each file.

    `process` turns a Task into a result in the workers (a module-level function: it is pickled).
    """
    roots = [Path(p) for p in paths]
    run = _Run(db, options, on_file, roots)
    executor = _executor(options, process)
    finished = False
    bulk = store.BulkLoad(db)  # on a database without documents, the readers' indexes are built at the end
    try:
        items = run.items(roots, exclude)
        if executor is None:
            for place, task in items:
                run.done(place, Path(task.path), _file_result(process(task)))
        else:
            # What the writer makes has no cycles: the collector would find nothing (a Dask client's
            # event loop, in a thread of this process, makes some: it keeps its collector).
            with collector_paused() if isinstance(executor, Pool) else contextlib.nullcontext():
                executor.run(
                    items,
                    lambda place, task, result: run.done(place, Path(task.path), _file_result(result)),
                    idle=run.batch.commit_if_due,
                    room=lambda: run.outstanding() < (options.in_flight or executor.capacity()),
                    wait_seconds=options.batch_seconds,
                )
        pruned = run.prune(roots) if options.prune else None
        finished = True
    finally:
        try:
            run.batch.commit()
            bulk.finish(build=finished)  # an interrupted run leaves them to the next open_db
        finally:
            if executor is not None:
                executor.close(kill=not finished)
    return run.summary(pruned)
