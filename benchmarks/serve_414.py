"""How often an over-long address is answered 414 by a real `miner serve`: the tests of
tests/browser/test_serve_http.py run RUNS times in one pytest session (one server), with BURNERS
busy processes at lowest priority beside them, as on the shared CI machine.

    .venv/bin/python benchmarks/serve_414.py --runs 50 --burners 2

Prints, per test, how many runs passed, and the first error line of a failure.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TEST_FILE = "tests/browser/test_serve_http.py"


def _burn() -> None:
    os.nice(19)
    while True:
        pass


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--burners", type=int, default=2, help="busy processes at nice 19 during the runs")
    args = parser.parse_args()
    burners = [multiprocessing.Process(target=_burn, daemon=True) for _ in range(args.burners)]
    for burner in burners:
        burner.start()
    try:
        command = [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "--keep-duplicates", "-rfE", "-v"]
        done = subprocess.run(
            [*command, *[TEST_FILE] * args.runs], cwd=ROOT, capture_output=True, text=True, timeout=3600
        )
    finally:
        for burner in burners:
            burner.terminate()
    failed = Counter(re.findall(r"^FAILED \S+::(\S+)", done.stdout, re.M))
    errors = re.findall(r"^E +(\S.*)$", done.stdout, re.M)
    tests = sorted(set(re.findall(r"^\S+::(\S+) (?:PASSED|FAILED)", done.stdout, re.M)))
    for test in tests:
        print(f"{test}: {args.runs - failed[test]}/{args.runs} passed")
    if errors:
        print("first failure:", errors[0][:200])
    print(done.stdout.strip().splitlines()[-1].strip("= "))
    return 0 if not failed else 1


if __name__ == "__main__":
    sys.exit(main())
