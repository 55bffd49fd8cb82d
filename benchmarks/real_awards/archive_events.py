"""Award events on the whole public archive: how many, on which pages (precision at archive scale).

    python benchmarks/real_awards/archive_events.py [--save F] [--against F]

Extracts every text of ../shared/corpus/public/public-web.tar.xz (1,159 pages: decrees, decisions,
legal Q&A, encyclopedia and news pages; none of them grants or proposes an award, see README.md)
and prints the number of award events and the pages they come from, each event on a line.
--save writes {page: [events]} as JSON; --against compares with such a file and prints the events
gained and lost.
"""

from __future__ import annotations

import argparse
import json
import sys
import tarfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
ARCHIVE = ROOT.parent / "shared" / "corpus" / "public" / "public-web.tar.xz"
sys.path.insert(0, str(ROOT))

from miner.pipeline import build_record  # noqa: E402
from miner.readers import read_document  # noqa: E402


def events() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    with tarfile.open(ARCHIVE, "r:xz") as archive:
        for member in archive:
            if not member.isfile():
                continue
            name = member.name.rsplit("/", 1)[-1]
            record = build_record(read_document(Path(name), data=archive.extractfile(member).read()))
            out[name] = [f"{a.award} -> {a.recipient} ({a.grantor}, {a.year}, {a.status})" for a in record.awards]
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--save", type=Path)
    ap.add_argument("--against", type=Path)
    args = ap.parse_args(argv)
    found = events()
    pages = {k: v for k, v in found.items() if v}
    print(f"{len(found)} pages, {sum(map(len, pages.values()))} award events on {len(pages)} pages")
    for page, listed in sorted(pages.items()):
        for event in listed:
            print(f"  {page}: {event}")
    if args.save:
        args.save.write_text(json.dumps(found, ensure_ascii=False, indent=1), encoding="utf-8")
    if args.against:
        before = json.loads(args.against.read_text(encoding="utf-8"))
        for page in sorted(set(before) | set(found)):
            old, new = set(before.get(page, [])), set(found.get(page, []))
            for event in sorted(new - old):
                print(f"+ {page}: {event}")
            for event in sorted(old - new):
                print(f"- {page}: {event}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
