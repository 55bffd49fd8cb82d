"""Score award events, emulation groups and award types on the real award set.

    python benchmarks/real_awards/score.py [--pred DIR] [--per-doc] [--misses] [--json]

Reads each document named in sources.tsv (../shared/corpus/raw through read_document, scans by
OCR; public web pages from ../shared/corpus/public/public-web.tar.xz), extracts it with
build_record, and scores the three fields the gold annotates (awards, emulation_groups,
award_types) and the matched awards' grantor, year and status with the shared scorer's rules
(../shared/eval/score.py). The gold's other fields are empty and not scored. --misses lists,
document by document, what the gold has and the extraction lacks and what the extraction adds.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import tarfile
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SHARED = ROOT.parent / "shared"
RAW = SHARED / "corpus" / "raw"
ARCHIVE = SHARED / "corpus" / "public" / "public-web.tar.xz"
GOLD = HERE / "gold"
FIELDS = ("awards", "emulation_groups", "award_types")
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from dev_eval import scorer  # noqa: E402

from miner.pipeline import build_record  # noqa: E402
from miner.readers import read_document  # noqa: E402


def sources() -> list[dict]:
    with (HERE / "sources.tsv").open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def web_pages(names: set[str]) -> dict[str, bytes]:
    """The named members of the public archive (public-web/NAME), read once."""
    out = {}
    with tarfile.open(ARCHIVE, "r:xz") as archive:
        for member in archive:
            name = member.name.rsplit("/", 1)[-1]
            if member.isfile() and name in names:
                out[name] = archive.extractfile(member).read()
    return out


def extract(pred: Path) -> None:
    rows = sources()
    pages = web_pages({r["file"] for r in rows if r["source"] == "public-web"})
    for row in rows:
        if row["source"] == "raw":
            doc = read_document(RAW / row["file"])
        else:
            doc = read_document(Path(row["file"]), data=pages[row["file"]])
        record = build_record(doc).to_dict()
        (pred / f"{row['name']}.json").write_text(json.dumps(record, ensure_ascii=False, indent=1), encoding="utf-8")


def misses(score, gold_dir: Path, pred_dir: Path) -> list[str]:
    """Per document: gold entries not matched (-), predictions not matched (+), wrong attributes (~)."""
    lines = []
    for gold_path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        pred = json.loads((pred_dir / gold_path.name).read_text(encoding="utf-8"))
        out = []
        for field in FIELDS:
            g_items, p_items = score.field_items(gold, field), score.field_items(pred, field)
            pairs = score.match_pairs(g_items, p_items, score.FIELDS[field])
            show = (lambda a: f"{a['award']} -> {a['recipient']}") if field == "awards" else score.name_of
            if field == "award_types":
                show = str
            out += [f"  - {field}: {show(g_items[i])}" for i in range(len(g_items)) if i not in {g for g, _ in pairs}]
            out += [f"  + {field}: {show(p_items[i])}" for i in range(len(p_items)) if i not in {p for _, p in pairs}]
            if field == "awards":
                for gi, pi in pairs:
                    g, p = g_items[gi], p_items[pi]
                    for key, same in (
                        ("grantor", score.names_match(g.get("grantor"), p.get("grantor"))),
                        ("year", str(g.get("year")) == str(p.get("year"))),
                        ("status", g.get("status") == p.get("status")),
                    ):
                        if g.get(key) and not same:
                            out.append(
                                f"  ~ {g['award']} -> {g['recipient']}: {key} {p.get(key)!r} (gold {g.get(key)!r})"
                            )
        if out:
            lines += [gold_path.stem, *out]
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pred", type=Path, help="keep the predictions in this folder")
    ap.add_argument("--per-doc", action="store_true")
    ap.add_argument("--misses", action="store_true")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    for needed in (RAW, ARCHIVE, GOLD):
        if not needed.exists():
            print(f"real_awards: not found: {needed}", file=sys.stderr)
            return 2
    score = scorer()
    pred = args.pred or Path(tempfile.mkdtemp(prefix="miner-real-awards-"))
    pred.mkdir(parents=True, exist_ok=True)
    extract(pred)
    result = score.score_docs(GOLD, pred)
    fields = {f: result["fields"][f] for f in FIELDS}
    attributes = {k: v for k, v in result["attributes"].items() if k.startswith("awards.")}
    granting = {r["name"] for r in sources() if r["grants"] != "no" and not r["grants"].startswith("no ")}
    events = {
        name: len(score.field_items(json.loads((pred / f"{name}.json").read_text(encoding="utf-8")), "awards"))
        for name in result["per_doc"]
    }
    summary = {
        "documents": result["documents"],
        "fields": fields,
        "attributes": attributes,
        "events_on_granting": sum(n for d, n in events.items() if d in granting),
        "events_elsewhere": sum(n for d, n in events.items() if d not in granting),
    }
    if args.json:
        print(json.dumps(summary, ensure_ascii=False, indent=2))
        return 0
    print(f"{result['documents']} documents ({len(granting)} grant or propose)")
    print(f"{'field':18} {'P':>6} {'R':>6} {'F1':>6} {'gold':>5} {'pred':>5}")
    for field, v in fields.items():
        print(f"{field:18} {v['precision']:6.3f} {v['recall']:6.3f} {v['f1']:6.3f} {v['gold']:5d} {v['pred']:5d}")
    for name, acc in attributes.items():
        print(f"accuracy {name:18} {acc:6.3f}")
    print(
        f"award events predicted: {summary['events_on_granting']} on the granting documents, "
        f"{summary['events_elsewhere']} on the others"
    )
    if args.per_doc:
        for doc, c in result["per_doc"].items():
            print(doc, " ".join(f"{k}={c[k][0]}/{c[k][1]}/{c[k][2]}" for k in FIELDS))
    if args.misses:
        print("\n".join(misses(score, GOLD, pred)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
