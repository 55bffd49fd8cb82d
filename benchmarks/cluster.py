"""One archive through `miner ingest` three ways in one run: `--workers 2`, `--dask local:1`, `--dask local:2`.

    python benchmarks/cluster.py [--archive dev|public|synthetic] [--docs 2000] [--scans] [--rounds 1]
                                 [--modes "workers:2,dask:local:1,dask:local:2"] [--scan-modes ...]

For each way, a fresh database: the text archive (`dev`: the dev corpus copied 20 times with its
numbers redrawn, benchmarks/real_archive.py; `public`: the 1,159 public texts; `synthetic`: the
first --docs documents of benchmarks/synthetic.py's archive) timed end to end as a user runs it
(documents/s, MB of paragraph text/s, the CPU seconds of the command and everything it started over
the wall seconds: the cores kept busy); then, with --scans, the scanned PDFs of ../shared/corpus/raw
and one long scan made of all their pages (OCR pages/s, CPU seconds a page), each way with a
scan's pages as tasks of their own (the default) and `--workers 2` reading each file in one task
(`--split-pages 0`) beside it. Beside them, the writer's ceiling on the same documents (benchmarks/writer_speed.py:
MB of text one core stores per second; no cluster ingests faster) and how many workers it feeds
(the ceiling over one worker's MB/s). The databases of the ways are compared whole
(`store.contents`): they must be equal. Prints a table and writes
benchmarks/out/cluster-{archive}.json.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "out"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import real_archive  # noqa: E402
import reaper  # noqa: E402
from archive_scale import archive as synthetic_archive  # noqa: E402
from archive_scale import miner_command  # noqa: E402

RAW = ROOT.parent / "shared" / "corpus" / "raw"


def text_archive(name: str, docs: int) -> Path:
    if name == "dev":
        return real_archive.dev_copies(20, 1)
    if name == "public":
        return real_archive.public_web()
    return synthetic_archive(docs, 1)


def scans(folder: Path) -> Path:
    """The scanned PDFs of the raw corpus (no text layer) copied into `folder`, and `long-scan.pdf`:
    all their pages in one PDF (a long scan, which one task would OCR a page after another)."""
    import pypdfium2

    folder.mkdir(parents=True, exist_ok=True)
    long_scan = pypdfium2.PdfDocument.new()
    for pdf in sorted(RAW.glob("*.pdf")):
        doc = pypdfium2.PdfDocument(pdf)
        if not any(doc[i].get_textpage().get_text_range().strip() for i in range(len(doc))):
            shutil.copy(pdf, folder / pdf.name)
            long_scan.import_pages(doc)
        doc.close()
    long_scan.save(folder / "long-scan.pdf")
    long_scan.close()
    return folder


def mode_args(mode: str) -> list[str]:
    """ "workers:2" -> --workers 2, "dask:local:2" -> --dask local:2; "/whole" after it: --split-pages 0."""
    mode, whole, _ = mode.partition("/whole")
    kind, _, value = mode.partition(":")
    return (["--workers", value] if kind == "workers" else ["--dask", value]) + (
        ["--split-pages", "0"] if whole else []
    )


def ingest(paths: list[Path], db: Path, mode: str) -> dict:
    """One `miner ingest` into a fresh `db`: wall and CPU seconds (the command and all it started)."""
    for suffix in ("", "-wal", "-shm", ".lock"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(
        [*miner_command(), "ingest", *map(str, paths), "--db", str(db), *mode_args(mode)],
        capture_output=True,
        text=True,
    )
    wall = time.perf_counter() - start
    reaper.reap()  # the server that forked the workers, and with it their CPU time
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"miner ingest failed ({proc.returncode}):\n{proc.stderr[-3000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    conn = sqlite3.connect(db)
    docs, mb = conn.execute(
        "select count(*), coalesce(sum(length(cast(text as blob))), 0) / 1048576.0 from "
        "(select d.id, p.text from documents d join paragraphs p on p.document_id = d.id)"
    ).fetchone()
    docs = conn.execute("select count(*) from documents").fetchone()[0]
    ocr_paths = [r[0] for r in conn.execute("select path from documents where ocr = 1")]
    conn.close()
    return {
        "summary": proc.stdout.strip(),
        "wall_s": round(wall, 2),
        "cpu_s": round(cpu, 2),
        "documents": docs,
        "text_mb": round(mb, 3),
        "ocr_documents": len(ocr_paths),
        "ocr_paths": ocr_paths,
    }


def pages(paths: list[str]) -> int:
    import pypdfium2

    total = 0
    for p in paths:
        doc = pypdfium2.PdfDocument(p)
        total += len(doc)
        doc.close()
    return total


def same(a: Path, b: Path) -> bool:
    from miner import store

    dbs = [store.open_db(a), store.open_db(b)]
    try:
        return store.contents(dbs[0]) == store.contents(dbs[1])
    finally:
        for db in dbs:
            db.close()


def writer_ceiling(name: str, docs: int) -> float:
    """MB of text per CPU second of the writer alone on the same documents (writer_speed.py, one round)."""
    import writer_speed

    from miner import store

    results = writer_speed.extracted(name, docs, 1, os.cpu_count() or 1)
    mb = sum(len(p.text.encode("utf-8")) for r in results for p in r[2].paragraphs) / 2**20
    sent = writer_speed.messages(store, results)
    with tempfile.TemporaryDirectory(prefix="writer-") as tmp:
        seconds = min(writer_speed.save_all(store, sent, Path(tmp) / "w.db") for _ in range(2))
    return mb / seconds


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--archive", choices=("dev", "public", "synthetic"), default="dev")
    ap.add_argument("--docs", type=int, default=2000, help="documents of the synthetic archive")
    ap.add_argument("--scans", action="store_true", help="also ingest the scanned PDFs of ../shared/corpus/raw")
    ap.add_argument("--rounds", type=int, default=1)
    ap.add_argument("--modes", default="workers:2,dask:local:1,dask:local:2")
    ap.add_argument(
        "--scan-modes",
        default="workers:2/whole,workers:2,dask:local:2",
        help="the ways the scans are ingested ('/whole': --split-pages 0)",
    )
    args = ap.parse_args(argv)
    reaper.adopt_orphans()
    OUT.mkdir(parents=True, exist_ok=True)
    folder = text_archive(args.archive, args.docs)
    modes = args.modes.split(",")
    load_before = [round(x, 2) for x in os.getloadavg()]
    runs: dict[str, list[dict]] = {m: [] for m in modes}
    scan_runs: dict[str, dict] = {}
    with tempfile.TemporaryDirectory(prefix="cluster-") as tmp:
        tmp = Path(tmp)
        scan_folder = scans(tmp / "scans") if args.scans and RAW.is_dir() else None
        for _ in range(args.rounds):
            for mode in modes:
                runs[mode].append(ingest([folder], tmp / f"{mode.replace(':', '-')}.db", mode))
        equal = all(
            same(tmp / f"{modes[0].replace(':', '-')}.db", tmp / f"{m.replace(':', '-')}.db") for m in modes[1:]
        )
        if scan_folder is not None:
            for mode in args.scan_modes.split(","):
                name = mode.replace(":", "-").replace("/", "-")
                scan_runs[mode] = ingest([scan_folder], tmp / f"scans-{name}.db", mode)
                scan_runs[mode]["pages"] = pages(scan_runs[mode].pop("ocr_paths"))
                scan_runs[mode]["long_scan"] = ingest([scan_folder / "long-scan.pdf"], tmp / f"long-{name}.db", mode)
                scan_runs[mode]["long_scan"]["pages"] = pages(scan_runs[mode]["long_scan"].pop("ocr_paths"))
            scan_names = [m.replace(":", "-").replace("/", "-") for m in scan_runs]
            scans_equal = all(same(tmp / f"scans-{scan_names[0]}.db", tmp / f"scans-{n}.db") for n in scan_names[1:])
            equal = equal and scans_equal
    ceiling = writer_ceiling(args.archive, args.docs)
    rows = {}
    for mode in modes:
        walls = [r["wall_s"] for r in runs[mode]]
        best = runs[mode][walls.index(min(walls))]
        best.pop("ocr_paths", None)
        row = {
            **best,
            "median_wall_s": statistics.median(walls),
            "docs_per_s": round(best["documents"] / best["wall_s"], 1),
            "mb_per_s": round(best["text_mb"] / best["wall_s"], 3),
            "cores_busy": round(best["cpu_s"] / best["wall_s"], 2),
        }
        rows[mode] = row
    # A busy worker core's speed: MB of text per CPU second of the whole run (the writer's share
    # included, so the estimate errs low), the same whatever the load of the machine.
    one_worker = min(rows[m]["text_mb"] / rows[m]["cpu_s"] for m in modes if rows[m]["cpu_s"])
    report = {
        "command": "python benchmarks/cluster.py " + " ".join(argv if argv is not None else sys.argv[1:]),
        "archive": str(folder),
        "load_average": [load_before, [round(x, 2) for x in os.getloadavg()]],
        "runs": rows,
        "same_database": equal,
        "writer_mb_per_cpu_s": round(ceiling, 2),
        "mb_per_cpu_s": round(one_worker, 2),
        "workers_one_writer_feeds": round(ceiling / one_worker, 1),
    }
    print(f"archive {args.archive}: {folder}; load {report['load_average'][0]} -> {report['load_average'][1]}")
    print("| way | documents/s | MB/s | cores busy | CPU s per MB |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for mode, row in rows.items():
        print(
            f"| `{' '.join(mode_args(mode))}` | {row['docs_per_s']} | {row['mb_per_s']} | {row['cores_busy']} | "
            f"{round(row['cpu_s'] / row['text_mb'], 2) if row['text_mb'] else '-'} |"
        )
    if scan_runs:
        print("| scans | OCR pages | wall s | OCR pages/s | CPU s a page | long scan: pages | wall s | pages/s |")
        print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
        for mode, s in scan_runs.items():
            long = s["long_scan"]
            s["pages_per_s"] = round(s["pages"] / s["wall_s"], 3) if s["pages"] else None
            s["cpu_s_per_page"] = round(s["cpu_s"] / s["pages"], 2) if s["pages"] else None
            long["pages_per_s"] = round(long["pages"] / long["wall_s"], 3) if long["pages"] else None
            print(
                f"| `{' '.join(mode_args(mode))}` | {s['pages']} | {s['wall_s']} | {s['pages_per_s']} | "
                f"{s['cpu_s_per_page']} | {long['pages']} | {long['wall_s']} | {long['pages_per_s']} |"
            )
        report["scans"] = scan_runs
    print(f"same database every way: {equal}")
    print(
        f"the writer alone: {ceiling:.2f} MB/s of text on one core; a busy worker core reads and extracts "
        f"{one_worker:.2f} MB/s (text per CPU second of the whole run), so one writer feeds about "
        f"{report['workers_one_writer_feeds']} busy worker cores of this machine's speed"
    )
    out = OUT / f"cluster-{args.archive}.json"
    out.write_text(json.dumps(report, indent=2, ensure_ascii=False))
    print(f"written: {out.relative_to(ROOT)}")
    return 0 if equal else 1


if __name__ == "__main__":
    sys.exit(main())
