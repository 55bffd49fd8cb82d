"""The organisations' scanner alone, the working tree against a git revision, in one run.

    python benchmarks/scanner_cpu.py [--against ceb054c] [--rounds 3] [--best-of 9] [--public 60]

The first pass over text new to a process is where organisations cost most (their paragraphs are
remembered across documents after it). This times that pass without the rest of extraction, in
three parts: finding the windows of every paragraph of the dev documents (../shared/corpus/docs
and ../shared/corpus/new/docs) and of the first --public public texts (`_windows`: the paragraph
lower-cased by `low`, then searched for the words a name starts with); tokenising those windows
(`tokenize`); reading them (`Scanner.mentions`, the tokens given). The text caches are emptied
before each part and the collector is off; CPU seconds, best of --best-of passes in a process.
Each round runs the working tree's and REV's miner in a fresh process each, one after the other;
prints the medians and their ratios (working tree / REV: above 1 is slower).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
from extract_cpu import documents, package_at, run_child  # noqa: E402
from same_output import public_texts  # noqa: E402

CHILD = """
import gc, json, sys, time
from pathlib import Path
from miner.locations import mostly_capitals
from miner.normalize import clear_text_caches
from miner.pipeline import build_record
from miner.readers import read_document
import miner.organizations.resolve as R
from miner.organizations.scanner import Scanner
from miner.organizations.words import tokenize
paths, best_of = json.loads(sys.argv[1]), int(sys.argv[2])
docs = [read_document(Path(p)) for p in paths]
build_record(docs[0])  # loads the tables and patterns
windows, reads = [], []
for doc in docs:
    for par in doc.paragraphs:
        text = par.text
        signature = R._SIGNATURE_RE.match(text)
        shouted = mostly_capitals(text) and not signature
        read = R._POST_UNIT_RE.sub(R._capitalise, text) if "rưởng " in text else text
        reads.append((read, signature.end() if signature else 0))
        windows += [(read[a:b], shouted) for a, b in R._windows(read, signature.end() if signature else 0)]
gc.disable()
found = tokens = scan = float("inf")
for _ in range(best_of):
    clear_text_caches()
    start = time.process_time()
    for read, first in reads:
        R._windows(read, first)
    found = min(found, time.process_time() - start)
    clear_text_caches()
    start = time.process_time()
    for text, _shouted in windows:
        tokenize(text)
    tokens = min(tokens, time.process_time() - start)
    clear_text_caches()
    scanners = [Scanner(text, shouted) for text, shouted in windows]
    start = time.process_time()
    for scanner in scanners:
        scanner.mentions()
    scan = min(scan, time.process_time() - start)
print(json.dumps({"windows": len(windows), "find windows": found, "tokenize": tokens, "scan": scan}))
"""


def run(source: Path, paths: list[str], best_of: int) -> dict:
    return run_child(source, CHILD, [json.dumps(paths), str(best_of)])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--against", default="main", help="git revision of miner to compare with")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--best-of", type=int, default=9, help="passes a process times, the best kept")
    ap.add_argument("--public", type=int, default=60, help="public texts read besides the dev documents")
    args = ap.parse_args(argv)
    paths = documents() + [str(p) for p in public_texts()[: args.public]]
    if not paths:
        print("scanner_cpu: no documents", file=sys.stderr)
        return 2
    runs: dict[str, list[dict]] = {"new": [], "old": []}
    with tempfile.TemporaryDirectory(prefix="scanner-cpu-") as tmp:
        sources = {"new": ROOT, "old": package_at(args.against, Path(tmp) / "old")}
        for n in range(args.rounds):
            for name, source in sources.items():
                runs[name].append(run(source, paths, args.best_of))
            new, old = runs["new"][-1], runs["old"][-1]
            print(
                f"round {n + 1}: find windows {new['find windows'] * 1000:.1f} / {old['find windows'] * 1000:.1f} ms, "
                f"tokenize {new['tokenize'] * 1000:.1f} / {old['tokenize'] * 1000:.1f} ms, "
                f"scan {new['scan'] * 1000:.1f} / {old['scan'] * 1000:.1f} ms (working tree / {args.against})",
                flush=True,
            )
    print(f"{len(paths)} documents, {runs['new'][0]['windows']} windows (working tree), {args.rounds} rounds")
    for part in ("find windows", "tokenize", "scan"):
        new = statistics.median(r[part] for r in runs["new"])
        old = statistics.median(r[part] for r in runs["old"])
        print(f"  {part:>12}: working tree {new * 1000:.1f} ms, {args.against} {old * 1000:.1f} ms: {new / old:.3f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
