"""Processes that read and extract files for an ingest: one task at a time each, within a time
limit and an address-space limit, and never outliving the process that started them.

A `Child` is one such process and its pipe; `Pool` feeds several from a stream of tasks (what
`miner ingest --workers N` uses), and `Child.run` gives one task to one child and waits (what each
Dask worker does with the tasks the cluster sends it, see miner/cluster.py). Either way a file that
hangs its parser is failed `TimedOut` at the limit, one that kills its process `WorkerCrashed`, one
that needs more memory than the limit `TooLarge`, and the process is replaced.
"""

from __future__ import annotations

import ctypes
import gc
import logging
import os
import signal
import sys
import threading
import time
import traceback
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from multiprocessing import get_all_start_methods, get_context
from multiprocessing.connection import Connection, wait
from multiprocessing.context import ForkServerContext, SpawnContext
from typing import TYPE_CHECKING, Generic, Protocol, TypeVar

from .errors import MinerError, TooLarge, UnreadableFile

if TYPE_CHECKING:
    from .store import FileState

log = logging.getLogger(__name__)

DEFAULT_TIMEOUT = 300.0  # seconds a worker may spend on one file (OCR of a long scan takes minutes)
WORKER_MEMORY = 512 << 20  # a worker whose RSS passes this after a file is replaced (its caches grew)
ADDRESS_SPACE = 768 << 20  # a worker may map this much memory at most: past it, the file fails TooLarge


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


@dataclass(frozen=True)
class Limits:
    """What a worker process may spend on one file."""

    timeout: float | None = DEFAULT_TIMEOUT  # seconds; None: no limit
    address_space: int | None = ADDRESS_SPACE  # bytes the process may map (RLIMIT_AS); None: no limit
    recycle_rss: int = WORKER_MEMORY  # replace the worker after a file that left it this large


class Task(Protocol):
    """What `process` takes (miner.ingest's tasks): the path it reads and the file it is the task of."""

    @property
    def path(self) -> str: ...

    @property
    def file(self) -> FileState: ...


TaskT = TypeVar("TaskT", bound=Task)
ResultT = TypeVar("ResultT")  # what `process` returns, or a failure made by `fail`
Process = Callable[[TaskT], ResultT]
Fail = Callable[[TaskT, MinerError], ResultT]
Key = int | tuple[int, int]  # a file's place, or (its place, a part's index or _JOIN)


class Split(Generic[TaskT, ResultT]):
    """A task's result that asks for more tasks before its file is done (a long scan's pages):
    `part(task, i)` for i < `count`, each a task of its own, run anywhere in any order (each within
    the time and memory limits, a crash failing only that part); then `join(task, results)` with
    their results (or failures) in order, the task whose result is the file's. `task` is the file's
    task; `part` and `join` are pure and cheap (they may run on the worker that runs the part)."""

    @property
    def count(self) -> int:
        raise NotImplementedError

    def part(self, task: TaskT, index: int) -> TaskT:
        raise NotImplementedError

    def join(self, task: TaskT, results: list[ResultT]) -> TaskT:
        raise NotImplementedError


# ---------------------------------------------------------------- inside a worker


PR_SET_PDEATHSIG = 1


def die_with_parent(parent: int, watch: bool = True) -> None:
    """Make this process end when `parent` does, even by SIGKILL: the kernel's parent-death signal
    on Linux, and (unless `watch` is false: a process that forks others) a thread that watches the
    parent's pid once a second, everywhere."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):  # not Linux: the watchdog alone
        pass
    if os.getppid() != parent:  # the parent died before the signal was asked for
        os._exit(1)
    if not watch:
        return

    def watching() -> None:
        while True:
            time.sleep(1.0)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watching, name="miner-parent-watch", daemon=True).start()


def limit_address_space(limit: int | None) -> None:
    """Let this process (and the programs it runs) map at most `limit` bytes (None: no limit)."""
    if limit is None:
        return
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except (ImportError, ValueError, OSError):  # no such limit here
        log.warning("could not limit the worker's memory to %d bytes", limit)


def _rss() -> int:
    """This process's resident memory in bytes (0 where /proc is missing)."""
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def too_large(limits: Limits, task: Task) -> TooLarge:
    size = f"{limits.address_space / 2**20:.0f} MB" if limits.address_space else "the memory available"
    return TooLarge(
        task.file.path,
        f"reading and extracting it needed more memory than a worker may use ({size})",
        remedy="split the document, or raise the limit with --worker-memory if it is genuine",
    )


def _peak_mapped() -> int:
    """The most memory this process has mapped so far (VmPeak; 0 where /proc is missing)."""
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmPeak:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return 0


def run_one(
    process: Process[TaskT, ResultT], fail: Fail[TaskT, ResultT], limits: Limits, task: TaskT
) -> tuple[ResultT, bool]:
    """`process(task)`, with a bug or a lack of memory turned into a failure of the file; and whether
    the task met the address-space limit (the worker is then replaced)."""
    before = _peak_mapped()
    try:
        result = process(task)
    except MemoryError:
        return fail(task, too_large(limits, task)), True
    except Exception as exc:  # a bug: record it against the file, keep the worker
        log.error("miner failed on %s:\n%s", task.file.path, traceback.format_exc())
        result = fail(task, InternalError(task.file.path, f"miner failed on it ({type(exc).__name__}: {exc})"))
    after = _peak_mapped()
    if limits.address_space and after > before and after >= 0.9 * limits.address_space:
        # A parser that ran out of memory says so in its own words ("not well-formed", "unknown
        # error"): the file failed at the limit, and the limit is the reason to give.
        if getattr(result, "error_class", None) is not None:
            result = fail(task, too_large(limits, task))
        return result, True
    return result, False


_READY = "ready"


def _serve(
    conn: Connection,
    process: Process[TaskT, ResultT],
    fail: Fail[TaskT, ResultT],
    warm: Callable[[], None],
    limits: Limits,
    parent: int | None,
    environment: dict[str, str] | None,
) -> None:
    """A worker: tie its life to the parent's (`parent`, or the server it was forked from), take
    the environment it is given, limit its memory, warm up, then read and extract one task at a
    time until told to stop."""
    die_with_parent(os.getppid() if parent is None else parent)
    if environment is not None:
        os.environ.clear()
        os.environ.update(environment, **getattr(sys.modules.get("miner.warm"), "ADDED", {}))
    if hasattr(os, "setpgrp"):
        os.setpgrp()  # its own group, so a kill takes the programs it runs (Tesseract, antiword) with it
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the main process handles Ctrl-C
    limit_address_space(limits.address_space)
    warm()
    # What warming loaded lives as long as the worker: out of the cycle collector's reach, as the
    # forkserver's own (miner/warm.py), also in a spawned worker and a Dask worker's.
    gc.freeze()
    conn.send(_READY)
    while True:
        try:
            task = conn.recv()
        except EOFError:  # the main process is gone
            return
        if task is None:
            return
        result, at_limit = run_one(process, fail, limits, task)
        conn.send((result, _rss() if not at_limit else 1 << 62))  # at the limit: replace this worker


# ---------------------------------------------------------------- a worker, seen from outside


def _context() -> ForkServerContext | SpawnContext:
    """How worker processes start: forked from a server process that loaded miner once (Linux: it
    ends with this process, see miner/warm.py), else spawned (a fresh Python that imports miner).
    Never forked from this process: an open SQLite connection, or a Dask worker's threads, must
    not be copied."""
    if sys.platform.startswith("linux") and "forkserver" in get_all_start_methods():
        context = get_context("forkserver")
        context.set_forkserver_preload(["miner.warm"])
        return context
    return get_context("spawn")


def _environment() -> dict[str, str] | None:
    """What a new worker's environment is to be: this process's as it is now, when forked from the
    server (whose environment is this process's when the server started), with glibc's arenas
    bounded (see `_arenas_bounded`); None when spawned (it inherits it)."""
    if _CONTEXT.get_start_method() != "forkserver":
        return None
    return {"MALLOC_ARENA_MAX": "2", **os.environ}


def _parent() -> int | None:
    """The pid a new worker dies with: this process's when spawned, None when forked from the
    server (its own parent, which dies with this process)."""
    return None if _CONTEXT.get_start_method() == "forkserver" else os.getpid()


_CONTEXT = _context()


class ChildFailed(Exception):
    """The child died while starting: no task can be given to it."""


class Child(Generic[TaskT, ResultT]):
    """One worker process, its end of the pipe, and the task it works on (None when idle)."""

    context = _CONTEXT

    def __init__(
        self,
        process: Process[TaskT, ResultT],
        fail: Fail[TaskT, ResultT],
        warm: Callable[[], None],
        limits: Limits,
    ):
        self.process, self.fail, self.limits = process, fail, limits
        parent, child = self.context.Pipe()
        self.proc = self.context.Process(
            target=_serve,
            args=(child, process, fail, warm, limits, _parent(), _environment()),
            daemon=True,
            name="miner-worker",
        )
        with _arenas_bounded(), _may_have_children():
            self.proc.start()
        assert self.proc.pid is not None, "a started process has a pid"
        self.pid: int = self.proc.pid
        child.close()
        self.conn = parent
        self.ready = False
        self.key: Key = 0  # the caller's name for the task in flight
        self.task: TaskT | None = None
        self.started = 0.0

    @property
    def alive(self) -> bool:
        return not self.conn.closed and self.proc.is_alive()

    def send(self, task: TaskT) -> None:
        self.task, self.started = task, time.monotonic()
        self.conn.send(task)

    def late(self, now: float) -> bool:
        return self.task is not None and self.limits.timeout is not None and now - self.started > self.limits.timeout

    def receive(self) -> tuple[TaskT, ResultT] | None:
        """The task and its result (None for the ready signal); a dead process fails its task."""
        try:
            message = self.conn.recv()
        except (EOFError, OSError):
            self.proc.join(1)
            code = self.proc.exitcode
            how = f"signal {signal.Signals(-code).name}" if code and code < 0 else f"exit status {code}"
            if not self.ready:
                raise ChildFailed(f"a miner worker died while starting ({how})") from None
            self.conn.close()
            if self.task is None:  # it died between files: it is replaced, nothing is lost
                return None
            return self._failed(WorkerCrashed, f"the process reading it died ({how})")
        if message == _READY:
            self.ready = True
            return None
        result, rss = message
        task, self.task = self.task, None
        assert task is not None, "a result came from a worker given no task"
        if rss > self.limits.recycle_rss:  # its caches grew: it is replaced
            self.stop()
        return task, result

    def expire(self) -> tuple[TaskT, ResultT]:
        """Kill the child that is late with its task and fail the task `TimedOut`."""
        self.kill()
        return self._failed(TimedOut, f"reading and extracting it took over {self.limits.timeout:g} s")

    def _failed(self, error: type[UnreadableFile], why: str) -> tuple[TaskT, ResultT]:
        task, self.task = self.task, None
        assert task is not None, "only a worker given a task fails it"
        return task, self.fail(task, error(task.file.path, why))

    def run(self, task: TaskT) -> ResultT:
        """Give the child one task and wait for its result (or the time limit, or its death)."""
        while not self.ready:
            if self.receive() is not None:  # pragma: no cover - only the ready signal comes first
                raise ChildFailed("a miner worker spoke before it was ready")
        self.send(task)
        timeout = self.limits.timeout
        if not self.conn.poll(timeout):
            return self.expire()[1]
        received = self.receive()
        assert received is not None
        return received[1]

    def kill(self) -> None:
        """Kill the child and what it runs (its process group), and wait for it."""
        try:
            os.killpg(self.pid, signal.SIGKILL)
        except (OSError, AttributeError):  # already gone, or no process groups here
            self.proc.kill()
        self.proc.join()
        self.conn.close()

    def stop(self) -> None:
        """Ask the child to end; kill it if it does not within 5 s."""
        if self.conn.closed:
            return
        try:
            self.conn.send(None)
        except OSError:
            pass
        self.proc.join(5)
        if self.proc.is_alive():
            self.kill()
        else:
            self.conn.close()


class _may_have_children:
    """Let a daemonic process (a Dask worker under its nanny) start a child: multiprocessing forbids
    it lest the child outlive it, which `die_with_parent` prevents."""

    def __enter__(self) -> None:
        from multiprocessing import current_process

        # multiprocessing's private settings of the process (typeshed leaves them out): the only
        # place the daemon flag that forbids children is kept
        self.config = current_process()._config  # type: ignore[attr-defined]
        self.daemon = self.config.pop("daemon", None)

    def __exit__(self, *exc: object) -> None:
        if self.daemon is not None:
            self.config["daemon"] = self.daemon


class _arenas_bounded:
    """glibc gives each thread its own malloc arena, reserving 64 MB of address space each: a
    worker started with MALLOC_ARENA_MAX=2 keeps within its address-space limit on a machine of
    many cores (libraries start a thread per core)."""

    def __enter__(self) -> None:
        self.before = os.environ.get("MALLOC_ARENA_MAX")
        os.environ.setdefault("MALLOC_ARENA_MAX", "2")

    def __exit__(self, *exc: object) -> None:
        if self.before is None:
            os.environ.pop("MALLOC_ARENA_MAX", None)


# ---------------------------------------------------------------- several workers

_JOIN = -1  # the part index of a split file's join


@dataclass
class _SplitFile(Generic[TaskT, ResultT]):
    """A file whose task asked for parts: its task, its Split, and its parts' results so far (by index)."""

    task: TaskT
    split: Split[TaskT, ResultT]
    results: dict[int, ResultT]
    missing: int


class _Parts(Generic[TaskT, ResultT]):
    """Files whose task asked for parts (a `Split`): the parts and joins to run before any new file,
    and the results gathered so far. A part's key is (file's key, index), a join's (key, _JOIN)."""

    def __init__(self) -> None:
        self.queue: deque[tuple[Key, TaskT]] = deque()
        self.files: dict[int, _SplitFile[TaskT, ResultT]] = {}

    def settle(self, key: Key, task: TaskT, result: ResultT) -> tuple[int, TaskT, ResultT] | None:
        """Take a task's result: (key, file task, result) when it is a file's, else None (its parts
        or its join are queued)."""
        if isinstance(key, tuple):
            place, index = key
            file = self.files[place]
            if index == _JOIN:
                if isinstance(result, Split):
                    raise TypeError("a split file's join asked for parts of its own")
                del self.files[place]
                return place, file.task, result
            file.results[index] = result
            file.missing -= 1
            if file.missing == 0:
                results = [file.results[i] for i in range(file.split.count)]
                self.queue.appendleft(((place, _JOIN), file.split.join(file.task, results)))  # before other parts
            return None
        if isinstance(result, Split):
            if result.count == 0:
                raise ValueError("a Split of no parts")
            self.files[key] = _SplitFile(task, result, {}, result.count)
            self.queue.extend(((key, i), result.part(task, i)) for i in range(result.count))
            return None
        return key, task, result


class Pool(Generic[TaskT, ResultT]):
    """`size` children fed one task each from a stream of tasks; a late or dead child is killed and
    replaced, its task failed. A child gets its next task as soon as it hands back a result, so it
    does not idle while the writer works."""

    def __init__(
        self,
        size: int,
        process: Process[TaskT, ResultT],
        fail: Fail[TaskT, ResultT],
        warm: Callable[[], None],
        limits: Limits,
    ):
        self.size, self.process, self.fail, self.warm, self.limits = size, process, fail, warm, limits
        self.children: list[Child[TaskT, ResultT]] = []

    def _spawn(self) -> Child[TaskT, ResultT]:
        return Child(self.process, self.fail, self.warm, self.limits)

    def run(
        self,
        items: Iterator[tuple[int, TaskT]],
        done: Callable[[int, TaskT, ResultT], None],
        idle: Callable[[], None],
        room: Callable[[], bool],
        wait_seconds: float,
    ) -> None:
        """Process every (key, task) of `items`, calling `done(key, task, result)` as results come and
        `idle` at least every `wait_seconds`; a new item is taken only while `room()` says so. A
        result that is a `Split` has its parts run (before any new file), then its join, whose result
        is the file's."""
        first = next(items, None)
        if first is None:  # nothing to read: no worker started
            return
        pending: list[tuple[int, TaskT]] = [first]
        exhausted = False
        parts: _Parts[TaskT, ResultT] = _Parts()

        def feed(child: Child[TaskT, ResultT]) -> None:
            """Send an idle, ready child the next part or join, else the next file if there is room."""
            nonlocal exhausted
            if parts.queue:
                child.key, task = parts.queue.popleft()
                child.send(task)
                return
            if not pending and not exhausted and room():
                item = next(items, None)
                exhausted = item is None
                pending.extend([item] if item is not None else [])
            if pending:
                child.key, task = pending.pop()
                child.send(task)

        self.children = [self._spawn() for _ in range(self.size)]
        while True:
            for i, child in enumerate(self.children):
                if child.task is None and not child.alive:
                    self.children[i] = child = self._spawn()
                if child.ready and child.task is None:
                    feed(child)
            busy = [c for c in self.children if c.task is not None]
            if not busy and not pending and exhausted and not parts.files:
                return
            listening = [c.conn for c in self.children if not c.conn.closed and (c.task is not None or not c.ready)]
            if not listening:
                raise RuntimeError("no file in flight and no room for another: the writer lost one")
            now = time.monotonic()
            waits = [wait_seconds]
            if self.limits.timeout is not None:
                waits += [max(0.0, c.started + self.limits.timeout - now) for c in busy]
            ready = wait(listening, timeout=min(waits))
            for child in self.children:
                if not child.conn.closed and child.conn in ready:
                    key = child.key
                    received = child.receive()
                    finished = parts.settle(key, *received) if received is not None else None
                    if child.alive and child.ready and child.task is None:
                        feed(child)  # its next task before the writer saves this one: it does not idle
                    if finished is not None:
                        done(*finished)
            now = time.monotonic()
            for child in self.children:
                if child.late(now):
                    finished = parts.settle(child.key, *child.expire())
                    if finished is not None:
                        done(*finished)
            idle()

    def capacity(self) -> int:
        """How many files may be read but not yet written: enough that no worker waits for the writer."""
        return max(8, 4 * self.size)

    def close(self, kill: bool = False) -> None:
        """Stop every child (at once when `kill`)."""
        for child in self.children:
            if kill and not child.conn.closed:
                child.kill()
            else:
                child.stop()
        self.children = []
