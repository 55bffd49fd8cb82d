"""Extraction CPU on the real documents with gold, the working tree against a git revision, in one run.

    python benchmarks/extract_cpu.py [--against main] [--rounds 5] [--repeat 5] [--warm 0] [--public 0] [--stages]
                                     [--timeout 600]

The set: ../shared/corpus/docs (30) and ../shared/corpus/new/docs (11). Each round runs, in a fresh
process each and alternately (so both meet the same load), extraction with the working tree's
`miner` and with `miner` as it was at git revision REV (`git archive REV miner` into a temporary
folder, put first on PYTHONPATH). A process reads every document, extracts one to warm the caches,
then times `build_record` over the whole set --repeat times (CPU seconds of the process,
`time.process_time`; reading is not timed). Prints each round, the medians and their ratio
(working tree / REV: above 1 is slower), and writes benchmarks/out/extract-cpu-REV.json.

What the timed passes pay besides extraction: what a process does once (the loads the first
document did not need, but underthesea's table of the reform, loaded before them as ingest's
warm-up does; the collector's first passes over what was loaded), and, from the second pass on,
the caches that outlive a document answering for the same texts again. `--warm N` extracts the
first N public texts (benchmarks/out/public-web, see same_output.py) instead of one document
before the timed passes, as a worker of an ingest has read other files before: with `--repeat 1`
each timed document is new to the process, which is what an ingest of real archives pays per MB.
`--public N` times the N public texts after the warm ones instead of the documents with gold: texts
of every province, whose communes and bodies the dev set seldom names. `--stages` also times each
step of miner.pipeline (find_header, find_organizations, ...: those the revision has) and prints
their medians a pass side by side: where a difference between the two comes from.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Sequence
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
OUT = ROOT / "benchmarks" / "out"
FOLDERS = (SHARED / "corpus" / "docs", SHARED / "corpus" / "new" / "docs")

sys.path.insert(0, str(ROOT / "benchmarks"))
from same_output import public_texts  # noqa: E402

# Runs in the child, with the miner under test first on sys.path.
CHILD = """
import json, sys, time
from pathlib import Path
import miner.pipeline
from miner.pipeline import build_record
from miner.readers import read_document
paths, repeat, warm, stages = json.loads(sys.argv[1]), int(sys.argv[2]), json.loads(sys.argv[3]), json.loads(sys.argv[4])
docs = [read_document(Path(p)) for p in paths]
for path in warm:
    build_record(read_document(Path(path)))
if not warm:
    build_record(docs[0])
try:
    from miner.reform import load_address_table
except ImportError:  # a revision before the reform's table
    pass
else:
    load_address_table()  # as ingest's warm-up does (relocate() no longer loads it with the first document)
spent = {}
def timed(name, func):
    def call(*args):
        start = time.process_time()
        try:
            return func(*args)
        finally:
            spent[name] = spent.get(name, 0.0) + time.process_time() - start
    return call
for name in stages:  # the pipeline's steps, as that revision's pipeline module names them
    if hasattr(miner.pipeline, name):
        setattr(miner.pipeline, name, timed(name, getattr(miner.pipeline, name)))
start = time.process_time()
for _ in range(repeat):
    for doc in docs:
        build_record(doc)
print(json.dumps({"cpu_s": time.process_time() - start, "chars": sum(d.chars for d in docs), "stages": spent}))
"""

# The steps of miner.pipeline that --stages times (those a revision has).
STAGES = (
    "find_header",
    "find_legal_refs",
    "find_organizations",
    "find_persons",
    "find_locations",
    "relocate",
    "find_award_types",
    "find_awards",
    "find_emulation_groups",
    "clear_text_caches",
)


def package_at(rev: str, folder: Path) -> Path:
    """The miner package as it was at git revision `rev`, extracted under `folder` (returned)."""
    data = subprocess.run(["git", "-C", str(ROOT), "archive", rev, "miner"], check=True, capture_output=True).stdout
    with tarfile.open(fileobj=BytesIO(data)) as tar:
        tar.extractall(folder, filter="data")
    return folder


def documents() -> list[str]:
    return [str(p) for folder in FOLDERS if folder.is_dir() for p in sorted(folder.iterdir()) if p.is_file()]


def run_child(source: Path, child: str, args: Sequence[str], timeout: float | None = None) -> dict:
    """The JSON line a `child` script prints last, run with `args` and the miner under `source` first
    on PYTHONPATH."""
    done = subprocess.run(
        [sys.executable, "-c", child, *args],
        env={**os.environ, "PYTHONPATH": str(source)},
        capture_output=True,
        text=True,
        timeout=timeout,
        check=True,
        cwd=source,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def extract_once(
    source: Path, paths: list[str], repeat: int, timeout: float, warm: Sequence[str] = (), stages: bool = False
) -> dict:
    """CPU seconds of `repeat` extractions of `paths` with the miner under `source`, after extracting
    `warm` (else the first of `paths`); with `stages`, also those of each step of the pipeline."""
    args = [json.dumps(paths), str(repeat), json.dumps(list(warm)), json.dumps(STAGES if stages else [])]
    return run_child(source, CHILD, args, timeout)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--against", default="main", help="git revision of miner to compare with")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--repeat", type=int, default=5, help="extractions of the whole set per process")
    ap.add_argument(
        "--warm", type=int, default=0, help="public texts extracted before the timed passes (0: the first document)"
    )
    ap.add_argument(
        "--public",
        type=int,
        default=0,
        help="time the N public texts after the --warm ones instead of the dev documents",
    )
    ap.add_argument("--stages", action="store_true", help="also print the CPU of each step of the pipeline")
    ap.add_argument("--timeout", type=float, default=600, help="seconds one process may take")
    args = ap.parse_args(argv)
    texts = [str(p) for p in public_texts()[: args.warm + args.public]]
    if len(texts) < args.warm + args.public:
        print(f"extract_cpu: {args.warm + args.public} public texts asked for, {len(texts)} found", file=sys.stderr)
        return 2
    warm = texts[: args.warm]
    paths = texts[args.warm :] if args.public else documents()
    if not paths:
        print(f"extract_cpu: no documents under {', '.join(map(str, FOLDERS))}", file=sys.stderr)
        return 2
    runs: dict[str, list[float]] = {"new": [], "old": []}
    stage_runs: dict[str, list[dict[str, float]]] = {"new": [], "old": []}
    load_before = [round(x, 2) for x in os.getloadavg()]
    with tempfile.TemporaryDirectory(prefix="extract-cpu-") as tmp:
        sources = {"new": ROOT, "old": package_at(args.against, Path(tmp) / "old")}
        for n in range(args.rounds):
            for name, source in sources.items():
                try:
                    result = extract_once(source, paths, args.repeat, args.timeout, warm, args.stages)
                except subprocess.TimeoutExpired:
                    print(f"round {n + 1}: {name} took over {args.timeout:.0f} s: stopped")
                    return 1
                runs[name].append(result["cpu_s"])
                stage_runs[name].append(result.get("stages", {}))
                chars = result["chars"]
            print(
                f"round {n + 1}: working tree {runs['new'][-1]:.2f} CPU s, {args.against} {runs['old'][-1]:.2f} CPU s",
                flush=True,
            )
    median = {name: statistics.median(r) for name, r in runs.items()}
    ratio = median["new"] / median["old"]
    # Each round's two processes run one after the other: their ratio cancels the load of the moment.
    paired = statistics.median(new / old for new, old in zip(runs["new"], runs["old"]))
    report = {
        "command": "python benchmarks/extract_cpu.py " + " ".join(argv if argv is not None else sys.argv[1:]),
        "documents": len(paths),
        "chars": chars,
        "repeat": args.repeat,
        "warm": args.warm,
        "public": args.public,
        "against": args.against,
        "load_average": [load_before, [round(x, 2) for x in os.getloadavg()]],
        "cpu_s": {name: [round(s, 3) for s in r] for name, r in runs.items()},
        "median_cpu_s": {name: round(s, 3) for name, s in median.items()},
        "new_over_old": round(ratio, 3),
        "median_round_ratio": round(paired, 3),
    }
    print(
        f"{len(paths)} {'public texts' if args.public else 'documents'}, {chars / 1000:.0f} k characters, x{args.repeat} a process after "
        f"{f'{args.warm} public texts' if args.warm else 'one document'}, {args.rounds} rounds; "
        f"load {report['load_average'][0]} -> {report['load_average'][1]}"
    )
    print(f"  working tree: {median['new']:.2f} CPU s (median)")
    print(f"  {args.against:>12}: {median['old']:.2f} CPU s (median)")
    print(f"  CPU, working tree / {args.against}: {ratio:.3f}x ({'slower' if ratio > 1 else 'not slower'})")
    print(f"  median of the rounds' ratios: {paired:.3f}x")
    if args.stages:
        per_pass = {
            name: {
                stage: statistics.median(r.get(stage, 0.0) for r in stage_runs[name]) / args.repeat for stage in STAGES
            }
            for name in stage_runs
        }
        report["median_stage_cpu_s_per_pass"] = {
            name: {stage: round(s, 4) for stage, s in stages.items()} for name, stages in per_pass.items()
        }
        print(f"  each step, CPU ms a pass (median): {'working tree':>12} {args.against:>12}  difference")
        for stage in STAGES:
            new_ms, old_ms = per_pass["new"][stage] * 1000, per_pass["old"][stage] * 1000
            print(f"    {stage:<22} {new_ms:12.1f} {old_ms:12.1f} {new_ms - old_ms:+11.1f}")
    OUT.mkdir(parents=True, exist_ok=True)
    out = OUT / f"extract-cpu-{args.against.replace('/', '_')}{'-public' if args.public else ''}.json"
    out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
