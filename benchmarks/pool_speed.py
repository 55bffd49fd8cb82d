"""`miner ingest --workers N` end to end, the working tree against a git revision, in one run.

    python benchmarks/pool_speed.py [--archive synthetic|dev|public] [--docs 2000] [--seed 1] [--workers 2]
                                    [--rounds 3] [--against HEAD]

Each round ingests an archive (the synthetic one of benchmarks/synthetic.py, its first --docs
documents; `dev`: the dev corpus copied 20 times with its numbers redrawn; `public`: the public
texts; see benchmarks/real_archive.py) into a fresh database twice,
once with the working tree's `miner` and once with `miner` as it was at git revision REV (its
package extracted to a temporary folder and put first on PYTHONPATH), alternately, so that both
meet the same load. For each: wall seconds, MB of paragraph text per second, and the CPU seconds
of the command and its workers (user + system) over the wall seconds, the cores kept busy.
Prints the medians and their ratio and writes benchmarks/out/pool-speed-s{seed}-n{docs}-w{workers}.json.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "out"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import real_archive  # noqa: E402
import reaper  # noqa: E402
from archive_scale import archive, database_figures  # noqa: E402

INGEST = "import sys; from miner.cli import cli; sys.exit(cli())"


def package_at(rev: str, folder: Path) -> Path:
    """The miner package as it was at git revision `rev`, extracted under `folder` (returned)."""
    data = subprocess.run(["git", "-C", str(ROOT), "archive", rev, "miner"], check=True, capture_output=True).stdout
    with tarfile.open(fileobj=BytesIO(data)) as tar:
        tar.extractall(folder, filter="data")
    return folder


def ingest_once(source: Path, folder: Path, db: Path, workers: int) -> tuple[float, float]:
    """Wall seconds and CPU seconds (this command and its workers) of one `miner ingest` into a fresh `db`."""
    for suffix in ("", "-wal", "-shm", ".lock"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    env = {**os.environ, "PYTHONPATH": str(source)}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-P", "-c", INGEST, "ingest", str(folder), "--db", str(db), "--workers", str(workers)],
        check=True,
        env=env,
        stdout=subprocess.DEVNULL,
    )
    wall = time.perf_counter() - start
    reaper.reap()  # the server that forked the workers, and with it their CPU time
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--archive", choices=("synthetic", "dev", "public"), default="synthetic")
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--against", default="HEAD", help="git revision of miner to compare with")
    args = ap.parse_args(argv)
    reaper.adopt_orphans()
    OUT.mkdir(parents=True, exist_ok=True)
    if args.archive == "dev":
        folder = real_archive.dev_copies(20, args.seed)
    elif args.archive == "public":
        folder = real_archive.public_web()
    else:
        folder = archive(args.docs, args.seed)
    runs: dict[str, list[tuple[float, float]]] = {"new": [], "old": []}
    load_before = [round(x, 2) for x in os.getloadavg()]
    with tempfile.TemporaryDirectory(prefix="pool-speed-") as tmp:
        sources = {"new": ROOT, "old": package_at(args.against, Path(tmp) / "old")}
        for _ in range(args.rounds):
            for name, source in sources.items():
                runs[name].append(ingest_once(source, folder, Path(tmp) / f"{name}.db", args.workers))
        mb = database_figures(Path(tmp) / "new.db")["text_mb"]
    wall = {name: statistics.median(w for w, _ in r) for name, r in runs.items()}
    busy = {name: statistics.median(c / w for w, c in r) for name, r in runs.items()}
    cpu = {name: statistics.median(c for _, c in r) for name, r in runs.items()}
    cores = os.cpu_count() or 1
    report = {
        "command": "python benchmarks/pool_speed.py " + " ".join(argv if argv is not None else sys.argv[1:]),
        "archive": args.archive,
        "documents": args.docs,
        "text_mb": round(mb, 2),
        "workers": args.workers,
        "against": args.against,
        "load_average": [load_before, [round(x, 2) for x in os.getloadavg()]],
        "runs": {name: [{"wall_s": round(w, 2), "cpu_s": round(c, 2)} for w, c in r] for name, r in runs.items()},
        "median_wall_s": {name: round(w, 2) for name, w in wall.items()},
        "mb_per_s": {name: round(mb / w, 3) for name, w in wall.items()},
        "cores_busy": {name: round(b, 2) for name, b in busy.items()},
        "cpu_s_per_mb": {name: round(c / mb, 3) for name, c in cpu.items()},
        # What the machine's cores would give if miner had them all: its CPU seconds spread over them
        # (a bound: the main process must keep up, which it does at a fifth of the work or less).
        f"mb_per_s_on_{cores}_free_cores": {
            name: round(mb / (c / min(cores, args.workers + 1)), 2) for name, c in cpu.items()
        },
        "old_over_new": round(wall["old"] / wall["new"], 3),
    }
    print(
        f"{args.archive}: {mb:.1f} MB of text, {args.workers} workers, {args.rounds} rounds; "
        f"load {report['load_average'][0]} -> {report['load_average'][1]}"
    )
    for name in runs:
        label = "working tree" if name == "new" else args.against
        print(
            f"  {label:>12}: {wall[name]:.1f} s, {report['mb_per_s'][name]:.3f} MB/s, {busy[name]:.2f} cores busy, "
            f"{report['cpu_s_per_mb'][name]:.3f} CPU s/MB (medians): on {cores} free cores "
            f"{report[f'mb_per_s_on_{cores}_free_cores'][name]:.2f} MB/s"
        )
    print(f"  wall time, old / new: {report['old_over_new']}x")
    name = f"{args.archive}-s{args.seed}" + (f"-n{args.docs}" if args.archive == "synthetic" else "")
    out = OUT / f"pool-speed-{name}-w{args.workers}.json"
    out.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
