"""The accuracy of each header field on real documents with gold, the issuer and title included
(the shared scorer leaves them out), and the documents where a field misses.

    python benchmarks/header_eval.py [--docs ../shared/corpus/new/docs] [--gold ../shared/corpus/new/gold]

The issuer is matched as the scorer matches organisations (`names_match`), the title folded; the other
fields as the scorer compares them. Each field counts the documents whose gold gives it.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

from miner.header import find_header  # noqa: E402
from miner.readers import read_document  # noqa: E402

FIELDS = ("kind", "symbol", "issued_date", "year", "issuer", "signer", "title")


def _scorer():
    spec = importlib.util.spec_from_file_location("score", SHARED / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def same(score, field: str, gold, pred) -> bool:
    if field == "issuer":
        return bool(score.names_match(gold, pred))
    if field == "symbol":
        return score.fold_symbol(gold) == score.fold_symbol(pred)
    if field == "issued_date":
        return score.same_date(gold, pred)
    if field == "year":
        return str(gold) == str(pred)
    if field == "kind":
        return gold == pred
    return score.fold(gold) == score.fold(pred)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=Path, default=SHARED / "corpus" / "new" / "docs")
    ap.add_argument("--gold", type=Path, default=SHARED / "corpus" / "new" / "gold")
    args = ap.parse_args(argv)
    score = _scorer()
    right = {f: 0 for f in FIELDS}
    total = {f: 0 for f in FIELDS}
    misses = []
    for gold_path in sorted(args.gold.glob("*.json")):
        doc_path = next(args.docs.glob(gold_path.stem + ".*"), None)
        if doc_path is None:
            continue
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        header = find_header(read_document(doc_path)).__dict__
        for field in FIELDS:
            if not gold.get(field):
                continue
            total[field] += 1
            if same(score, field, gold[field], header.get(field)):
                right[field] += 1
            else:
                misses.append(f"{gold_path.stem} {field}: gold {gold[field]!r}, got {header.get(field)!r}")
    for field in FIELDS:
        print(f"{field:12} {right[field] / total[field] if total[field] else 1.0:.3f}  ({right[field]}/{total[field]})")
    print("\n".join(misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
