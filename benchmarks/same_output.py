"""Check that a speed change leaves extraction's output as it was: records of a fixed set of
documents, saved once, then compared whole.

    python benchmarks/same_output.py --save /tmp/before.jsonl   # on the old code
    python benchmarks/same_output.py --against /tmp/before.jsonl  # on the new code

The set: the real documents with gold (../shared/corpus/docs and ../shared/corpus/new, when
present), the three invented held-out sets, the first --public texts of
../shared/corpus/public/public-web.tar.xz (unpacked into benchmarks/out/public-web) and the first
--synthetic documents of benchmarks/out/archive-s1-n2000 (made by `benchmarks/synthetic.py` when
missing). Exit status 1 and the differing fields when a record
changed; the seconds of extraction of both runs are printed, so the speed-up is measured on the
same documents in the same breath.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

from miner.pipeline import build_record  # noqa: E402
from miner.readers import read_document  # noqa: E402

ARCHIVE = ROOT / "benchmarks" / "out" / "archive-s1-n2000"
PUBLIC_TAR = SHARED / "corpus" / "public" / "public-web.tar.xz"
PUBLIC = ROOT / "benchmarks" / "out" / "public-web"


def public_texts() -> list[Path]:
    """The public texts, unpacked once into benchmarks/out/public-web, in name order ([] without the archive)."""
    if not PUBLIC.is_dir():
        if not PUBLIC_TAR.is_file():
            return []
        PUBLIC.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(["tar", "-xJf", str(PUBLIC_TAR), "-C", str(PUBLIC.parent)], check=True)
    return sorted(p for p in PUBLIC.iterdir() if p.is_file())


def documents(synthetic: int, public: int = 0) -> Iterator[Path]:
    """The fixed set, in a stable order."""
    folders = [SHARED / "corpus" / "docs", SHARED / "corpus" / "new" / "docs"]
    folders += [ROOT / "benchmarks" / name / "docs" for name in ("heldout", "heldout2", "heldout3")]
    for folder in folders:
        if folder.is_dir():
            yield from sorted(p for p in folder.iterdir() if p.is_file())
    if public:
        yield from public_texts()[:public]
    if synthetic:
        if not ARCHIVE.is_dir():
            subprocess.run(
                [sys.executable, str(ROOT / "benchmarks" / "synthetic.py"), str(ARCHIVE), "--docs", "2000"],
                check=True,
            )
        yield from sorted(p for p in ARCHIVE.rglob("*") if p.suffix in {".txt", ".docx"})[:synthetic]


def records(synthetic: int, public: int = 0) -> tuple[dict[str, dict], float]:
    """Each document's record as a dict, by path relative to the repo's parent; seconds spent extracting."""
    out, seconds = {}, 0.0
    for path in documents(synthetic, public):
        doc = read_document(path)
        start = time.process_time()
        record = build_record(doc)
        seconds += time.process_time() - start
        out[_name(path)] = json.loads(json.dumps(record.to_dict(), ensure_ascii=False))
    return out, seconds


def _name(path: Path) -> str:
    """A document's name in the saved file, the same from any checkout: "shared/..." or "repo/..."."""
    for prefix, base in (("repo", ROOT), ("shared", SHARED)):
        if path.is_relative_to(base):
            return f"{prefix}/{path.relative_to(base)}"
    return str(path)


def differences(before: dict[str, dict], after: dict[str, dict]) -> list[str]:
    """One line per document and field that differs."""
    lines = []
    for name in sorted(before.keys() | after.keys()):
        old, new = before.get(name), after.get(name)
        if old is None or new is None:
            lines.append(f"{name}: only in the {'new' if old is None else 'saved'} run")
            continue
        for field in sorted(old.keys() | new.keys()):
            if old.get(field) != new.get(field):
                lines.append(
                    f"{name}: {field}\n  saved: {json.dumps(old.get(field), ensure_ascii=False)[:600]}"
                    f"\n  now:   {json.dumps(new.get(field), ensure_ascii=False)[:600]}"
                )
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    group = ap.add_mutually_exclusive_group(required=True)
    group.add_argument("--save", type=Path, help="write the records (JSON lines) here")
    group.add_argument("--against", type=Path, help="compare with records saved earlier")
    ap.add_argument("--synthetic", type=int, default=300, help="how many synthetic archive documents")
    ap.add_argument("--public", type=int, default=200, help="how many public real texts (0: none)")
    args = ap.parse_args(argv)
    now, seconds = records(args.synthetic, args.public)
    if args.save:
        with args.save.open("w", encoding="utf-8") as out:
            out.write(json.dumps({"seconds": seconds}) + "\n")
            for name, record in now.items():
                out.write(json.dumps({"name": name, "record": record}, ensure_ascii=False) + "\n")
        print(f"{len(now)} records saved to {args.save}; extraction {seconds:.2f} CPU s")
        return 0
    lines = args.against.read_text(encoding="utf-8").splitlines()
    saved_seconds = json.loads(lines[0])["seconds"]
    saved = {row["name"]: row["record"] for row in map(json.loads, lines[1:])}
    diff = differences(saved, now)
    print("\n".join(diff[:40]))
    print(
        f"{len(now)} records, {len(diff)} differences; extraction {saved_seconds:.2f} -> {seconds:.2f} CPU s "
        f"({saved_seconds / seconds:.2f}x)"
    )
    return 1 if diff else 0


if __name__ == "__main__":
    sys.exit(main())
