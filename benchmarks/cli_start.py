"""How long `miner --help` takes to print, against `python -c pass` (the interpreter's own start).

    python benchmarks/cli_start.py [--runs 10]

Prints the median wall seconds of each and what `import miner.cli` imports of miner's own modules
(tests/test_cli.py checks that no reader, extractor or server is among them).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path


def seconds(command: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=10)
    args = ap.parse_args(argv)
    miner = Path(sys.executable).with_name("miner")
    command = [str(miner), "--help"] if miner.exists() else [sys.executable, "-m", "miner.cli", "--help"]
    load = os.getloadavg()[0]
    bare = seconds([sys.executable, "-c", "pass"], args.runs)
    helped = seconds(command, args.runs)
    imports = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import miner.cli"], capture_output=True, text=True, check=True
    ).stderr
    own = sorted({line.rsplit("|", 1)[1].strip() for line in imports.splitlines() if "| " in line and " miner" in line})
    print(f"load {load:.2f}; median of {args.runs}: python -c pass {bare:.3f} s, miner --help {helped:.3f} s")
    print("miner modules imported by `import miner.cli`:", ", ".join(own))
    return 0


if __name__ == "__main__":
    sys.exit(main())
