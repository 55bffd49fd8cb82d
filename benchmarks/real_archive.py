"""Archives of real text for the ingest benchmarks: the dev corpus copied N times with its numbers
redrawn, and the public texts.

    python benchmarks/real_archive.py [--copies 20] [--seed 1]    # writes it, prints where

The dev corpus (../shared/corpus/docs, 30 real reports and decisions) is copied `copies` times,
each copy with every number redrawn by a seeded generator: a year stays a year (1990-2025), a day
or month stays one (1-28, 1-12), other numbers keep their number of digits. So each copy has
other bytes (no copy is a duplicate that ingest would link instead of extracting), other symbols
and dates to resolve, and the same kind of text. Written once under benchmarks/out/ and kept.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "out"
SHARED = ROOT.parent / "shared"
DEV_DOCS = SHARED / "corpus" / "docs"
RAW = SHARED / "corpus" / "raw"

_NUMBER_RE = re.compile(r"(?<![0-9])[0-9]+(?![0-9])")


def redraw(text: str, rng: random.Random) -> str:
    """`text` with each number replaced by another of its kind (year, day or month, N digits)."""

    def other(match: re.Match[str]) -> str:
        digits = match.group()
        value = int(digits)
        if len(digits) == 4 and 1900 <= value <= 2099:
            return str(rng.randint(1990, 2025))
        if len(digits) <= 2 and 1 <= value <= 12:
            return str(rng.randint(1, 12)).zfill(len(digits))
        if len(digits) <= 2 and 1 <= value <= 31:
            return str(rng.randint(1, 28)).zfill(len(digits))
        first = "0" if digits.startswith("0") else str(rng.randint(1, 9))
        return first + "".join(str(rng.randint(0, 9)) for _ in digits[1:])

    return _NUMBER_RE.sub(other, text)


def dev_copies(copies: int = 20, seed: int = 1) -> Path:
    """The dev corpus copied `copies` times with numbers redrawn (folder made once and kept)."""
    folder = OUT / f"dev-x{copies}-s{seed}"
    done = folder / ".complete"
    if done.exists():
        return folder
    if not DEV_DOCS.is_dir():
        raise SystemExit(f"{DEV_DOCS} is missing: the dev corpus is needed for this archive")
    rng = random.Random(seed)
    sources = sorted(p for p in DEV_DOCS.iterdir() if p.is_file())
    for n in range(copies):
        target = folder / f"copy{n:03d}"
        target.mkdir(parents=True, exist_ok=True)
        for source in sources:
            text = source.read_text(encoding="utf-8")
            (target / source.name).write_text(redraw(text, rng) if n else text, encoding="utf-8")
    done.write_text("")
    return folder


def public_web() -> Path:
    """The public texts (../shared/corpus/public/public-web.tar.xz), unpacked once into benchmarks/out/public-web."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from same_output import PUBLIC, public_texts

    if not public_texts():
        raise SystemExit("../shared/corpus/public/public-web.tar.xz is missing")
    return PUBLIC


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--copies", type=int, default=20)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)
    print(dev_copies(args.copies, args.seed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
