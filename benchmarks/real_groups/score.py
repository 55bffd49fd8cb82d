"""Score emulation groups on the real group set, and count the groups of the whole public archive.

    python benchmarks/real_groups/score.py [--pred DIR] [--per-doc] [--misses] [--json]
    python benchmarks/real_groups/score.py --archive [--save F] [--against F]

The set: every real text on this machine that writes "Khối thi đua" or "Cụm thi đua" (or "cụm,
khối thi đua"), named in sources.tsv: documents of ../shared/corpus/docs and ../shared/corpus/new/docs
and pages of ../shared/corpus/public/public-web.tar.xz (member public-web/FILE). Each is read with
read_document, extracted with build_record and its `emulation_groups` scored with the shared
scorer's rules (folded equality); the gold's other fields are empty and not scored. --misses lists
what the gold has and the extraction lacks (-) and what the extraction adds (+).

--archive extracts all 1,159 pages of the public archive and prints every group found with the words
it was read from, and how many pages write "khối/cụm thi đua" at all (folded, any case); --save writes
{page: [groups]} as JSON, --against compares with such a file (groups gained +, lost -).
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import tarfile
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
ARCHIVE = CORPUS / "public" / "public-web.tar.xz"
GOLD = HERE / "gold"
FIELD = "emulation_groups"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from dev_eval import scorer  # noqa: E402

from miner.normalize import fold  # noqa: E402
from miner.pipeline import build_record  # noqa: E402
from miner.readers import read_document  # noqa: E402

# "Khối thi đua", "cụm, khối thi đua", "Cụm và Khối thi đua", folded.
MENTION_RE = re.compile(r"(?<!\w)(?:khoi|cum)(?:(?:,| va| hoac)? (?:khoi|cum))? thi dua(?!\w)")


def sources() -> list[dict]:
    with (HERE / "sources.tsv").open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def pages(names: set[str] | None = None):
    """(name, bytes) of the public archive's pages, all or those named, in archive order."""
    with tarfile.open(ARCHIVE, "r:xz") as archive:
        for member in archive:
            name = member.name.rsplit("/", 1)[-1]
            if member.isfile() and (names is None or name in names):
                yield name, archive.extractfile(member).read()


def extract(pred: Path) -> None:
    rows = sources()
    web = dict(pages({r["file"] for r in rows if r["source"] == "public-web"}))
    for row in rows:
        if row["source"] == "corpus":
            doc = read_document(CORPUS / row["file"])
        else:
            doc = read_document(Path(row["file"]), data=web[row["file"]])
        (pred / f"{row['name']}.json").write_text(
            json.dumps(build_record(doc).to_dict(), ensure_ascii=False, indent=1), encoding="utf-8"
        )


def misses(score, pred_dir: Path) -> list[str]:
    lines = []
    for gold_path in sorted(GOLD.glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        pred = json.loads((pred_dir / gold_path.name).read_text(encoding="utf-8"))
        g_items, p_items = score.field_items(gold, FIELD), score.field_items(pred, FIELD)
        pairs = score.match_pairs(g_items, p_items, score.FIELDS[FIELD])
        out = [f"  - {score.name_of(g_items[i])}" for i in range(len(g_items)) if i not in {g for g, _ in pairs}]
        out += [f"  + {score.name_of(p_items[i])}" for i in range(len(p_items)) if i not in {p for _, p in pairs}]
        if out:
            lines += [gold_path.stem, *out]
    return lines


def archive(save: Path | None, against: Path | None) -> int:
    found: dict[str, list[str]] = {}
    mentioning = 0
    for name, data in pages():
        doc = read_document(Path(name), data=data)
        mentioning += any(MENTION_RE.search(fold(p.text)) for p in doc.paragraphs)
        groups = build_record(doc).emulation_groups
        found[name] = [f"{g.name} | {g.spans[0].text}" for g in groups]
    listed = {k: v for k, v in found.items() if v}
    print(
        f"{len(found)} pages, {mentioning} write khối/cụm thi đua; "
        f"{sum(map(len, listed.values()))} groups found on {len(listed)} pages"
    )
    for page, groups in sorted(listed.items()):
        for group in groups:
            print(f"  {page}: {group}")
    if save:
        save.write_text(json.dumps(found, ensure_ascii=False, indent=1), encoding="utf-8")
    if against:
        before = json.loads(against.read_text(encoding="utf-8"))
        for page in sorted(set(before) | set(found)):
            old, new = set(before.get(page, [])), set(found.get(page, []))
            print(*(f"+ {page}: {g}" for g in sorted(new - old)), sep="\n") if new - old else None
            print(*(f"- {page}: {g}" for g in sorted(old - new)), sep="\n") if old - new else None
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pred", type=Path, help="keep the predictions in this folder")
    ap.add_argument("--per-doc", action="store_true")
    ap.add_argument("--misses", action="store_true")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--archive", action="store_true", help="count the groups of the whole public archive")
    ap.add_argument("--save", type=Path)
    ap.add_argument("--against", type=Path)
    args = ap.parse_args(argv)
    for needed in (CORPUS, ARCHIVE, GOLD):
        if not needed.exists():
            print(f"real_groups: not found: {needed}", file=sys.stderr)
            return 2
    if args.archive:
        return archive(args.save, args.against)
    score = scorer()
    pred = args.pred or Path(tempfile.mkdtemp(prefix="miner-real-groups-"))
    pred.mkdir(parents=True, exist_ok=True)
    extract(pred)
    result = score.score_docs(GOLD, pred)
    v = result["fields"][FIELD]
    if args.json:
        print(json.dumps({"documents": result["documents"], FIELD: v}, ensure_ascii=False, indent=2))
        return 0
    print(f"{result['documents']} documents")
    print(f"{'field':18} {'P':>6} {'R':>6} {'F1':>6} {'gold':>5} {'pred':>5}")
    print(f"{FIELD:18} {v['precision']:6.3f} {v['recall']:6.3f} {v['f1']:6.3f} {v['gold']:5d} {v['pred']:5d}")
    if args.per_doc:
        for doc, c in result["per_doc"].items():
            print(doc, "{}/{}/{}".format(*c[FIELD]))
    if args.misses:
        print("\n".join(misses(score, pred)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
