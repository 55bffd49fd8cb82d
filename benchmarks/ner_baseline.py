"""What miner's rules buy over a statistical tagger: underthesea's `ner` and miner scored on the same
real documents with the same scorer, on persons, organisations and locations.

    python benchmarks/ner_baseline.py [--set dev|new|both] [--json FILE]

Each document is read once (miner.readers) and its paragraphs go to both: miner's build_record, and
underthesea.ner paragraph by paragraph (its bundled CRF model, offline), whose PER, ORG and LOC
entities, joined from its B-/I- tags and listed once each, become a record's persons, organizations
and locations. A second row gives the tagger the spec's form for places ("Đắk Nông", not "tỉnh Đắk
Nông": a leading tỉnh, thành phố, huyện, quận, thị xã, xã, phường or thị trấn left out), a formatting
step rather than knowledge. ../shared/eval/score.py scores the three against the gold records.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

from miner.normalize import fold  # noqa: E402
from miner.pipeline import build_record  # noqa: E402
from miner.readers import read_document  # noqa: E402

SETS = {
    "dev": (SHARED / "corpus" / "docs", SHARED / "corpus" / "gold"),
    "new": (SHARED / "corpus" / "new" / "docs", SHARED / "corpus" / "new" / "gold"),
}
FIELDS = ("persons", "organizations", "locations")
_TAGS = {"PER": "persons", "ORG": "organizations", "LOC": "locations"}
_LEVEL_RE = re.compile(r"^(?:(?:tỉnh|thành phố|tp\.?|huyện|quận|thị xã|xã|phường|thị trấn)\s+)+", re.IGNORECASE)


def ner_entities(paragraphs: list[str]) -> dict[str, list[str]]:
    """underthesea.ner's PER, ORG and LOC entities of the paragraphs, each once, in order."""
    from underthesea import ner

    found: dict[str, dict[str, str]] = {field: {} for field in FIELDS}
    for text in paragraphs:
        current: list[str] = []
        kind = None
        for word, _, _, tag in [*ner(text), ("", "", "", "O")]:
            inside = tag.startswith("I-") and tag[2:] == kind
            if current and not inside:
                name = " ".join(current)
                found[_TAGS[kind]].setdefault(fold(name), name)
                current, kind = [], None
            if tag[:2] in ("B-", "I-") and tag[2:] in _TAGS and not inside:
                current, kind = [word], tag[2:]
            elif inside:
                current.append(word)
    return {field: list(names.values()) for field, names in found.items()}


def spec_places(names: list[str]) -> list[str]:
    """Place names without their leading level word, each once."""
    out: dict[str, str] = {}
    for name in names:
        bare = _LEVEL_RE.sub("", name).strip()
        if bare:
            out.setdefault(fold(bare), bare)
    return list(out.values())


def record_of(entities: dict[str, list[str]]) -> dict:
    """A record of extraction.md's shape holding only the three fields."""
    return {
        "title": None,
        "kind": None,
        "symbol": None,
        "issued_date": None,
        "year": None,
        "issuer": None,
        "signer": None,
        "legal_refs": [],
        "emulation_groups": [],
        "awards": [],
        "award_types": [],
        **{field: [{"name": n} for n in entities[field]] for field in FIELDS},
    }


def score(gold: Path, pred: Path) -> dict:
    out = subprocess.run(
        [sys.executable, str(SHARED / "eval" / "score.py"), "--gold", str(gold), "--pred", str(pred), "--json"],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout)["fields"]


def run_set(docs: Path, gold: Path) -> dict:
    work = Path(tempfile.mkdtemp(prefix="ner-baseline-"))
    preds = {name: work / name for name in ("miner", "ner", "ner_spec_places")}
    for folder in preds.values():
        folder.mkdir()
    seconds = {"miner": 0.0, "ner": 0.0}
    size = 0
    for path in sorted(p for p in docs.iterdir() if p.is_file()):
        doc = read_document(path)
        size += sum(len(p.text.encode("utf-8")) for p in doc.paragraphs)
        start = time.perf_counter()
        record = build_record(doc).to_dict()
        seconds["miner"] += time.perf_counter() - start
        start = time.perf_counter()
        entities = ner_entities([p.text for p in doc.paragraphs])
        seconds["ner"] += time.perf_counter() - start
        name = f"{path.stem}.json"
        (preds["miner"] / name).write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
        (preds["ner"] / name).write_text(json.dumps(record_of(entities), ensure_ascii=False), encoding="utf-8")
        entities["locations"] = spec_places(entities["locations"])
        (preds["ner_spec_places"] / name).write_text(
            json.dumps(record_of(entities), ensure_ascii=False), encoding="utf-8"
        )
    return {
        "documents": len(list(gold.glob("*.json"))),
        "kb": round(size / 1024),
        "kb_per_s": {k: round(size / 1024 / v, 1) for k, v in seconds.items()},
        "scores": {
            name: {f: s for f, s in score(gold, folder).items() if f in FIELDS} for name, folder in preds.items()
        },
    }


ROWS = {
    "miner": "miner (rules and gazetteers)",
    "ner": "underthesea ner",
    "ner_spec_places": "underthesea ner, places without level word",
}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", choices=("dev", "new", "both"), default="both")
    ap.add_argument("--json", type=Path, help="also write the figures to this file")
    args = ap.parse_args(argv)
    names = ("dev", "new") if args.set == "both" else (args.set,)
    results = {}
    for name in names:
        docs, gold = SETS[name]
        if not gold.is_dir():
            print(f"{name}: no gold folder {gold}, skipped", file=sys.stderr)
            continue
        result = results[name] = run_set(docs, gold)
        print(
            f"\n{name}: {result['documents']} documents, {result['kb']} KB; one core: miner "
            f"{result['kb_per_s']['miner']} KB/s, underthesea ner {result['kb_per_s']['ner']} KB/s"
        )
        print(f"{'P / R / F1':44} " + "  ".join(f"{f:>20}" for f in FIELDS))
        for row, label in ROWS.items():
            cells = [result["scores"][row][f] for f in FIELDS]
            print(
                f"{label:44} "
                + "  ".join(f"{c['precision']:.2f} / {c['recall']:.2f} / {c['f1']:.2f}".rjust(20) for c in cells)
            )
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
