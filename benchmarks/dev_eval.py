"""Extract every dev document in-process, score it with the shared scorer, time it.

    python benchmarks/dev_eval.py [--docs ../shared/corpus/docs] [--gold ../shared/corpus/gold]
                                  [--pred DIR] [--per-doc] [--json]

Prints the scorer's table and the extraction speed (KB of text per second, one core).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

from miner.pipeline import build_record  # noqa: E402
from miner.readers import read_document  # noqa: E402


def extract_all(docs: Path, pred: Path) -> tuple[int, float]:
    """Write PRED/NAME.json for each document; return (characters, seconds of extraction)."""
    chars, seconds = 0, 0.0
    for path in sorted(docs.iterdir()):
        if not path.is_file():
            continue
        doc = read_document(path)
        start = time.perf_counter()
        record = build_record(doc)
        seconds += time.perf_counter() - start
        chars += len(path.read_bytes())
        (pred / f"{path.stem}.json").write_text(
            json.dumps(record.to_dict(), ensure_ascii=False, indent=1), encoding="utf-8"
        )
    return chars, seconds


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=Path, default=SHARED / "corpus" / "docs")
    ap.add_argument("--gold", type=Path, default=SHARED / "corpus" / "gold")
    ap.add_argument("--pred", type=Path, help="keep the predictions in this folder")
    ap.add_argument("--per-doc", action="store_true")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    pred = args.pred or Path(tempfile.mkdtemp(prefix="miner-pred-"))
    pred.mkdir(parents=True, exist_ok=True)
    size, seconds = extract_all(args.docs, pred)
    cmd = [sys.executable, str(SHARED / "eval" / "score.py"), "--gold", str(args.gold), "--pred", str(pred)]
    if args.per_doc:
        cmd.append("--per-doc")
    if args.json:
        cmd.append("--json")
    subprocess.run(cmd, check=True)
    print(f"extraction: {size / 1024:.0f} KB in {seconds:.2f} s = {size / 1024 / seconds:.0f} KB/s (one core)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
