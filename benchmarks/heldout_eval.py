"""Extract the held-out documents in-process and score them with the shared scorer.

    python benchmarks/heldout_eval.py [--docs benchmarks/heldout/docs] [--gold benchmarks/heldout/gold]
                                      [--pred DIR] [--per-doc] [--misses] [--json] [--check]

Prints the scorer's table (and each document's counts with --per-doc); --misses also lists, per
document and field, the gold items no prediction matched and the predictions no gold item matched,
then the scalar fields and matched attributes that disagree; --check only checks the gold files.
The documents are invented test material written apart from the extractor (see
benchmarks/heldout/README.md).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from types import ModuleType

HERE = Path(__file__).resolve().parent
HELDOUT = HERE / "heldout"
sys.path.insert(0, str(HERE))

import dev_eval  # noqa: E402  (extract_all and the location of ../shared)

SCORER = dev_eval.SHARED / "eval" / "score.py"
SCALARS = ("kind", "year", "symbol", "issued_date", "signer")


def load_scorer() -> ModuleType:
    """Import ../shared/eval/score.py as a module, to reuse its matching rules."""
    spec = importlib.util.spec_from_file_location("shared_score", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def read_json(path: Path) -> dict:
    """The JSON object in PATH, or {} when it is missing or not an object (as the scorer does)."""
    try:
        value = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return value if isinstance(value, dict) else {}


def show(field: str, item) -> str:
    """One item of FIELD as a short readable string."""
    if field == "legal_refs":
        return f"{item.get('symbol')} ({item.get('issued_date') or 'no date'}; {item.get('issuer')})"
    if field == "awards":
        return f"{item.get('award')} <- {item.get('recipient')} [{item.get('grantor')}, {item.get('year')}, {item.get('status')}]"
    if isinstance(item, dict):
        return str(item.get("name"))
    return str(item)


def attribute_misses(score: ModuleType, field: str, g: dict, p: dict) -> list[str]:
    """The attributes of a matched legal ref or award that the scorer counts as wrong."""
    out = []
    if field == "legal_refs":
        if g.get("issued_date") and not score.same_date(g["issued_date"], p.get("issued_date")):
            out.append(f"issued_date {g['issued_date']} != {p.get('issued_date')}")
        if g.get("issuer") and not score.names_match(g["issuer"], p.get("issuer")):
            out.append(f"issuer {g['issuer']!r} != {p.get('issuer')!r}")
    if field == "awards":
        if g.get("grantor") and not score.names_match(g["grantor"], p.get("grantor")):
            out.append(f"grantor {g['grantor']!r} != {p.get('grantor')!r}")
        if g.get("year") and str(g["year"]) != str(p.get("year")):
            out.append(f"year {g['year']} != {p.get('year')}")
        if g.get("status") and g["status"] != p.get("status"):
            out.append(f"status {g['status']} != {p.get('status')}")
    return out


def misses(gold_dir: Path, pred_dir: Path) -> list[str]:
    """Report lines: per document, the missed and spurious items of each field, then wrong attributes."""
    score = load_scorer()
    lines = []
    for gold_path in sorted(gold_dir.glob("*.json")):
        gold, pred = read_json(gold_path), read_json(pred_dir / gold_path.name)
        lines.append(f"== {gold_path.stem}")
        for field, scorer in score.FIELDS.items():
            g_items, p_items = score.field_items(gold, field), score.field_items(pred, field)
            pairs = score.match_pairs(g_items, p_items, scorer)
            matched_g, matched_p = {gi for gi, _ in pairs}, {pi for _, pi in pairs}
            for gi, g in enumerate(g_items):
                if gi not in matched_g:
                    lines.append(f"  {field} missed: {show(field, g)}")
            for pi, p in enumerate(p_items):
                if pi not in matched_p:
                    lines.append(f"  {field} spurious: {show(field, p)}")
            for gi, pi in pairs:
                for problem in attribute_misses(score, field, g_items[gi], p_items[pi]):
                    lines.append(f"  {field} {show(field, g_items[gi])}: {problem}")
        for key in SCALARS:
            want, got = gold.get(key), pred.get(key)
            if key == "symbol":
                same = score.fold_symbol(want) == score.fold_symbol(got)
            elif key == "issued_date":
                same = score.same_date(want, got)
            elif key == "signer":
                same = score.fold(want) == score.fold(got)
            else:
                same = str(want) == str(got)
            if want and not same:
                lines.append(f"  {key}: gold {want!r}, predicted {got!r}")
    return lines


KEYS = {
    "title": str,
    "kind": str,
    "symbol": str,
    "issued_date": str,
    "year": int,
    "issuer": str,
    "signer": str,
    "legal_refs": list,
    "organizations": list,
    "persons": list,
    "locations": list,
    "emulation_groups": list,
    "awards": list,
    "award_types": list,
}


def check_gold(docs: Path, gold_dir: Path) -> list[str]:
    """Problems in the gold files: a document without gold (or the reverse), a key missing or of the
    wrong type, an award whose recipient is neither an organisation nor a person of the same file,
    or whose type is missing from award_types."""
    problems = []
    doc_names = {p.stem for p in docs.glob("*.txt")}
    gold_names = {p.stem for p in gold_dir.glob("*.json")}
    problems += [f"{n}: document without gold" for n in sorted(doc_names - gold_names)]
    problems += [f"{n}: gold without document" for n in sorted(gold_names - doc_names)]
    for path in sorted(gold_dir.glob("*.json")):
        gold = read_json(path)
        for key, kind in KEYS.items():
            if key not in gold:
                problems.append(f"{path.stem}: no key {key}")
            elif gold[key] is not None and not isinstance(gold[key], kind):
                problems.append(f"{path.stem}: {key} is not {kind.__name__}")
        names = {item["name"] for key in ("organizations", "persons") for item in gold.get(key, [])}
        for award in gold.get("awards", []):
            if award["recipient"] not in names:
                problems.append(f"{path.stem}: recipient {award['recipient']!r} is no organisation or person")
            if award["award"] not in gold.get("award_types", []):
                problems.append(f"{path.stem}: award {award['award']!r} missing from award_types")
    return problems


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=Path, default=HELDOUT / "docs")
    ap.add_argument("--gold", type=Path, default=HELDOUT / "gold")
    ap.add_argument("--pred", type=Path, help="keep the predictions in this folder")
    ap.add_argument("--per-doc", action="store_true", help="also list each document's counts")
    ap.add_argument("--misses", action="store_true", help="also list what each document missed or added")
    ap.add_argument("--json", action="store_true", help="print the scorer's result as JSON")
    ap.add_argument("--check", action="store_true", help="only check the gold files' shape and consistency")
    args = ap.parse_args(argv)
    if args.check:
        problems = check_gold(args.docs, args.gold)
        print("\n".join(problems) or f"{len(list(args.gold.glob('*.json')))} gold files consistent")
        return 1 if problems else 0
    if not SCORER.is_file():
        print(f"heldout_eval: no scorer at {SCORER}; it needs the shared folder ../shared", file=sys.stderr)
        return 2
    pred = args.pred or Path(tempfile.mkdtemp(prefix="miner-heldout-"))
    pred.mkdir(parents=True, exist_ok=True)
    size, seconds = dev_eval.extract_all(args.docs, pred)
    cmd = [sys.executable, str(SCORER), "--gold", str(args.gold), "--pred", str(pred)]
    if args.per_doc:
        cmd.append("--per-doc")
    if args.json:
        cmd.append("--json")
    subprocess.run(cmd, check=True)
    if args.misses:
        print("\n".join(misses(args.gold, pred)))
    if not args.json:
        print(f"predictions in {pred}; extraction {size / 1024:.0f} KB in {seconds:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
