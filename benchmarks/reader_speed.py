"""The readers on real texts: the working tree against a git revision, Document for Document.

    python benchmarks/reader_speed.py [--against HEAD] [--set public|dev|all] [--rounds 3]

Every file of the set (`public`: the 1,159 public texts, .md, unpacked into benchmarks/out/public-web;
`dev`: ../shared/corpus/docs and ../shared/corpus/new/docs; `all`: both) is read by `read_document`
in a fresh process, once with the working tree's `miner` and once with `miner` as it was at git
revision REV (its package extracted to a temporary folder and put first on PYTHONPATH),
alternately, so that both meet the same load. Each process times its reading (CPU seconds, after
one warm-up pass) and writes the Documents it read (or the error's one line); the two are
compared file by file and must be equal. Prints the CPU seconds per MB of text of each and their
ratio, and writes benchmarks/out/reader-speed-{set}.json.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "out"
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT / "benchmarks"))

from pool_speed import package_at  # noqa: E402
from same_output import public_texts  # noqa: E402

READ = """
import pickle, sys, time
from miner.errors import MinerError
from miner.readers import read_document

paths = sys.argv[2:]
datas = [(p, open(p, "rb").read()) for p in paths]

def read(path, data):
    try:
        return read_document(path, data=data)
    except MinerError as exc:
        return exc.one_line()

for path, data in datas[:50]:  # warm: the parsers built, the caches of words filled
    read(path, data)
start = time.process_time()
documents = [read(path, data) for path, data in datas]
cpu = time.process_time() - start
with open(sys.argv[1], "wb") as f:
    pickle.dump((cpu, documents), f)
"""


def files(name: str) -> list[Path]:
    found = []
    if name in ("public", "all"):
        found += public_texts()
    if name in ("dev", "all"):
        for folder in (SHARED / "corpus" / "docs", SHARED / "corpus" / "new" / "docs"):
            found += sorted(p for p in folder.iterdir() if p.is_file())
    return found


def read_all(paths: list[Path], source: Path | None, out: Path) -> tuple[float, list]:
    env = {**os.environ, "PYTHONPATH": str(source)} if source else {**os.environ, "PYTHONPATH": str(ROOT)}
    subprocess.run([sys.executable, "-P", "-c", READ, str(out), *map(str, paths)], check=True, env=env)
    with open(out, "rb") as f:
        return pickle.load(f)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--against", default="HEAD", help="git revision of miner to compare with")
    ap.add_argument("--set", choices=("public", "dev", "all"), default="public")
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args(argv)
    paths = files(args.set)
    load = [round(x, 2) for x in os.getloadavg()]
    cpu: dict[str, list[float]] = {"before": [], "after": []}
    with tempfile.TemporaryDirectory(prefix="reader-speed-") as tmp:
        tmp = Path(tmp)
        before_source = package_at(args.against, tmp / "before")
        for _ in range(args.rounds):
            seconds, before = read_all(paths, before_source, tmp / "before.pickle")
            cpu["before"].append(seconds)
            seconds, after = read_all(paths, None, tmp / "after.pickle")
            cpu["after"].append(seconds)
    differ = [str(p) for p, a, b in zip(paths, before, after) if a != b]
    mb = sum(len(p.text.encode("utf-8")) for d in after if not isinstance(d, str) for p in d.paragraphs) / 2**20
    best = {k: min(v) for k, v in cpu.items()}
    report = {
        "command": "python benchmarks/reader_speed.py " + " ".join(argv if argv is not None else sys.argv[1:]),
        "files": len(paths),
        "text_mb": round(mb, 2),
        "load_average": [load, [round(x, 2) for x in os.getloadavg()]],
        "cpu_s": {k: [round(x, 2) for x in v] for k, v in cpu.items()},
        "cpu_s_per_mb": {k: round(v / mb, 3) for k, v in best.items()},
        "median_ratio": round(statistics.median(cpu["after"]) / statistics.median(cpu["before"]), 3),
        "documents_differ": len(differ),
        "differ_examples": differ[:10],
    }
    print(f"{len(paths)} files, {mb:.2f} MB of text; load {report['load_average'][0]} -> {report['load_average'][1]}")
    print(
        f"{args.against}: {best['before']:.2f} CPU s ({report['cpu_s_per_mb']['before']} s/MB); "
        f"working tree: {best['after']:.2f} CPU s ({report['cpu_s_per_mb']['after']} s/MB); "
        f"median ratio {report['median_ratio']}"
    )
    print(f"Documents that differ: {len(differ)}")
    OUT.mkdir(parents=True, exist_ok=True)
    out = OUT / f"reader-speed-{args.set}.json"
    out.write_text(json.dumps(report, indent=2, ensure_ascii=False))
    print(f"written: {out.relative_to(ROOT)}")
    return 0 if not differ else 1


if __name__ == "__main__":
    sys.exit(main())
