"""What benchmarks/public_orgs.py and benchmarks/public_refs.py share: the options, the records saved
as JSON lines, and the count of each error class's symptom before and after a fix, in one run."""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

Symptoms = Callable[[dict], list[tuple[str, str]]]


def arguments(doc: str) -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(description=doc.splitlines()[0])
    ap.add_argument("--save", type=Path)
    ap.add_argument("--against", type=Path)
    ap.add_argument("--show", action="append", default=[])
    ap.add_argument("--limit", type=int, default=0)
    return ap


def read_records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def write_records(path: Path, records: list[dict]) -> None:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")


def print_counts(
    classes: Sequence[str], symptoms: Symptoms, records: list[dict], old: list[dict] | None, show: list[str]
) -> None:
    """Each class's count (old -> now when `old` is given), then the items of the classes in `show`."""
    now = Counter(c for r in records for c, _ in symptoms(r))
    before = Counter(c for r in old for c, _ in symptoms(r)) if old is not None else None
    for c in classes:
        print(f"{c}  {before[c]:>5} -> {now[c]:>5}" if before is not None else f"{c}  {now[c]:>5}")
    for c in show:
        items = [w for r in records for k, w in symptoms(r) if k == c]
        print(f"\n== {c} ({len(items)})")
        for w in items:
            print(" ", w)
