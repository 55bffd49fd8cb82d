"""Extraction speed on the dev set, beside underthesea's NER on a sample of the same text.

    python benchmarks/extract_speed.py [--docs ../shared/corpus/docs] [--repeat 3] [--ner-kb 20]

Reading is not timed (extraction only, one core, best of --repeat runs). underthesea's `ner`
runs on the first --ner-kb KB of paragraphs of the same documents, as the baseline.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from miner.pipeline import build_record  # noqa: E402
from miner.readers import read_document  # noqa: E402


def kb(text: str) -> float:
    return len(text.encode("utf-8")) / 1024


def time_extraction(docs, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for doc in docs:
            build_record(doc)
        best = min(best, time.perf_counter() - start)
    return best


def time_ner(paragraphs: list[str], budget_kb: float) -> tuple[float, float]:
    from underthesea import ner

    sample, size = [], 0.0
    for text in paragraphs:
        if size >= budget_kb:
            break
        sample.append(text)
        size += kb(text)
    ner("Khởi động.")  # load the model outside the timing
    start = time.perf_counter()
    for text in sample:
        ner(text)
    return size, time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=Path, default=ROOT.parent / "shared" / "corpus" / "docs")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--ner-kb", type=float, default=20.0)
    ap.add_argument("--json", type=Path, help="also write the figures to this file")
    args = ap.parse_args(argv)
    docs = [read_document(p) for p in sorted(args.docs.iterdir()) if p.is_file()]
    total_kb = sum(kb(d.text) for d in docs)
    build_record(docs[0])  # warm caches (gazetteers, compiled patterns)
    seconds = time_extraction(docs, args.repeat)
    ner_kb, ner_seconds = time_ner([p.text for d in docs for p in d.paragraphs], args.ner_kb)
    figures = {
        "documents": len(docs),
        "text_kb": round(total_kb, 1),
        "extract_seconds": round(seconds, 3),
        "extract_kb_per_s": round(total_kb / seconds, 1),
        "ner_sample_kb": round(ner_kb, 1),
        "ner_seconds": round(ner_seconds, 3),
        "ner_kb_per_s": round(ner_kb / ner_seconds, 2),
    }
    figures["ratio"] = round(figures["extract_kb_per_s"] / figures["ner_kb_per_s"], 1)
    print(f"{'':28}{'KB':>8}{'seconds':>10}{'KB/s':>10}")
    print(f"{'miner extraction (1 core)':28}{total_kb:8.0f}{seconds:10.2f}{figures['extract_kb_per_s']:10.0f}")
    print(f"{'underthesea ner (baseline)':28}{ner_kb:8.0f}{ner_seconds:10.2f}{figures['ner_kb_per_s']:10.1f}")
    print(f"miner extraction is {figures['ratio']}x underthesea's NER throughput; bar: >= 200 KB/s")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
