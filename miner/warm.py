"""Imported once by the process that forks ingest's worker processes (the `forkserver` of
miner/workers.py), never by miner itself: that process ends with the one that started it (the
ingest), and loads miner's modules, gazetteers and patterns, so that each worker forked from it
starts warm in milliseconds instead of importing and loading them again (about 0.6 CPU s each)."""

from __future__ import annotations

import os

from .ingest import warm
from .workers import die_with_parent

die_with_parent(os.getppid(), watch=False)  # Linux's parent-death signal: no thread in a process that forks
warm()
