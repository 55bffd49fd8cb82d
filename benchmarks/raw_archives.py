"""What `miner extract` finds in each real old-archive file (scans, Word 97, .docx), and the OCR time.

    python benchmarks/raw_archives.py [--raw ../shared/corpus/raw] [--ocr auto|always|never] [--json OUT]
                                      [--no-handwriting]

For each file: the format, pages, whether it was OCR'd and the mean word confidence, the seconds
to read it and per page (OCR included: rasterising at 300 dpi, Tesseract, number re-reading),
the document's own symbol and issued date, the number of paragraphs and cited documents, and
the award types.
`--no-handwriting` reads as without the hand-writing recogniser (miner/readers/handwriting.py), to see
what it adds and what it costs.
The expected symbol and date come from raw/SOURCES.tsv's "topic" column ("QĐ 68/QĐ-UBND tỉnh Hải
Dương 10/01/2011 ...") where it names them, to show at a glance which hand-written numbers and
dates were read.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from miner.pipeline import build_record  # noqa: E402
from miner.readers import (  # noqa: E402
    ReadOptions,
    handwriting,
    read_document,
)

_TOPIC_SYMBOL_RE = re.compile(r"\b(\d+/[A-ZĐ][\w-]*)")
_TOPIC_DATE_RE = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")


def expected_values(raw: Path) -> dict[str, tuple[str | None, str | None]]:
    """The symbol and the ISO date SOURCES.tsv's topic names for each file, when it names them."""
    with (raw / "SOURCES.tsv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    found = {}
    for row in rows:
        symbol = _TOPIC_SYMBOL_RE.search(row["topic"])
        date = _TOPIC_DATE_RE.search(row["topic"])
        iso = f"{date.group(3)}-{int(date.group(2)):02d}-{int(date.group(1)):02d}" if date else None
        found[row["file"]] = (symbol.group(1) if symbol else None, iso)
    return found


def page_count(path: Path) -> int:
    """Pages of a PDF (1 for other formats)."""
    if path.suffix.lower() != ".pdf":
        return 1
    import pypdfium2 as pdfium

    from miner.readers.ocr import pdf_bytes

    pdf = pdfium.PdfDocument(pdf_bytes(path))
    try:
        return len(pdf)
    finally:
        pdf.close()


def measure(path: Path, options: ReadOptions) -> dict:
    """Read and extract one file, timing the reading."""
    started = time.perf_counter()
    doc = read_document(path, options=options)
    seconds = time.perf_counter() - started
    record = build_record(doc).to_dict()
    pages = page_count(path)
    return {
        "file": path.name,
        "format": doc.format,
        "pages": pages,
        "ocr": doc.ocr,
        "ocr_confidence": doc.ocr_confidence,
        "encoding": doc.encoding,
        "read_seconds": round(seconds, 2),
        "seconds_per_page": round(seconds / pages, 2),
        "symbol": record["symbol"],
        "issued_date": record["issued_date"],
        "paragraphs": len(doc.paragraphs),
        "legal_refs": [ref["symbol"] for ref in record["legal_refs"] if ref["symbol"]],
        "award_types": record["award_types"],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--raw", type=Path, default=ROOT.parent / "shared" / "corpus" / "raw")
    parser.add_argument("--ocr", choices=["auto", "always", "never"], default="auto")
    parser.add_argument("--json", type=Path, help="Also write the rows as JSON to this file.")
    parser.add_argument("--no-handwriting", action="store_true", help="Read as without the hand-writing recogniser.")
    args = parser.parse_args()
    if args.no_handwriting:
        handwriting.available = lambda: False  # what miner.readers.ocr asks before using it
    if not args.raw.is_dir():
        sys.exit(f"no raw archive files at {args.raw}")
    expected = expected_values(args.raw)
    rows = []
    for path in sorted(p for p in args.raw.iterdir() if p.name in expected):
        row = measure(path, ReadOptions(ocr=args.ocr))
        row["expected_symbol"], row["expected_date"] = expected[path.name]
        rows.append(row)
    header = (
        f"{'file':48} {'fmt':4} {'pg':>2} {'conf':>5} {'s/page':>6} {'paras':>5} {'refs':>4}  "
        f"{'symbol (expected)':30} issued_date (expected)"
    )
    print(header)
    print("-" * len(header))
    for row in rows:
        confidence = f"{row['ocr_confidence']:.1f}" if row["ocr_confidence"] is not None else "-"
        symbol = f"{row['symbol'] or '-'} ({row['expected_symbol'] or '?'})"
        date = f"{row['issued_date'] or '-'} ({row['expected_date'] or '?'})"
        print(
            f"{row['file']:48} {row['format']:4} {row['pages']:>2} {confidence:>5} {row['seconds_per_page']:>6.2f} "
            f"{row['paragraphs']:>5} {len(row['legal_refs']):>4}  {symbol:30} {date}"
        )
    print()
    for row in rows:
        print(f"{row['file']}: award types {', '.join(row['award_types']) or '-'}")
        print(f"    cited: {', '.join(row['legal_refs']) or '-'}")
    ocr_pages = [(r["read_seconds"], r["pages"]) for r in rows if r["ocr"]]
    if ocr_pages:
        total = sum(s for s, _ in ocr_pages) / sum(p for _, p in ocr_pages)
        recogniser = "with" if handwriting.available() else "without"
        print(
            f"\nOCR: {sum(p for _, p in ocr_pages)} pages, {total:.2f} s a page on average (one core), "
            f"{recogniser} the hand-writing recogniser"
        )
    if args.json:
        args.json.write_text(json.dumps(rows, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
