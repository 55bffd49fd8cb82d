"""Extraction time of one long paragraph without "." or ";", at three sizes, to show it is linear.

    python benchmarks/long_paragraph.py [--repeats 4000] [--timeout 120] [--against REV]

The paragraph is issue 13's: "Quyết định số 354/QĐ-UBND ngày 12/3/2018 của Ủy ban nhân dân tỉnh Đắk
Nông tặng Bằng khen cho Sở Tài chính " repeated --repeats times (4,000: about 500 KB), and a quarter
and a half of that. Each size is one document of one paragraph, extracted by `build_record` in a
process of its own, stopped after --timeout seconds (reported, not waited for). Prints the CPU
seconds of each size, the seconds per KB and how that grows from the smallest size (1.0: linear;
2.0 at 4x the size: quadratic). The bar of issue 13: under 2 s at the full size. With --against,
the same for `miner` as it was at git revision REV, after the working tree's.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from extract_cpu import ROOT, package_at

PHRASE = "Quyết định số 354/QĐ-UBND ngày 12/3/2018 của Ủy ban nhân dân tỉnh Đắk Nông tặng Bằng khen cho Sở Tài chính "
BAR_SECONDS = 2.0

CHILD = """
import json, sys, time
from miner.document import Document, Paragraph
from miner.pipeline import build_record
text = sys.argv[1] * int(sys.argv[2])
build_record(Document(path="warm.txt", format="txt", paragraphs=(Paragraph(0, sys.argv[1]),)))
doc = Document(path="long.txt", format="txt", paragraphs=(Paragraph(0, text),))
start = time.process_time()
record = build_record(doc)
print(json.dumps({"cpu_s": time.process_time() - start, "awards": len(record.awards),
                  "legal_refs": len(record.legal_refs)}))
"""


def extract(source: Path, repeats: int, timeout: float) -> dict | None:
    """CPU seconds of build_record on the paragraph repeated `repeats` times, or None when stopped."""
    env = {**os.environ, "PYTHONPATH": str(source)}
    try:
        done = subprocess.run(
            [sys.executable, "-c", CHILD, PHRASE, str(repeats)],
            env=env,
            cwd=source,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=True,
        )
    except subprocess.TimeoutExpired:
        return None
    return json.loads(done.stdout.strip().splitlines()[-1])


def measure(label: str, source: Path, sizes: list[int], timeout: float) -> dict:
    print(f"{label}:")
    print(f"  {'repeats':>8}{'KB':>8}{'CPU s':>10}{'ms/KB':>9}{'growth':>8}  found")
    rows, first = [], None
    for repeats in sizes:
        kb = len((PHRASE * repeats).encode("utf-8")) / 1024
        result = extract(source, repeats, timeout)
        if result is None:
            print(f"  {repeats:>8}{kb:>8.0f}{'>' + format(timeout, '.0f'):>10}  stopped after {timeout:.0f} s")
            rows.append({"repeats": repeats, "kb": round(kb, 1), "cpu_s": None})
            break
        per_kb = result["cpu_s"] / kb
        first = first or per_kb
        print(
            f"  {repeats:>8}{kb:>8.0f}{result['cpu_s']:>10.2f}{per_kb * 1000:>9.2f}{per_kb / first:>8.2f}"
            f"  {result['awards']} awards, {result['legal_refs']} legal refs"
        )
        rows.append(
            {
                "repeats": repeats,
                "kb": round(kb, 1),
                "cpu_s": round(result["cpu_s"], 3),
                "ms_per_kb": round(per_kb * 1000, 3),
                "growth": round(per_kb / first, 2),
            }
        )
    full = rows[-1]
    met = full["repeats"] == sizes[-1] and full["cpu_s"] is not None and full["cpu_s"] < BAR_SECONDS
    print(f"  bar: under {BAR_SECONDS:.0f} s at {sizes[-1]} repeats: {'met' if met else 'missed'}")
    return {"sizes": rows, "bar_met": met}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeats", type=int, default=4000, help="the full size (a quarter and a half are also run)")
    ap.add_argument("--timeout", type=float, default=120, help="seconds one size may take before it is stopped")
    ap.add_argument("--against", help="also measure miner at this git revision")
    args = ap.parse_args(argv)
    sizes = [args.repeats // 4, args.repeats // 2, args.repeats]
    report = {"phrase": PHRASE, "load_average": [round(x, 2) for x in os.getloadavg()]}
    report["working tree"] = measure("working tree", ROOT, sizes, args.timeout)
    if args.against:
        with tempfile.TemporaryDirectory(prefix="long-paragraph-") as tmp:
            report[args.against] = measure(
                args.against, package_at(args.against, Path(tmp) / "old"), sizes, args.timeout
            )
    out = ROOT / "benchmarks" / "out" / "long-paragraph.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {out.relative_to(ROOT)}")
    return 0 if report["working tree"]["bar_met"] else 1


if __name__ == "__main__":
    sys.exit(main())
