"""Markdown markup in paragraphs and in extracted facts: the .md reader against the line-based
reading it replaced, on the same texts in one run.

    python benchmarks/markdown_markup.py [--limit N] [--examples 5]

The texts are the 1,159 real .md files of ../shared/corpus/public/public-web.tar.xz (unpacked into
benchmarks/out/public-web). "before" is what miner read them as until the .md reader (the text
decoded, then `segment.split_paragraphs(text, markdown=True)`: "#" and whole "| a | b |" lines
only); "after" is `read_document`. For each: paragraphs that still hold markup (kinds below), the
values extracted by `build_record` that hold markup characters, the number of facts per field,
and the CPU seconds of reading.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from same_output import public_texts  # noqa: E402

from miner.document import Document, Paragraph  # noqa: E402
from miner.pipeline import build_record  # noqa: E402
from miner.readers import read_document  # noqa: E402
from miner.readers.text import decode_text  # noqa: E402
from miner.segment import split_paragraphs  # noqa: E402

# Markup a reader should not leave in a paragraph, by kind.
MARKUP = {
    "asterisks": re.compile(r"(?<![(\[])\*+|\*+(?![)\]])"),  # "**BỘ C****ÔNG**", "*Hà Nội*", not "(*)"
    "lone pipes": re.compile(r"^[|\s]+$"),  # "|", "| |"
    "edge pipe": re.compile(r"^\|(?!\s*$)|(?<!^)\|$"),  # "Luật số: 60/2024/QH15 |"
    "heading mark": re.compile(r"^#{1,6}(\s|$)"),
    "link or image": re.compile(r"\]\([^)]*\)|!\["),  # "[text](url)"
    "html tag": re.compile(r"</?(?:b|i|u|em|strong|span|div|p|br|a|font|sup|sub)\b[^>]*>", re.I),
    "backticks": re.compile(r"`"),
    "delimiter row": re.compile(r"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)+\|?$"),
}
# Characters of markup in an extracted value (a name, a title, a subject ...).
VALUE_MARKUP_RE = re.compile(r"\*|\||`|^#|\]\(")


def before(path: Path) -> Document:
    """The reading the .md reader replaced."""
    text, encoding = decode_text(path.read_bytes(), path)
    paragraphs: list[Paragraph] = split_paragraphs(text, markdown=True)
    return Document(path=str(path), format="md", paragraphs=tuple(paragraphs), encoding=encoding)


def after(path: Path) -> Document:
    return read_document(path)


def values(record: dict) -> list[str]:
    """Every string the record extracted (spans left out)."""
    out: list[str] = []

    def walk(value: object, key: str = "") -> None:
        if key == "spans":
            return
        if isinstance(value, str):
            out.append(value)
        elif isinstance(value, dict):
            for k, v in value.items():
                walk(v, k)
        elif isinstance(value, (list, tuple)):
            for v in value:
                walk(v)

    walk(record)
    return out


def measure(paths: list[Path], read, examples: int) -> dict:
    found = {
        "paragraphs": 0,
        "markup": Counter(),
        "with_markup": 0,
        "values": 0,
        "value_markup": 0,
        "facts": Counter(),
        "examples": {},
        "value_examples": [],
        "read_seconds": 0.0,
    }
    for path in paths:
        start = time.process_time()
        doc = read(path)
        found["read_seconds"] += time.process_time() - start
        for paragraph in doc.paragraphs:
            found["paragraphs"] += 1
            kinds = [kind for kind, pattern in MARKUP.items() if pattern.search(paragraph.text)]
            found["with_markup"] += bool(kinds)
            for kind in kinds:
                found["markup"][kind] += 1
                shown = found["examples"].setdefault(kind, [])
                if len(shown) < examples:
                    shown.append(f"{path.name}: {paragraph.text[:100]}")
        record = build_record(doc).to_dict()
        for field, value in record.items():
            if isinstance(value, list):
                found["facts"][field] += len(value)
            elif value is not None:
                found["facts"][field] += 1
        for value in values(record):
            found["values"] += 1
            if VALUE_MARKUP_RE.search(value):
                found["value_markup"] += 1
                if len(found["value_examples"]) < examples:
                    found["value_examples"].append(f"{path.name}: {value[:100]}")
    return found


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=0, help="only the first N texts (0: all)")
    ap.add_argument("--examples", type=int, default=3, help="examples shown per kind of markup")
    args = ap.parse_args(argv)
    paths = [p for p in public_texts() if p.suffix == ".md"]
    if args.limit:
        paths = paths[: args.limit]
    size = sum(p.stat().st_size for p in paths)
    results = {"before": measure(paths, before, args.examples), "after": measure(paths, after, args.examples)}
    print(f"{len(paths)} public .md texts, {size / 2**20:.1f} MB")
    print(f"{'':32} {'before':>10} {'after':>10}")
    b, a = results["before"], results["after"]
    print(f"{'paragraphs':32} {b['paragraphs']:>10} {a['paragraphs']:>10}")
    print(f"{'paragraphs with markup':32} {b['with_markup']:>10} {a['with_markup']:>10}")
    for kind in MARKUP:
        print(f"{'  ' + kind:32} {b['markup'][kind]:>10} {a['markup'][kind]:>10}")
    print(f"{'extracted values':32} {b['values']:>10} {a['values']:>10}")
    print(f"{'  with markup characters':32} {b['value_markup']:>10} {a['value_markup']:>10}")
    for field in sorted(set(b["facts"]) | set(a["facts"])):
        print(f"{'  facts: ' + field:32} {b['facts'][field]:>10} {a['facts'][field]:>10}")
    print(f"{'reading, CPU s':32} {b['read_seconds']:>10.1f} {a['read_seconds']:>10.1f}")
    for name, found in results.items():
        for kind, shown in found["examples"].items():
            for line in shown:
                print(f"{name} {kind}: {line}")
        for line in found["value_examples"]:
            print(f"{name} value: {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
