"""What ingest costs without extraction: the floor under the throughput bars of issue 5.

    python benchmarks/ingest_floor.py [--docs 2000] [--seed 1] [--rounds 2] [--ner-kb 10]

On the synthetic archive (benchmarks/synthetic.py), in this one process (no workers, so that the
CPU seconds are all counted), each round measures the CPU seconds per MB of paragraph text of:
- read: hashing, reading and folding each file, as a worker does before extraction;
- read + store: `miner.ingest.ingest` with an extraction that finds nothing (each document is
  saved with its paragraphs and their full-text rows, and an empty record);
- full: `miner.ingest.ingest` as `miner ingest --workers 0` runs it.
The difference of the last two is extraction, the rest is the floor that any extraction adds to.
Then underthesea's `ner` throughput on a sample of the same text (one core), and what the floor
allows: the MB per second a core could ingest with extraction free, and that as a multiple of `ner`.
Writes benchmarks/out/ingest-floor-s{seed}-n{docs}.json.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "out"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from archive_scale import archive, ner_baseline  # noqa: E402

from miner import store  # noqa: E402
from miner.ingest import FailedFile, Options, ProcessedFile, Task, ingest, iter_files, process_task, read_task  # noqa: E402
from miner.normalize import fold  # noqa: E402
from miner.readers import read_document  # noqa: E402
from miner.record import Header, Record  # noqa: E402


def read_only(task: Task) -> ProcessedFile:
    """What a worker does before extraction: read the file's bytes and fold each paragraph."""
    document = read_document(task.path, data=task.data, max_bytes=len(task.data), options=task.read)
    folded = tuple(fold(p.text) for p in document.paragraphs)
    rows = store.document_rows(document, Record(Header()), folded)
    return ProcessedFile(file=task.file, sha256=task.sha256, rows=rows)


def files(folder: Path) -> list[Path]:
    return list(iter_files([folder]))


def text_mb(folder: Path) -> float:
    """MB (2**20 bytes, UTF-8) of paragraph text in the archive, as archive_scale counts it."""
    return sum(len(p.text.encode("utf-8")) for path in files(folder) for p in read_document(path).paragraphs) / 2**20


def cpu_read(folder: Path) -> float:
    start = time.process_time()
    for path in files(folder):
        task = read_task(path)
        if not isinstance(task, FailedFile):
            read_only(task)
    return time.process_time() - start


def cpu_ingest(folder: Path, process) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        db = store.open_db(Path(tmp) / "floor.db")
        start = time.process_time()
        summary = ingest(db, [folder], options=Options(workers=0), process=process)
        seconds = time.process_time() - start
        db.close()
    if summary.failed:
        raise SystemExit(f"{summary.failed} files failed: the archive is not what this benchmark expects")
    return seconds


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--ner-kb", type=float, default=10.0)
    args = ap.parse_args(argv)

    folder = archive(args.docs, args.seed)
    mb = text_mb(folder)
    stages = {
        "read": lambda: cpu_read(folder),
        "read + store": lambda: cpu_ingest(folder, read_only),
        "full": lambda: cpu_ingest(folder, process_task),
    }
    seconds: dict[str, list[float]] = {name: [] for name in stages}
    for round_ in range(args.rounds):
        for name, run in stages.items():
            seconds[name].append(run())
            print(f"round {round_ + 1}: {name:13} {seconds[name][-1] / mb:.3f} CPU s/MB", flush=True)
    per_mb = {name: round(statistics.median(s) / mb, 3) for name, s in seconds.items()}
    ner = ner_baseline(folder, args.ner_kb)
    floor = per_mb["read + store"]
    ceiling_kb = 1024 / floor  # KB per CPU second with extraction free
    result = {
        "command": "python benchmarks/ingest_floor.py " + " ".join(argv if argv is not None else sys.argv[1:]),
        "documents": len(files(folder)),
        "text_mb": round(mb, 2),
        "cpu_s_per_mb": per_mb,
        "extraction_cpu_s_per_mb": round(per_mb["full"] - floor, 3),
        "store_cpu_s_per_mb": round(floor - per_mb["read"], 3),
        "ner": ner,
        "ceiling_mb_per_core_s": round(1 / floor, 3),
        "ceiling_times_ner": round(ceiling_kb / ner["kb_per_s"], 1),
        "full_times_ner": round(1024 / per_mb["full"] / ner["kb_per_s"], 1),
        "load_average": [round(x, 2) for x in os.getloadavg()],
    }
    print(f"\n{result['documents']} documents, {mb:.1f} MB of text; CPU seconds per MB (median of {args.rounds}):")
    for name, value in per_mb.items():
        print(f"  {name:13} {value:.3f}")
    print(f"  so extraction {result['extraction_cpu_s_per_mb']:.3f}, storing {result['store_cpu_s_per_mb']:.3f}")
    print(f"underthesea ner: {ner['kb_per_s']} KB/s on {ner['sample_kb']} KB (one core)")
    print(
        f"a core, with extraction free: {result['ceiling_mb_per_core_s']:.2f} MB/s = "
        f"{result['ceiling_times_ner']:.0f}x ner; with extraction: {result['full_times_ner']:.0f}x ner"
    )
    out = OUT / f"ingest-floor-s{args.seed}-n{args.docs}.json"
    out.write_text(json.dumps(result, ensure_ascii=False, indent=2))
    print(f"written: {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
