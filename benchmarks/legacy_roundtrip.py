"""The real dev documents written in legacy codes and read back: what a user gets from an old
archive.

    python benchmarks/legacy_roundtrip.py [--docs ../shared/corpus/docs ../shared/corpus/new/docs]

Each document (its letters that the codes can write) is written as
- TCVN3 as the .VnTime fonts store it (VN3: capitals typed in a capitals font become lower-case codes),
- TCVN3 as glibc's `iconv -t TCVN5712-1` writes it (VN1: every capital has a code), when iconv is here,
- VNI and VISCII,
then read by `miner.readers.text.decode_text` and compared with the original: documents read back
exactly, documents refused (as binary or otherwise), letters whose case differs, words changed
beyond case, and VN3 list labels ("đ)") upper-cased.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

from miner.errors import MinerError  # noqa: E402
from miner.normalize import nfc  # noqa: E402
from miner.readers.legacy import VIETNAMESE_LETTERS, from_unicode  # noqa: E402
from miner.readers.text import decode_text  # noqa: E402

CAPITAL_LABEL_RE = re.compile(r"(?m)^\s*Đ[).]")  # "Đ) Quan hệ": a list label "đ)" upper-cased


def writable(text: str) -> str:
    """The text with what no legacy code writes (typographic quotes, dashes ...) as spaces."""
    return "".join(c if c.isascii() or c in VIETNAMESE_LETTERS else " " for c in nfc(text))


def encodings() -> dict[str, object]:
    found = {
        "tcvn3 (VN3, .VnTime)": lambda text: from_unicode(text, "tcvn3", capitals_font=True),
        "vni": lambda text: from_unicode(text, "vni"),
        "viscii": lambda text: from_unicode(text, "viscii"),
    }
    if shutil.which("iconv"):
        found["tcvn3 (VN1, iconv TCVN5712-1)"] = lambda text: (
            subprocess.run(
                ["iconv", "-f", "UTF-8", "-t", "TCVN5712-1"], input=text.encode(), capture_output=True, check=True
            ).stdout
        )
    return found


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--docs", type=Path, nargs="+", default=[SHARED / "corpus" / "docs", SHARED / "corpus" / "new" / "docs"]
    )
    args = ap.parse_args(argv)
    texts = {p.name: writable(p.read_text(encoding="utf-8")) for d in args.docs for p in sorted(d.glob("*.txt"))}
    print(f"{len(texts)} documents")
    print(f"{'written as':32} {'exact':>6} {'refused':>8} {'case diffs':>11} {'words changed':>14} {'labels up':>10}")
    for name, encode in encodings().items():
        exact = refused = case = changed = labels = 0
        for text in texts.values():
            try:
                read, _ = decode_text(encode(text))
            except MinerError:
                refused += 1
                continue
            read = read.replace("\r\n", "\n")
            exact += read == text
            if read.lower() == text.lower():
                case += sum(a != b for a, b in zip(read, text))
            else:
                changed += sum(a != b for a, b in zip(read.lower().split(), text.lower().split()))
            labels += max(0, len(CAPITAL_LABEL_RE.findall(read)) - len(CAPITAL_LABEL_RE.findall(text)))
        print(f"{name:32} {exact:>6} {refused:>8} {case:>11} {changed:>14} {labels:>10}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
