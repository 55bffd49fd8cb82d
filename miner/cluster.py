"""Ingest on a Dask cluster (`miner ingest ARCHIVE --dask ADDRESS`, or `--dask local:N`).

The walk, the skip of what is stored and the one writer stay in the calling process (miner/ingest.py);
each file to read is a Dask task that carries the file's bytes (or, with a folder every worker
mounts at the same path, only its path) and returns the rows to store. On the worker the task runs
in a miner worker process of its own (miner/workers.py: the time limit, the address-space limit, a
crash that kills only that process), one per thread of the Dask worker, started once and reused.
A long scan's pages are tasks of their own (a `Split`): the file's task is kept on the cluster, each
page's task and the task that assembles and extracts the document depend on it, the pages' results
go from worker to worker, and only the document's rows come back.

Faults: a Dask worker lost mid-task (its machine gone, the process killed) has its tasks run again on
another worker by the scheduler, since they are pure, and so are results lost with it (a result
seen done may be lost before it is fetched: it is waited for again); a file whose task (or page) has
killed `distributed.scheduler.allowed-failures` + 1 workers is failed `WorkerCrashed`; a lost scheduler ends
the run with `ClusterLost` after the results in hand are written, each document whole, so the next
run goes on from what was committed.
"""

from __future__ import annotations

import logging
import os
import re
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import CancelledError
from contextlib import contextmanager
from dataclasses import dataclass

import dask
import distributed
from distributed import Client, LocalCluster
from distributed.client import FuturesCancelledError
from distributed.comm.core import CommClosedError

from .errors import MinerError
from .workers import Child, Limits, Split, WorkerCrashed

log = logging.getLogger(__name__)

_LOCAL_RE = re.compile(r"local(?::(\d+))?")
ALLOWED_FAILURES = 2  # a task is tried on 3 workers before its file is failed WorkerCrashed
CONNECT_SECONDS = 10.0  # to reach the scheduler at the start
_DONE = ("finished", "error", "cancelled")  # a future's states that end it (but "finished" may turn "lost")
_NOT_YET = object()  # the result of a future whose result was lost: wait for it again
FETCH_SECONDS = 30.0  # to fetch a result from its worker (longer: the worker died, it is computed again)
_PART_RE = re.compile(r"-part-(\d+)$")


@dataclass(frozen=True)
class _Job:
    """What a future in flight is for: the file's key and task, and its Split once it is split."""

    key: int
    task: object
    split: Split | None = None


class ClusterFailed(MinerError):
    """A Dask worker could not run miner's task at all (not a file's fault: every file would fail)."""

    remedy = "install the same miner (and Tesseract for scans) on every Dask worker, then run the same command again"


class ClusterLost(MinerError):
    """The Dask scheduler cannot be reached (at the start, or it went away during the run)."""

    remedy = (
        "what was written is kept, each document whole: check that `dask scheduler` runs at that address "
        "and that this machine reaches it, then run the same command again to go on"
    )


# ---------------------------------------------------------------- on a worker

_local = threading.local()


def run_task(task: object, process: Callable, fail: Callable, warm: Callable, limits: Limits) -> object:
    """A file's task on a Dask worker: run in this thread's miner worker process (started if needed)."""
    child: Child | None = getattr(_local, "child", None)
    if child is None or not child.alive:
        child = _local.child = Child(process, fail, warm, limits)
    return child.run(task)


def run_part(
    task: object, split: Split, index: int, process: Callable, fail: Callable, warm: Callable, limits: Limits
) -> object:
    """Part `index` of a split file (a scan's page), made here from the file's task."""
    return run_task(split.part(task, index), process, fail, warm, limits)


def run_join(
    task: object, split: Split, results: list, process: Callable, fail: Callable, warm: Callable, limits: Limits
) -> object:
    """The task that finishes a split file, made here from the file's task and its parts' results."""
    return run_task(split.join(task, results), process, fail, warm, limits)


def keep(task: object) -> object:
    """A split file's task, kept on the cluster for its parts and join (computed again if lost)."""
    return task


# ---------------------------------------------------------------- from the writer


def local_size(address: str) -> int | None:
    """N of "local:N" (the cores for "local"), None for the address of a scheduler."""
    match = _LOCAL_RE.fullmatch(address)
    if match is None:
        return None
    return int(match.group(1)) if match.group(1) else os.cpu_count() or 1


class DaskExecutor:
    """Runs tasks on a Dask cluster: a bounded number in flight, results handed over as they complete."""

    def __init__(
        self, address: str, limits: Limits, process: Callable, fail: Callable, warm: Callable, shared: bool = False
    ):
        self.address, self.limits, self.process, self.fail, self.warm = address, limits, process, fail, warm
        self.shared = shared
        self.token = uuid.uuid4().hex[:8]
        self.cluster: LocalCluster | None = None
        self._threads = (0, 0.0)  # (threads of the cluster, when counted)
        dask.config.set({"distributed.scheduler.allowed-failures": ALLOWED_FAILURES})
        n = local_size(address)
        try:
            if n is not None:
                self.cluster = LocalCluster(
                    n_workers=n,
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=":0",
                    silence_logs=logging.ERROR,
                )
                self.client = Client(self.cluster, set_as_default=False)
            else:
                self.client = Client(address, timeout=CONNECT_SECONDS, set_as_default=False)
        except (OSError, TimeoutError) as exc:
            self.close()
            raise ClusterLost(address, f"cannot reach the Dask scheduler ({exc})") from None

    def threads(self) -> int:
        """Threads of the cluster's workers (counted again every 5 s: workers come and go)."""
        count, when = self._threads
        now = time.monotonic()
        if now - when > 5.0:
            try:
                count = sum(self.client.nthreads().values())
            except Exception:  # the scheduler is gone: the run will say so
                pass
            self._threads = (count, now)
        return count

    def capacity(self) -> int:
        """Tasks in flight: two per worker thread (one running, one queued), four at least."""
        return max(4, 2 * self.threads())

    def run(
        self,
        items: Iterator[tuple[int, object]],
        done: Callable[[int, object, object], None],
        idle: Callable[[], None],
        room: Callable[[], bool],
        wait_seconds: float,
    ) -> None:
        """Submit tasks while `room()`, hand each result to `done(key, task, result)` as it completes.

        A result that is a `Split` (a long scan) has its task kept on the cluster, its parts
        submitted (before any new file: a higher priority) and its join, which depends on them: the
        parts' results go from worker to worker, and the join's result is the file's."""
        pending: dict[distributed.Future, _Job] = {}
        exhausted = False
        while True:
            while not exhausted and room():
                item = next(items, None)
                if item is None:
                    exhausted = True
                    break
                key, task = item
                future = self._submit(run_task, task, key=f"miner-{self.token}-{key}")
                pending[future] = _Job(key, task)
            if not pending:
                if exhausted:
                    return
                raise RuntimeError("no file in flight and no room for another: the writer lost one")
            self._wait(pending, wait_seconds)
            # A future seen done may be undone by then: the worker holding its result died and the
            # scheduler computes it again ("lost", then "pending"). Only what is done now is taken;
            # the rest is waited for on the next round.
            for future in [f for f in pending if f.status in _DONE]:
                job = pending[future]
                result = self._result(future, job)
                if result is _NOT_YET:
                    log.info("the result of %s was lost with its worker: it is computed again", future.key)
                    continue
                del pending[future]
                future.release()
                if isinstance(result, Split) and job.split is None:
                    pending[self._split(job, result)] = _Job(job.key, job.task, result)
                else:
                    done(job.key, job.task, result)
            idle()

    def _submit(self, function: Callable, *args: object, key: str, priority: int = 0) -> distributed.Future:
        with self._connection():
            return self.client.submit(
                function,
                *args,
                self.process,
                self.fail,
                self.warm,
                self.limits,
                key=key,
                pure=False,
                priority=priority,
            )

    def _split(self, job: _Job, split: Split) -> distributed.Future:
        """Submit a split file's parts and its join; the join's future."""
        name = f"miner-{self.token}-{job.key}"
        with self._connection():
            task = self.client.submit(keep, job.task, key=f"{name}-task", pure=False, priority=1)
        parts = [self._submit(run_part, task, split, i, key=f"{name}-part-{i}", priority=1) for i in range(split.count)]
        return self._submit(run_join, task, split, parts, key=f"{name}-join", priority=2)

    def _wait(self, pending: dict, wait_seconds: float) -> None:
        """Until a future of `pending` is done or `wait_seconds` pass; ClusterLost if the scheduler is gone."""
        try:
            with self._connection(), self.client.as_current():
                distributed.wait(list(pending), timeout=wait_seconds, return_when="FIRST_COMPLETED")
        except TimeoutError:
            pass
        if self.client.status not in ("running", "connecting"):
            raise ClusterLost(self.address, "lost the Dask scheduler")

    @contextmanager
    def _connection(self) -> Iterator[None]:
        """Errors of a client that lost its scheduler become ClusterLost."""
        try:
            yield
        except (CancelledError, FuturesCancelledError, CommClosedError) as exc:
            raise ClusterLost(self.address, f"lost the Dask scheduler ({type(exc).__name__})") from None
        except TimeoutError:
            if self.client.status not in ("running", "connecting"):
                raise ClusterLost(self.address, "lost the Dask scheduler") from None
            raise

    def _result(self, future: distributed.Future, job: _Job) -> object:
        """The result of a future that was done (finished, erred or cancelled) an instant ago, or
        _NOT_YET when its result was lost meanwhile and is being computed again."""
        if future.status == "cancelled":  # the client lost the scheduler
            raise ClusterLost(self.address, "lost the Dask scheduler")
        if future.status == "finished":
            try:
                with self._connection():
                    return future.result(timeout=FETCH_SECONDS)
            except TimeoutError:  # its worker died as it was fetched: computed again elsewhere
                return _NOT_YET
            except distributed.KilledWorker as exc:  # computed again, and that killed its workers
                return self._killed(job, exc)
        if future.status != "error":
            return _NOT_YET
        error = future.exception()
        if isinstance(error, distributed.KilledWorker):
            return self._killed(job, error)
        # Errors of the file itself come back as its failure: this one is the worker's
        raise ClusterFailed(self.address, f"a Dask worker could not run miner's task ({type(error).__name__}: {error})")

    def _killed(self, job: _Job, exc: distributed.KilledWorker) -> object:
        """The file's failure when a task of it killed every worker it was given to: the part that
        did, when it was one."""
        task = job.task
        part = _PART_RE.search(str(exc.task))
        if job.split is not None and part is not None:
            task = job.split.part(job.task, int(part.group(1)))
        why = f"the Dask workers running it died {ALLOWED_FAILURES + 1} times"
        return self.fail(task, WorkerCrashed(job.task.file.path, why))

    def close(self, kill: bool = False) -> None:
        """Let go of the cluster (and stop it when it is this process's own LocalCluster)."""
        client = getattr(self, "client", None)
        if client is not None:
            try:
                client.close(timeout=5)
            except Exception:  # already gone
                pass
        if self.cluster is not None:
            try:
                self.cluster.close(timeout=10)
            except Exception:
                pass
