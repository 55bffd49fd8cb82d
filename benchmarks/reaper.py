"""CPU seconds of `miner ingest` and of every process it started, those that outlive it included.

On Linux, ingest's worker processes are forked from a server process (miner/workers.py) that is
not the command's child to wait for: when the command ends, that server ends too, but no one
reaps it, so its CPU time (and its workers') never reaches RUSAGE_CHILDREN. `adopt_orphans()`
makes this process the reaper of its descendants' orphans (PR_SET_CHILD_SUBREAPER), and `reap()`,
called after a command ends and before reading RUSAGE_CHILDREN, waits for them.
"""

from __future__ import annotations

import ctypes
import os

PR_SET_CHILD_SUBREAPER = 36


def adopt_orphans() -> bool:
    """Become the reaper of orphaned descendants (Linux); whether it could."""
    try:
        return ctypes.CDLL(None, use_errno=True).prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def reap() -> None:
    """Wait for every child left (orphans adopted included), so their CPU time is counted."""
    while True:
        try:
            os.waitpid(-1, 0)
        except ChildProcessError:
            return
