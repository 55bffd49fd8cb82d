"""miner.workers: a worker process as the ingest and the Dask workers start it."""

from __future__ import annotations

import gc

from miner.workers import Child, Limits

_WARMED: list[list[str]] = []


def warm_up() -> None:
    """A worker's warm-up: what it loads lives as long as the worker (run in the worker)."""
    _WARMED.append(["loaded once"])


def warmed_is_frozen(task: str) -> bool:
    """Whether what warm_up loaded is out of the cycle collector's passes (run in the worker)."""
    return not any(o is _WARMED[0] for o in gc.get_objects())


def fail(task: str, exc: Exception) -> bool:
    raise exc


def test_a_worker_freezes_what_its_warm_up_loaded():
    child = Child(warmed_is_frozen, fail, warm_up, Limits())
    try:
        assert child.run("task") is True
    finally:
        child.stop()
