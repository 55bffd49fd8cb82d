"""normalize.fold() by its code against the table it falls back to, on real paragraphs, in one run.

    python benchmarks/fold_speed.py [--rounds 7]

The texts: the paragraphs of the 41 documents with gold (../shared/corpus/docs, ../shared/corpus/new/docs)
and the lines of the public texts (benchmarks/out/public-web, see same_output.py). Each set is folded
by fold() (its text cache bypassed) and by the table alone (str.translate, then lower()), alternately,
--rounds times; prints the best CPU ms of each, their ratio, and how many texts took the table path.
Both must give the same folds (checked first).
"""

from __future__ import annotations

import argparse
import codecs
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from extract_cpu import documents  # noqa: E402
from same_output import public_texts  # noqa: E402

from miner.normalize import _FOLD_CODE, _fold_by_table, fold  # noqa: E402
from miner.readers import read_document  # noqa: E402


def best_ms(func: Callable[[str], str], texts: list[str], rounds: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        start = time.process_time()
        for text in texts:
            func(text)
        best = min(best, time.process_time() - start)
    return best * 1000


def by_table(text: str) -> str:
    return text.lower() if text.isascii() else _fold_by_table(text)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=7)
    args = ap.parse_args(argv)
    by_code = fold.__wrapped__  # (not the text cache)
    sets = {
        "dev paragraphs": [p.text for path in documents() for p in read_document(Path(path)).paragraphs],
        "public lines": [line for path in public_texts() for line in path.read_text(encoding="utf-8").splitlines()],
    }
    for name, texts in sets.items():
        if not texts:
            print(f"{name}: none found")
            continue
        if any(by_code(t) != by_table(t) for t in texts):
            print(f"{name}: fold() and the table differ", file=sys.stderr)
            return 1
        table_path = sum(1 for t in texts if not t.isascii() and _outside(t))
        code_ms, table_ms = best_ms(by_code, texts, args.rounds), best_ms(by_table, texts, args.rounds)
        print(
            f"{name}: {len(texts)} texts, {sum(map(len, texts)) / 1e6:.2f} M characters, {table_path} by the table; "
            f"fold() {code_ms:.1f} ms, table {table_ms:.1f} ms: {code_ms / table_ms:.2f}x"
        )
    return 0


def _outside(text: str) -> bool:
    """Whether fold() reads `text` through the table (a character outside the code)."""
    try:
        codecs.charmap_encode(text, "strict", _FOLD_CODE)
    except UnicodeEncodeError:
        return True
    return False


if __name__ == "__main__":
    sys.exit(main())
