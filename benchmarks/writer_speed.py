"""The writer alone: ready records in, committed rows out, in MB of text per CPU second of one core.

    python benchmarks/writer_speed.py [--archive synthetic|dev|public] [--docs 2000] [--seed 1]
                                      [--rounds 3] [--against REV]

The documents of an archive are read and extracted once and kept under benchmarks/out/: the
synthetic archive (benchmarks/synthetic.py, its first --docs documents), the dev corpus copied 20
times with its numbers redrawn (`dev`, benchmarks/real_archive.py) or the public texts (`public`).
Each round then hands the writer every result as a worker sends it (pickled) and times, in CPU
seconds of this process, what `miner ingest`'s writer does with them: load each result, save it
in batched transactions into a fresh database, build what is built at the end, checkpoint. Once
with the working tree's store (results as `store.DocumentRows`, the first ingest's `BulkLoad`)
and once with miner/store.py of git revision REV (default HEAD; results as the Document and
Record that `store.save` takes), alternately, so that both meet the same load. Prints MB of text
per CPU second (the writer's ceiling: no cluster ingests faster than it writes) and the ratio;
writes benchmarks/out/writer-speed-{archive}.json.
"""

from __future__ import annotations

import argparse
import gc
import importlib.util
import json
import os
import pickle
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "out"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import real_archive  # noqa: E402
from archive_scale import archive  # noqa: E402

from miner import store  # noqa: E402
from miner.ingest import FailedFile, ProcessedFile, is_supported, iter_files, read_task  # noqa: E402
from miner.normalize import fold  # noqa: E402
from miner.pipeline import build_record  # noqa: E402
from miner.readers import read_document  # noqa: E402


def archive_files(name: str, docs: int, seed: int) -> list[Path]:
    if name == "synthetic":
        folder = archive(docs, seed)
    elif name == "dev":
        folder = real_archive.dev_copies(20, seed)
    else:
        folder = real_archive.public_web()
    return [p for p in iter_files([folder]) if is_supported(p)]


def _extract(path: Path):
    task = read_task(path)
    if isinstance(task, FailedFile):
        return None
    document = read_document(task.path, data=task.data)
    folded = tuple(fold(p.text) for p in document.paragraphs)
    return task.sha256, task.file, document, build_record(document), folded


def extracted(name: str, docs: int, seed: int, workers: int) -> list[tuple]:
    """(sha256, FileState, Document, Record, folded) of each document (made once, then loaded from a pickle)."""
    cache = OUT / f"writer-records-{name}-s{seed}-n{docs}.pickle"
    if cache.exists():
        return pickle.loads(cache.read_bytes())
    with ProcessPoolExecutor(workers) as pool:
        results = [r for r in pool.map(_extract, archive_files(name, docs, seed), chunksize=8) if r is not None]
    cache.write_bytes(pickle.dumps(results, protocol=pickle.HIGHEST_PROTOCOL))
    return results


def store_at(rev: str):
    """miner/store.py as it was at git revision `rev`, imported as a module of the miner package."""
    source = subprocess.run(
        ["git", "-C", str(ROOT), "show", f"{rev}:miner/store.py"], check=True, capture_output=True, text=True
    ).stdout
    folder = Path(tempfile.mkdtemp(prefix="miner-store-"))
    path = folder / "store_old.py"
    path.write_text(source, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("miner._store_" + rev.replace("~", "_").replace("^", "_"), path)
    module = importlib.util.module_from_spec(spec)
    module.__package__ = "miner"
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def messages(module, results: list[tuple]) -> list[bytes]:
    """What the workers send the writer, pickled: rows where the store takes rows, else the objects."""
    if hasattr(module, "document_rows"):
        made = [ProcessedFile(file, sha, module.document_rows(d, r, f)) for sha, file, d, r, f in results]
    else:
        made = list(results)
    return [pickle.dumps(m, protocol=pickle.HIGHEST_PROTOCOL) for m in made]


def save_all(module, sent: list[bytes], db_path: Path) -> float:
    """CPU seconds to open a fresh database, load and save every result in batches, then checkpoint."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    start = time.process_time()
    db = module.open_db(db_path)
    bulk = module.BulkLoad(db) if hasattr(module, "BulkLoad") else None
    batch = module.Batch(db, 200, 5.0)
    for message in sent:
        r = pickle.loads(message)
        with batch.write():
            if bulk is not None:
                module.write(db, r.sha256, r.file, r.rows)
            else:
                sha, file, document, record, folded = r
                module.save(db, sha, file, document, record, folded)
    batch.commit()
    if bulk is not None:
        bulk.finish()
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return time.process_time() - start


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--archive", choices=("synthetic", "dev", "public"), default="dev")
    ap.add_argument("--docs", type=int, default=2000, help="documents of the synthetic archive")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--against", default="HEAD", help="git revision of the store to compare with")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="processes that extract (first run)")
    args = ap.parse_args(argv)
    OUT.mkdir(parents=True, exist_ok=True)
    results = extracted(args.archive, args.docs, args.seed, args.workers)
    # The writer of `miner ingest` holds one result at a time: keep the garbage collector from
    # scanning the whole archive loaded here at every collection, which would be most of the time.
    gc.collect()
    gc.freeze()
    mb = sum(len(p.text.encode("utf-8")) for r in results for p in r[2].paragraphs) / 2**20
    stores = {"new": store, "old": store_at(args.against)}
    sent = {name: messages(module, results) for name, module in stores.items()}
    seconds: dict[str, list[float]] = {name: [] for name in stores}
    sizes: dict[str, float] = {}
    load_before = [round(x, 2) for x in os.getloadavg()]
    with tempfile.TemporaryDirectory(prefix="writer-speed-") as tmp:
        for _ in range(args.rounds):
            for name, module in stores.items():
                db_path = Path(tmp) / f"{name}.db"
                seconds[name].append(save_all(module, sent[name], db_path))
                sizes[name] = round(db_path.stat().st_size / 2**20, 1)
    best = {name: min(s) for name, s in seconds.items()}
    report = {
        "command": "python benchmarks/writer_speed.py " + " ".join(argv if argv is not None else sys.argv[1:]),
        "documents": len(results),
        "text_mb": round(mb, 2),
        "against": args.against,
        "load_average": [load_before, [round(x, 2) for x in os.getloadavg()]],
        "cpu_seconds": seconds,
        "db_mb": sizes,
        "cpu_s_per_mb": {name: round(b / mb, 3) for name, b in best.items()},
        "mb_per_cpu_s": {name: round(mb / b, 2) for name, b in best.items()},
        "median_cpu_s_per_mb": {name: round(statistics.median(s) / mb, 3) for name, s in seconds.items()},
        "old_over_new": round(best["old"] / best["new"], 2),
    }
    print(
        f"{len(results)} documents, {mb:.1f} MB of text; load {report['load_average'][0]} -> {report['load_average'][1]}"
    )
    for name in stores:
        print(
            f"  {name:4} store: {report['mb_per_cpu_s'][name]:.2f} MB/s of text on one core, "
            f"{report['cpu_s_per_mb'][name]:.3f} CPU s/MB (best of {args.rounds}), "
            f"database {sizes[name]} MB"
        )
    print(f"  old / new: {report['old_over_new']}x")
    out = OUT / f"writer-speed-{args.archive}.json"
    out.write_text(json.dumps(report, indent=2))
    print(f"written: {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
