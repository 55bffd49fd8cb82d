"""The writer alone: CPU seconds per MB of text that miner/store.py spends saving extracted documents.

    python benchmarks/writer_speed.py [--docs 2000] [--seed 1] [--rounds 3] [--against REV]

The documents of the synthetic archive (benchmarks/synthetic.py) are read and extracted once and
kept under benchmarks/out/ (a pickle of what the ingest workers hand the writer); then each round
saves all of them into a fresh database with `store.save` in `store.Batch`es, as `miner ingest`
does, once with the working tree's store and once with the store of git revision REV (default
HEAD), alternately, so that both meet the same load. Prints CPU seconds per MB and their ratio and
writes benchmarks/out/writer-speed-s{seed}-n{docs}.json.
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

from archive_scale import archive  # noqa: E402

from miner import store  # noqa: E402
from miner.ingest import FailedFile, ProcessedFile, process_file  # noqa: E402


def extracted(docs: int, seed: int, workers: int) -> list[ProcessedFile]:
    """The archive's documents read and extracted (made once, then loaded from the pickle)."""
    cache = OUT / f"writer-records-s{seed}-n{docs}.pickle"
    if cache.exists():
        return pickle.loads(cache.read_bytes())
    folder = archive(docs, seed)
    paths = sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.startswith("."))
    with ProcessPoolExecutor(workers) as pool:
        results = [r for r in pool.map(process_file, paths, chunksize=8) if not isinstance(r, FailedFile)]
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


def save_all(module, results: list[ProcessedFile], db_path: Path) -> float:
    """CPU seconds to open a fresh database and save every result in batches of 100, then checkpoint."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    start = time.process_time()
    db = module.open_db(db_path)
    batch = module.Batch(db)
    for r in results:
        with batch.write():
            module.save(db, r.sha256, r.file, r.document, r.record, r.folded or None)
    batch.commit()
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return time.process_time() - start


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--against", default="HEAD", help="git revision of the store to compare with")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="processes that extract (first run)")
    args = ap.parse_args(argv)
    OUT.mkdir(parents=True, exist_ok=True)
    results = extracted(args.docs, args.seed, args.workers)
    # The writer of `miner ingest` holds one result at a time: keep the garbage collector from
    # scanning the whole archive loaded here at every collection, which would be most of the time.
    gc.collect()
    gc.freeze()
    mb = sum(len(p.text.encode("utf-8")) for r in results for p in r.document.paragraphs) / 2**20
    stores = {"new": store, "old": store_at(args.against)}
    seconds: dict[str, list[float]] = {name: [] for name in stores}
    sizes: dict[str, float] = {}
    load_before = [round(x, 2) for x in os.getloadavg()]
    with tempfile.TemporaryDirectory(prefix="writer-speed-") as tmp:
        for _ in range(args.rounds):
            for name, module in stores.items():
                db_path = Path(tmp) / f"{name}.db"
                seconds[name].append(save_all(module, results, db_path))
                sizes[name] = round(db_path.stat().st_size / 2**20, 1)
    best = {name: min(s) for name, s in seconds.items()}
    report = {
        "command": "python benchmarks/writer_speed.py " + " ".join(argv if argv is not None else sys.argv[1:]),
        "documents": len(results), "text_mb": round(mb, 2), "against": args.against,
        "load_average": [load_before, [round(x, 2) for x in os.getloadavg()]],
        "cpu_seconds": seconds, "db_mb": sizes,
        "cpu_s_per_mb": {name: round(b / mb, 3) for name, b in best.items()},
        "median_cpu_s_per_mb": {name: round(statistics.median(s) / mb, 3) for name, s in seconds.items()},
        "old_over_new": round(best["old"] / best["new"], 2),
    }
    print(f"{len(results)} documents, {mb:.1f} MB of text; load {report['load_average'][0]} -> {report['load_average'][1]}")
    for name in stores:
        print(f"  {name:4} store: {report['cpu_s_per_mb'][name]:.3f} CPU s/MB (best of {args.rounds}), "
              f"database {sizes[name]} MB")
    print(f"  old / new: {report['old_over_new']}x")
    out = OUT / f"writer-speed-s{args.seed}-n{args.docs}.json"
    out.write_text(json.dumps(report, indent=2))
    print(f"written: {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
