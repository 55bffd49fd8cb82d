"""Extract the real documents with gold in-process, score each set with the shared scorer, time it.

    python benchmarks/dev_eval.py [--set dev|new|all] [--docs DIR --gold DIR] [--pred DIR]
                                  [--per-doc] [--json]

The sets (real public records, nobody on the project wrote them): "dev" is
../shared/corpus/docs + gold (30 documents), "new" is ../shared/corpus/new (11 documents of the
kind of the hidden set). By default both: the scorer's table of each, then one combined line (the
fields micro-averaged over both sets) and the extraction speed (KB of text per second, one core).
--docs/--gold score another folder instead (e.g. an invented set under benchmarks/heldout*).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SCORER = SHARED / "eval" / "score.py"
SETS = {
    "dev": (SHARED / "corpus" / "docs", SHARED / "corpus" / "gold"),
    "new": (SHARED / "corpus" / "new" / "docs", SHARED / "corpus" / "new" / "gold"),
}
sys.path.insert(0, str(ROOT))

from miner.pipeline import build_record  # noqa: E402
from miner.readers import read_document  # noqa: E402


def scorer():
    """The shared scorer as a module (standard library only)."""
    spec = importlib.util.spec_from_file_location("shared_score", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def extract_all(docs: Path, pred: Path) -> tuple[int, float]:
    """Write PRED/NAME.json for each document; return (bytes read, seconds of extraction)."""
    size, seconds = 0, 0.0
    for path in sorted(docs.iterdir()):
        if not path.is_file():
            continue
        doc = read_document(path)
        start = time.perf_counter()
        record = build_record(doc)
        seconds += time.perf_counter() - start
        size += len(path.read_bytes())
        (pred / f"{path.stem}.json").write_text(
            json.dumps(record.to_dict(), ensure_ascii=False, indent=1), encoding="utf-8"
        )
    return size, seconds


def combined(results: list[dict]) -> dict[str, dict]:
    """Each field's counts summed over the sets, with precision, recall and F1 of the sum."""
    out = {}
    for field in results[0]["fields"]:
        tp, gold, pred = (sum(r["fields"][field][k] for r in results) for k in ("tp", "gold", "pred"))
        p = tp / pred if pred else (1.0 if not gold else 0.0)
        r = tp / gold if gold else 1.0
        out[field] = {
            "precision": p,
            "recall": r,
            "f1": 2 * p * r / (p + r) if p + r else 0.0,
            "tp": tp,
            "gold": gold,
            "pred": pred,
        }
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", choices=[*SETS, "all"], default="all", help="which real set (default: both)")
    ap.add_argument("--docs", type=Path, help="score this folder of documents instead (with --gold)")
    ap.add_argument("--gold", type=Path)
    ap.add_argument("--pred", type=Path, help="keep the predictions in this folder (one subfolder a set)")
    ap.add_argument("--per-doc", action="store_true")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    if bool(args.docs) != bool(args.gold):
        ap.error("--docs and --gold go together")
    if args.docs:
        sets = {args.docs.parent.name or "docs": (args.docs, args.gold)}
    else:
        sets = {name: SETS[name] for name in SETS if args.set in (name, "all")}
    missing = [str(p) for docs, gold in sets.values() for p in (docs, gold) if not p.is_dir()]
    if missing or not SCORER.is_file():
        print(
            f"dev_eval: not found: {', '.join(missing + ([] if SCORER.is_file() else [str(SCORER)]))}", file=sys.stderr
        )
        return 2
    score = scorer()
    base = args.pred or Path(tempfile.mkdtemp(prefix="miner-pred-"))
    results, size, seconds = {}, 0, 0.0
    for name, (docs, gold) in sets.items():
        pred = base / name
        pred.mkdir(parents=True, exist_ok=True)
        set_size, set_seconds = extract_all(docs, pred)
        size, seconds = size + set_size, seconds + set_seconds
        results[name] = score.score_docs(gold, pred)
        if args.json:
            continue
        print(f"== {name}: {docs}")
        score.main(["--gold", str(gold), "--pred", str(pred), *(["--per-doc"] if args.per_doc else [])])
        print()
    total = combined(list(results.values()))
    scored = [f for f, v in total.items() if v["gold"]]
    macro = sum(total[f]["f1"] for f in scored) / len(scored)
    if args.json:
        print(
            json.dumps(
                {"sets": results, "combined": {"fields": total, "macro_f1": macro}}, ensure_ascii=False, indent=2
            )
        )
        return 0
    if len(results) > 1:
        documents = sum(r["documents"] for r in results.values())
        print(
            f"combined ({' + '.join(results)}, {documents} documents) F1: "
            + ", ".join(f"{f} {total[f]['f1']:.3f}" for f in total)
            + f"; macro F1 {macro:.3f}"
        )
    print(f"extraction: {size / 1024:.0f} KB in {seconds:.2f} s = {size / 1024 / seconds:.0f} KB/s (one core)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
