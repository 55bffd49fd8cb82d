"""The ingest loop: walk the paths, skip what is stored, read and extract the rest, save, count.

`process_task` is a pure function of one file's bytes (read, extract); `ingest` is the single
writer around it. With `workers` > 0 the reading and extraction run in worker processes (each
warms its caches once and takes one file at a time, so a file that makes a parser loop is
killed at the time limit and its worker replaced) while this process walks the folders, skips
what is stored, and writes the results in batched transactions: several documents to a commit,
each document whole or absent. Nothing holds the whole archive: the walk streams one folder at
a time and one file per worker is in flight.
"""

from __future__ import annotations

import errno
import hashlib
import itertools
import logging
import os
import re
import signal
import stat
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from fnmatch import fnmatch
from multiprocessing import get_context
from multiprocessing.connection import Connection, wait
from pathlib import Path

import sqlite_utils

from . import EXTRACTOR_VERSION, store
from .document import Document
from .errors import MinerError, TooLarge, UnreadableFile
from .normalize import fold
from .pipeline import build_record, collector_paused
from .readers import DEFAULT_OPTIONS, MAX_BYTES, SUFFIXES, ReadOptions, read_document
from .record import Record
from .store import FileState

log = logging.getLogger(__name__)

OUTCOMES = ("ingested", "unchanged", "failed", "skipped")
DEFAULT_TIMEOUT = 300.0  # seconds a worker may spend on one file (OCR of a long scan takes minutes)
WORKER_MEMORY = 512 << 20  # a worker whose RSS passes this is replaced after its files


class TimedOut(UnreadableFile):
    """Reading and extracting the file took longer than the time limit."""

    remedy = (
        "check that the file opens in its own application and re-save it; if it is genuine but slow "
        "(a long scan), raise the limit with --timeout"
    )


class WorkerCrashed(UnreadableFile):
    """The process reading the file died (a crash in a parser library, or out of memory)."""

    remedy = "re-save or re-export the file; if it opens fine elsewhere, report it to miner's developers with the file"


class InternalError(UnreadableFile):
    """Miner raised an unexpected exception on the file: a bug, recorded so the run goes on."""

    remedy = "this is a bug in miner: report it with the file (the traceback is in the log)"


class BadFileName(UnreadableFile):
    """The file's name is not UTF-8 (bytes of a legacy code page), so it cannot be stored as text."""

    remedy = "rename the file (convmv converts the names of a whole folder) and ingest it again"


class NotAFile(UnreadableFile):
    """The path is a pipe, socket or device, not a regular file."""

    remedy = "leave it out with --exclude; miner reads regular files only"


@dataclass(frozen=True)
class Task:
    """A file to read and extract: its stat, its bytes and their SHA-256."""

    path: str
    file: FileState
    data: bytes
    sha256: str
    read: ReadOptions = DEFAULT_OPTIONS  # the OCR policy and a forced legacy encoding


@dataclass(frozen=True)
class ProcessedFile:
    """A file read and extracted, ready to save (with each paragraph's folded text for the index)."""

    file: FileState
    sha256: str
    document: Document
    record: Record
    folded: tuple[str, ...] = ()


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
    worker_memory: int = WORKER_MEMORY
    read: ReadOptions = DEFAULT_OPTIONS  # how read_document reads (OCR, legacy encodings)


OnFile = Callable[[Path, str, "FailedFile | None"], None]
Process = Callable[[Task], "ProcessedFile | FailedFile"]


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


def file_state(path: Path) -> FileState:
    """The absolute path, size and modification time of a regular file (raises OSError, NotAFile)."""
    info = path.stat()
    if not stat.S_ISREG(info.st_mode):
        raise NotAFile(path.absolute(), "not a regular file (a pipe, socket or device)")
    return FileState(path=str(path.absolute()), size=info.st_size, mtime=info.st_mtime)


_REMEDIES = {
    errno.ELOOP: "the path is a loop of symbolic links: fix or remove the link",
    errno.EACCES: "give miner's user read permission on the file and its folders, or leave it out with --exclude",
    errno.EPERM: "give miner's user read permission on the file and its folders, or leave it out with --exclude",
    errno.ENOENT: "the file vanished or is a broken symbolic link: check that it exists",
}


def _unreadable(path: Path, exc: OSError, what: str = "open it") -> UnreadableFile:
    return UnreadableFile(
        path.absolute(),
        f"cannot {what} ({exc.strerror or exc})",
        remedy=_REMEDIES.get(exc.errno or 0, "check that the file exists and that you may read it"),
    )


def read_task(path: Path, max_bytes: int = MAX_BYTES, read: ReadOptions = DEFAULT_OPTIONS) -> Task | FailedFile:
    """Stat and read one file (unless it is over `max_bytes`) and hash its bytes; `read` goes with it."""
    state = FileState(path=str(path.absolute()), size=0, mtime=0.0)
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
    return Task(path=str(path), file=replace(state, size=len(data)), data=data, sha256=digest, read=read)


def process_task(task: Task) -> ProcessedFile | FailedFile:
    """Read and extract one file's bytes; input errors become a FailedFile, bugs propagate."""
    try:  # read_task applied the size limit
        document = read_document(task.path, data=task.data, max_bytes=len(task.data), options=task.read)
    except MinerError as exc:
        return _failed(task.file, exc)
    # Folded first: the extractors fold every paragraph too and find it in fold()'s cache, which
    # build_record empties when it is done.
    folded = tuple(fold(p.text) for p in document.paragraphs)
    record = build_record(document)
    return ProcessedFile(file=task.file, sha256=task.sha256, document=document, record=record, folded=folded)


def process_file(path: Path, max_bytes: int = MAX_BYTES) -> ProcessedFile | FailedFile:
    """Hash, read and extract one file: `read_task` then `process_task`."""
    task = read_task(path, max_bytes)
    return task if isinstance(task, FailedFile) else process_task(task)


def _is_utf8(path: Path) -> bool:
    """Whether the path's name can be stored as text (Linux names are bytes; a legacy one is not UTF-8)."""
    try:
        str(path).encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _escaped(path: Path) -> str:
    """The absolute path as text, the bytes of a name that is not UTF-8 written as \\xNN."""
    return os.fsencode(path.absolute()).decode("utf-8", "backslashreplace")


def _failed(state: FileState, exc: MinerError) -> FailedFile:
    return FailedFile(file=state, error_class=type(exc).__name__, message=exc.one_line())


def _version_key(version: str) -> tuple[int, ...]:
    return tuple(int(n) for n in re.findall(r"\d+", version))


def is_stale(version: str | None) -> bool:
    """Whether a document stored by extractor `version` predates the installed extractor."""
    return version is not None and _version_key(version) < _version_key(EXTRACTOR_VERSION)


# ---------------------------------------------------------------- workers

_WARM_TEXT = (
    "QUYẾT ĐỊNH\n\nCăn cứ Quyết định số 354/QĐ-UBND ngày 12/3/2018 của Ủy ban nhân dân tỉnh Đắk Nông; "
    "tặng Bằng khen cho Kho bạc Nhà nước tỉnh Đắk Nông, Khối thi đua số 5.\n\nNguyễn Văn An"
)


def _warm() -> None:
    """Load the gazetteers and compile the patterns once, before the first file."""
    process_task(Task("warm.txt", FileState("warm.txt", 0, 0.0), _WARM_TEXT.encode(), ""))


def _rss() -> int:
    """This process's resident memory in bytes (0 where /proc is missing)."""
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


_READY = "ready"


def _serve(conn: Connection, process: Process) -> None:
    """A worker: warm up, then read and extract one task at a time until told to stop."""
    if hasattr(os, "setpgrp"):
        os.setpgrp()  # its own group, so a kill takes the programs it runs (Tesseract, antiword) with it
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the main process handles Ctrl-C
    _warm()
    conn.send(_READY)
    while True:
        try:
            task = conn.recv()
        except EOFError:  # the main process is gone
            return
        if task is None:
            return
        try:
            result = process(task)
        except Exception as exc:  # a bug: record it against the file, keep the worker
            log.error("miner failed on %s:\n%s", task.path, traceback.format_exc())
            result = _failed(task.file, InternalError(task.file.path, f"miner failed on it ({type(exc).__name__}: {exc})"))
        conn.send((result, _rss()))


@dataclass
class _Worker:
    """A worker process, its end of the pipe, and the task it works on (None when idle)."""

    process: object
    conn: Connection
    ready: bool = False
    task: Task | None = None
    started: float = 0.0

    def send(self, task: Task) -> None:
        self.task, self.started = task, time.monotonic()
        self.conn.send(task)


class _Pool:
    """Worker processes fed one task each from a stream of tasks; a late or dead worker is killed
    and replaced. A worker gets its next task before the writer saves its result, so it does not
    idle while the writer works; holding one task at a time, it always reads what it is sent."""

    def __init__(self, size: int, options: Options, process: Process, deliver: Callable[[Path, object], None]):
        self.context = get_context("spawn")  # no fork: the open SQLite connection must not be shared
        self.size = size
        self.options = options
        self.process = process
        self.deliver = deliver
        self.workers: list[_Worker] = []
        self.tasks: Iterator[Task] = iter(())

    def run(self, tasks: Iterable[Task], idle: Callable[[], None]) -> None:
        """Process every task, calling `idle` at least every `batch_seconds` while waiting."""
        self.tasks = iter(tasks)
        first = next(self.tasks, None)
        if first is None:  # nothing to read: no worker started
            return
        self.tasks = itertools.chain([first], self.tasks)
        self.workers = [self._spawn() for _ in range(self.size)]
        while any(not w.ready or w.task is not None for w in self.workers):
            self.collect(timeout=self.options.batch_seconds)
            idle()

    def _spawn(self) -> _Worker:
        parent, child = self.context.Pipe()
        proc = self.context.Process(target=_serve, args=(child, self.process), daemon=True, name="miner-worker")
        proc.start()
        child.close()
        return _Worker(proc, parent)

    def _feed(self, worker: _Worker) -> None:
        """Send the worker the next task, if any is left (the tasks' triage may write meanwhile)."""
        task = next(self.tasks, None)
        if task is not None:
            worker.send(task)
        else:
            self._stop(worker)  # nothing left for it: let it go
            worker.ready = True

    def collect(self, timeout: float | None = None) -> None:
        """Wait for results (at most `timeout` seconds, or until a time limit passes) and deliver them."""
        limit = self.options.timeout
        now = time.monotonic()
        waits = [timeout] if timeout is not None else []
        if limit is not None:
            waits += [max(0.0, w.started + limit - now) for w in self.workers if w.task is not None]
        live = [w.conn for w in self.workers if not w.conn.closed]
        ready = wait(live, timeout=min(waits) if waits else None)
        for i, worker in enumerate(self.workers):
            if not worker.conn.closed and worker.conn in ready:
                with collector_paused():  # the result is gone by the end: the collector finds little
                    self.workers[i] = self._receive(worker)
        if limit is not None:
            now = time.monotonic()
            for i, worker in enumerate(self.workers):
                if worker.task is not None and now - worker.started > limit:
                    self.workers[i] = self._replace(worker, TimedOut, f"reading and extracting it took over {limit:g} s")

    def _receive(self, worker: _Worker) -> _Worker:
        try:
            message = worker.conn.recv()
        except (EOFError, OSError):
            worker.process.join(1)
            code = worker.process.exitcode
            how = f"signal {signal.Signals(-code).name}" if code and code < 0 else f"exit status {code}"
            if not worker.ready:
                raise RuntimeError(f"a miner worker died while starting ({how})") from None
            return self._replace(worker, WorkerCrashed, f"the process reading it died ({how})")
        if message == _READY:
            worker.ready = True
            self._feed(worker)
            return worker
        result, rss = message
        task, worker.task = worker.task, None
        if rss > self.options.worker_memory:  # its caches grew: start afresh
            self._stop(worker)
            worker = self._spawn()
        else:
            self._feed(worker)
        self.deliver(Path(task.path), result)
        return worker

    def _replace(self, worker: _Worker, error: type[UnreadableFile], why: str) -> _Worker:
        """Kill the worker, fail its task with `error`, start another."""
        self._kill(worker)
        task = worker.task
        self.deliver(Path(task.path), _failed(task.file, error(task.file.path, why)))
        return self._spawn()

    @staticmethod
    def _kill(worker: _Worker) -> None:
        """Kill the worker and what it runs (its process group), and wait for it."""
        try:
            os.killpg(worker.process.pid, signal.SIGKILL)
        except (OSError, AttributeError):  # already gone, or no process groups here
            worker.process.kill()
        worker.process.join()
        worker.conn.close()

    def _stop(self, worker: _Worker) -> None:
        if worker.conn.closed:
            return
        try:
            worker.conn.send(None)
        except OSError:
            pass
        worker.process.join(5)
        if worker.process.is_alive():
            self._kill(worker)
        else:
            worker.conn.close()

    def close(self, kill: bool = False) -> None:
        """Stop every worker (at once when `kill`)."""
        for worker in self.workers:
            if kill and not worker.conn.closed:
                self._kill(worker)
            else:
                self._stop(worker)
        self.workers = []


# ---------------------------------------------------------------- the run


class _Run:
    """One ingest: triage in this process, processing inline or in the pool, one writer."""

    def __init__(self, db: sqlite_utils.Database, options: Options, on_file: OnFile | None, process: Process):
        self.db = db
        self.options = options
        self.on_file = on_file
        self.process = process
        self.counts: Counter[str] = Counter()
        self.batch = store.Batch(db, options.batch_documents, options.batch_seconds)

    def tasks(self, paths: Iterable[Path], exclude: Iterable[str]) -> Iterator[Task]:
        """The files to read and extract; the others are reported (and failures written) on the way."""
        for path in iter_files(paths, exclude, on_folder=self.folder):
            todo = self.triage(path)
            if isinstance(todo, str):
                self.report(path, todo)
            elif isinstance(todo, FailedFile):
                self.deliver(path, todo)
            else:
                yield todo
            self.batch.commit_if_due()

    def triage(self, path: Path) -> str | Task | FailedFile:
        """An outcome for a file stored already or not read at all; else what to process."""
        if not is_supported(path):
            return "skipped"
        if not _is_utf8(path):
            shown = _escaped(path)
            return _failed(FileState(shown, 0, 0.0), BadFileName(shown, "its name is not valid UTF-8"))
        try:
            state = file_state(path)
        except (OSError, MinerError):
            return read_task(path, self.options.max_bytes)  # says why
        stored = store.path_version(self.db, state)
        if stored is not None and not (self.options.reextract and is_stale(stored)):
            self.counts["stale"] += is_stale(stored)
            return "unchanged"
        task = read_task(path, self.options.max_bytes, self.options.read)
        if isinstance(task, Task) and self._link_if_stored(task.sha256, task.file):
            return "unchanged"
        return task

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
                store.save(self.db, result.sha256, result.file, result.document, result.record, result.folded or None)
            outcome = "ingested"
        self.report(path, outcome, failure)

    def folder(self, folder: Path, error: OSError | None) -> None:
        """A folder that cannot be listed is failed (its files would go unseen); one listed again is cleared."""
        path = _escaped(folder)
        if error is not None:
            failure = _unreadable(Path(path), error, "list the folder")
            self.deliver(folder, _failed(FileState(path, 0, 0.0), failure))
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
            for path in store.paths_under(self.db, str(root.absolute())):
                if not os.path.exists(path):
                    with self.batch.write():
                        store.forget_path(self.db, path)
                    pruned += 1
        return pruned

    def summary(self, pruned: int | None) -> Summary:
        return Summary(**{name: self.counts[name] for name in (*OUTCOMES, "stale")}, pruned=pruned)


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
    paths = [Path(p) for p in paths]
    run = _Run(db, options, on_file, process)
    pool = _Pool(options.workers, options, process, run.deliver) if options.workers > 0 else None
    finished = False
    try:
        if pool is None:
            for task in run.tasks(paths, exclude):
                run.deliver(Path(task.path), process(task))
        else:
            pool.run(run.tasks(paths, exclude), idle=run.batch.commit_if_due)
        pruned = run.prune(paths) if options.prune else None
        finished = True
    finally:
        run.batch.commit()
        if pool is not None:
            pool.close(kill=not finished)
    return run.summary(pruned)
