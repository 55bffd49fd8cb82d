"""Imported once by the process that forks ingest's worker processes (the `forkserver` of
miner/workers.py), never by miner itself: that process ends with the one that started it (the
ingest), and loads miner's modules, gazetteers and patterns, so that each worker forked from it
starts warm in milliseconds instead of importing and loading them again (about 0.6 CPU s each).
What it loaded is frozen out of the cycle collector's reach (`gc.freeze`): the workers' passes
skip it, and do not write to its pages, which stay shared between the workers."""

from __future__ import annotations

import gc
import os

_ENVIRONMENT = dict(os.environ)

from .ingest import warm  # noqa: E402
from .workers import die_with_parent  # noqa: E402

die_with_parent(os.getppid(), watch=False)  # Linux's parent-death signal: no thread in a process that forks
warm()
gc.freeze()  # what is loaded stays: the workers' collector passes skip it (and leave its pages shared)

# What the imports set in the environment (KMP_INIT_AT_FORK): a worker takes the ingest's
# environment of the moment it starts, and this, as a worker that imported them itself would.
ADDED = {key: value for key, value in os.environ.items() if _ENVIRONMENT.get(key) != value}
