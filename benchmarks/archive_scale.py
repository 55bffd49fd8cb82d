"""Batch ingest at archive scale: throughput, memory, re-runs, search and lookup latency, in one run.

    python benchmarks/archive_scale.py [--docs 20000] [--seed 1] [--workers N] [--single-docs 2000]
                                       [--search-paragraphs 1000000] [--repeat 20] [--ner-kb 20]

On a synthetic archive (benchmarks/synthetic.py, generated once under benchmarks/out/ and kept):
`miner ingest` with one worker (on the first --single-docs documents) and with --workers, each a
fresh database, timed end to end as a user runs it; the peak resident memory of the whole process
tree (the command and its workers, sampled from /proc), also as it stood when 5,000 documents
were stored; the database's size; the time of a second ingest of the unchanged archive; search
and decision lookup latency (p50/p95) through Datasette's JSON API, in process, on a database of
at least --search-paragraphs paragraphs (the --workers one when it is that large, else one built
once and kept under benchmarks/out/); and underthesea's `ner` on a sample of the same text, the
baseline. Prints a table and writes benchmarks/out/archive-scale-s{seed}-n{docs}.json.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import os
import platform
import resource
import sqlite3
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "out"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import reaper  # noqa: E402
import synthetic  # noqa: E402

# Searches as researchers type them: with marks, without (folded), upper case, a symbol.
SEARCHES = (
    "Bằng khen",
    "bang khen",
    "Quyết định 354",
    "quyet dinh 354",
    "Kho bạc Nhà nước",
    "kho bac nha nuoc",
    "thi đua khen thưởng",
    "thi dua khen thuong",
    "Tập thể lao động xuất sắc",
    "tap the lao dong xuat sac",
    "hóa đơn điện tử",
    "hoa don dien tu",
    "CỜ THI ĐUA",
    "Nghị định 91/2017/NĐ-CP",
    "nong thon moi",
)
CHECKPOINT_DOCS = 5000


def miner_command() -> list[str]:
    """The installed `miner` console script beside this Python, as a user runs it."""
    script = Path(sys.executable).with_name("miner")
    return (
        [str(script)]
        if script.exists()
        else [sys.executable, "-c", "import sys; from miner.cli import cli; sys.exit(cli())"]
    )


def archive(docs: int, seed: int) -> Path:
    """The synthetic archive of `docs` documents, generated on first use and kept."""
    folder = OUT / f"archive-s{seed}-n{docs}"
    done = folder / ".complete"
    if not done.exists():
        synthetic.write_archive(folder, docs, seed)
        done.write_text("")
    return folder


# ---------------------------------------------------------------- memory of a process tree


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                with open(f"/proc/{entry.name}/stat") as f:
                    ppid = int(f.read().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            tree.setdefault(ppid, []).append(int(entry.name))
    return tree


def rss(pid: int) -> int:
    """Resident bytes of one process (0 when it is gone)."""
    try:
        with open(f"/proc/{pid}/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def tree_rss(pid: int) -> tuple[int, int]:
    """Resident bytes of `pid` and all its descendants together, and of `pid` alone (Linux /proc)."""
    tree, total, todo = _children(), 0, [pid]
    while todo:
        p = todo.pop()
        total += rss(p)
        todo.extend(tree.get(p, ()))
    return total, rss(pid)


class Sampler(threading.Thread):
    """Samples a process tree's RSS and the number of stored documents until stopped."""

    def __init__(self, pid: int, db: Path, interval: float = 0.25):
        super().__init__(daemon=True)
        self.pid, self.db, self.interval = pid, db, interval
        self.samples: list[tuple[float, int, int, int]] = []  # (seconds, documents, tree rss, main rss)
        self.stopped = threading.Event()

    def documents(self) -> int:
        try:
            conn = sqlite3.connect(f"file:{self.db}?mode=ro", uri=True, timeout=0.1)
            try:
                return conn.execute("select count(*) from documents").fetchone()[0]
            finally:
                conn.close()
        except sqlite3.Error:
            return self.samples[-1][1] if self.samples else 0

    def run(self) -> None:
        start, last_count, docs = time.monotonic(), 0.0, 0
        while not self.stopped.is_set():
            now = time.monotonic()
            if now - last_count >= 1.0:
                docs, last_count = self.documents(), now
            self.samples.append((now - start, docs, *tree_rss(self.pid)))
            self.stopped.wait(self.interval)

    def peak(self, up_to_docs: int | None = None, main: bool = False) -> int:
        """The largest RSS sampled (of the tree, or of the main process) while at most `up_to_docs` were stored."""
        return max((s[3 if main else 2] for s in self.samples if up_to_docs is None or s[1] <= up_to_docs), default=0)


def run_ingest(folder: Path, db: Path, workers: int) -> dict:
    """`miner ingest FOLDER --db DB --workers N`, timed, its process tree's memory sampled."""
    started = time.perf_counter()
    cpu = resource.getrusage(resource.RUSAGE_CHILDREN)
    proc = subprocess.Popen(
        [*miner_command(), "ingest", str(folder), "--db", str(db), "--workers", str(workers)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    sampler = Sampler(proc.pid, db)
    sampler.start()
    out, err = proc.communicate()
    seconds = time.perf_counter() - started
    reaper.reap()  # the server that forked the workers (benchmarks/reaper.py)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu_seconds = (after.ru_utime + after.ru_stime) - (cpu.ru_utime + cpu.ru_stime)
    sampler.stopped.set()
    sampler.join()
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"miner ingest failed ({proc.returncode}): {err[-2000:]}")
    return {
        "workers": workers,
        "seconds": round(seconds, 2),
        "cpu_seconds": round(cpu_seconds, 2),
        "summary": out.strip(),
        "peak_rss_mb": round(sampler.peak() / 2**20, 1),
        f"peak_rss_mb_at_{CHECKPOINT_DOCS}_docs": round(sampler.peak(CHECKPOINT_DOCS) / 2**20, 1),
        "peak_main_rss_mb": round(sampler.peak(main=True) / 2**20, 1),
        f"peak_main_rss_mb_at_{CHECKPOINT_DOCS}_docs": round(sampler.peak(CHECKPOINT_DOCS, main=True) / 2**20, 1),
        "rss_mb_per_1000_docs": [round(s[2] / 2**20) for s in _every_thousand(sampler.samples)],
    }


def _every_thousand(samples: list[tuple[float, int, int, int]]) -> list[tuple[float, int, int, int]]:
    """The first sample at or past each thousand documents stored."""
    picked, next_mark = [], 1000
    for sample in samples:
        if sample[1] >= next_mark:
            picked.append(sample)
            next_mark = (sample[1] // 1000 + 1) * 1000
    return picked


def database_figures(db: Path) -> dict:
    """Documents, paragraphs, text bytes and file size of a database (checkpointed first)."""
    conn = sqlite3.connect(db)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        documents, paragraphs, text = conn.execute(
            "select (select count(*) from documents), count(*), sum(length(cast(text as blob))) from paragraphs"
        ).fetchone()
    finally:
        conn.close()
    return {
        "documents": documents,
        "paragraphs": paragraphs,
        "text_mb": round((text or 0) / 2**20, 2),
        "db_mb": round(db.stat().st_size / 2**20, 1),
    }


def fresh(db: Path) -> Path:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    return db


def ingest_figures(folder: Path, db: Path, workers: int) -> dict:
    run = run_ingest(folder, fresh(db), workers)
    figures = {**run, **database_figures(db)}
    figures["docs_per_s"] = round(figures["documents"] / run["seconds"], 1)
    figures["mb_per_s"] = round(figures["text_mb"] / run["seconds"], 3)
    figures["mb_per_cpu_s"] = round(figures["text_mb"] / run["cpu_seconds"], 3)
    return figures


# ---------------------------------------------------------------- search and lookup


def search_database(args: argparse.Namespace, candidate: Path, per_doc: float) -> Path:
    """A database of at least --search-paragraphs paragraphs: `candidate`, or one built once and kept."""
    if database_figures(candidate)["paragraphs"] >= args.search_paragraphs:
        return candidate
    docs = math.ceil(args.search_paragraphs / per_doc * 1.02)
    db = OUT / f"search-s{args.seed}-n{docs}.db"
    if db.exists() and database_figures(db)["paragraphs"] >= args.search_paragraphs:
        return db
    print(f"building the search database: {docs} documents ...", flush=True)
    run_ingest(archive(docs, args.seed), fresh(db), args.workers)
    return db


def lookup_queries(db: Path, count: int = 10) -> list[str]:
    """Symbols of cited documents in the database, each written five ways as staff type them (the number alone too)."""
    conn = sqlite3.connect(db)
    try:
        rows = conn.execute(
            "select symbol, number, code, year, issued_date from cited_documents where symbol like '%/QĐ-UBND' "
            "and issued_date is not null order by id"
        ).fetchall()
    finally:
        conn.close()
    picked = rows[:: max(1, len(rows) // count)][:count]
    queries = []
    for symbol, number, _code, year, date in picked:
        y, m, d = date.split("-")
        queries += [symbol, f"QĐ {number}", f"qd {number} {year}", f"{symbol} ngày {int(d)}/{int(m)}/{y}", number]
    return queries


def latencies(db: Path, paths: list[str], repeat: int) -> dict:
    """p50/p95 (ms) of GET `paths` through Datasette's in-process client, each once to warm, then `repeat` times."""
    from miner.web import make_datasette

    async def measure() -> list[float]:
        ds = make_datasette(db)
        await ds.invoke_startup()
        times = []
        for path in paths:
            response = await ds.client.get(path)
            if response.status_code != 200:
                raise RuntimeError(f"{path}: {response.status_code} {response.text[:300]}")
        for _ in range(repeat):
            for path in paths:
                start = time.perf_counter()
                await ds.client.get(path)
                times.append((time.perf_counter() - start) * 1000)
        return times

    times = sorted(asyncio.run(measure()))
    return {
        "requests": len(times),
        "p50_ms": round(statistics.median(times), 1),
        "p95_ms": round(times[int(0.95 * (len(times) - 1))], 1),
        "max_ms": round(times[-1], 1),
    }


def search_and_lookup(db: Path, repeat: int) -> dict:
    from urllib.parse import urlencode

    def table(**extra: int) -> list[str]:
        return [f"/{db.stem}/paragraphs.json?" + urlencode({"_search": q, "_size": 20, **extra}) for q in SEARCHES]

    ranked = ["/-/tim-kiem.json?" + urlencode({"q": q}) for q in SEARCHES]
    lookups = ["/-/tra-cuu.json?" + urlencode({"q": q}) for q in lookup_queries(db)]
    return {
        "database": {**database_figures(db), "path": str(db.relative_to(ROOT) if db.is_relative_to(ROOT) else db)},
        "search_table": latencies(db, table(), repeat),
        # What the search box's page costs beyond the matching rows: suggested facets, then count and facets.
        "search_table_no_suggestions": latencies(db, table(_nosuggest=1), repeat),
        "search_table_rows_only": latencies(db, table(_nosuggest=1, _nocount=1, _nofacet=1), repeat),
        "search_ranked": latencies(db, ranked, repeat),
        "lookup": latencies(db, lookups, repeat),
        "lookup_queries": len(lookups),
    }


# ---------------------------------------------------------------- the baseline


def ner_baseline(folder: Path, budget_kb: float) -> dict:
    """underthesea's `ner` on the first `budget_kb` KB of paragraphs of the archive (one core)."""
    from underthesea import ner

    from miner.readers import read_document

    sample, size = [], 0
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.startswith(".")):
        for paragraph in read_document(path).paragraphs:
            sample.append(paragraph.text)
            size += len(paragraph.text.encode("utf-8"))
            if size >= budget_kb * 1024:
                break
        if size >= budget_kb * 1024:
            break
    ner("Khởi động.")  # load the model outside the timing
    start = time.process_time()
    for text in sample:
        ner(text)
    seconds = time.process_time() - start
    return {
        "sample_kb": round(size / 1024, 1),
        "cpu_seconds": round(seconds, 2),
        "kb_per_s": round(size / 1024 / seconds, 2),
    }


# ---------------------------------------------------------------- report


def machine() -> dict:
    with open("/proc/meminfo") as f:
        mem_kb = int(f.readline().split()[1])
    return {
        "cores": os.cpu_count(),
        "ram_gb": round(mem_kb / 2**20, 1),
        "python": platform.python_version(),
        "platform": platform.platform(terse=True),
        "load_average": [round(x, 2) for x in os.getloadavg()],
    }


def bars(r: dict) -> dict[str, tuple[str, bool]]:
    """Each bar of issue 5: (what was measured, passed)."""
    multi, single, ner = r["ingest_n"], r["ingest_1"], r["ner"]
    per_core = multi["mb_per_s"] * 1024 / r["machine"]["cores"]
    ratio = per_core / ner["kb_per_s"]
    at_5k = multi[f"peak_rss_mb_at_{CHECKPOINT_DOCS}_docs"]
    growth = multi["peak_rss_mb"] / at_5k - 1 if at_5k else float("nan")
    second = r["second_ingest"]["seconds"] / multi["seconds"]
    box, ranked = r["search"]["search_table"]["p95_ms"], r["search"]["search_ranked"]["p95_ms"]
    paragraphs = r["search"]["database"]["paragraphs"]
    big = paragraphs >= 1_000_000
    return {
        "ingest >= 1 MB/s with 2 workers": (f"{multi['mb_per_s']:.2f} MB/s", multi["mb_per_s"] >= 1.0),
        "ingest >= 200x NER per core": (f"{ratio:.0f}x ({per_core:.0f} vs {ner['kb_per_s']:.1f} KB/s)", ratio >= 200),
        "peak RSS < 1 GB": (f"{multi['peak_rss_mb']:.0f} MB at {multi['documents']} docs", multi["peak_rss_mb"] < 1024),
        "RSS growth 5k -> all < 20%": (f"{growth:+.0%} ({at_5k:.0f} -> {multi['peak_rss_mb']:.0f} MB)", growth < 0.2),
        "unchanged re-ingest < 5%": (f"{second:.1%} ({r['second_ingest']['seconds']:.1f} s)", second < 0.05),
        "search box p95 < 100 ms": (f"{box:.0f} ms on {paragraphs} paragraphs", box < 100 and big),
        "ranked search p95 < 100 ms": (f"{ranked:.0f} ms on {paragraphs} paragraphs", ranked < 100 and big),
        "lookup p95 < 20 ms": (
            f"{r['search']['lookup']['p95_ms']:.0f} ms",
            r["search"]["lookup"]["p95_ms"] < 20 and big,
        ),
    }, {"single_mb_per_s": single["mb_per_s"]}


def print_table(r: dict) -> None:
    m = r["machine"]
    print(
        f"\nmachine: {m['cores']} cores, {m['ram_gb']} GB RAM, Python {m['python']}, load {r['load_before']} -> {m['load_average']}"
    )
    print(f"{'ingest':28}{'docs':>8}{'MB text':>9}{'seconds':>9}{'docs/s':>8}{'MB/s':>7}{'peak RSS MB':>13}")
    for key in ("ingest_1", "ingest_n"):
        x = r[key]
        label = f"{x['workers']} worker{'s' if x['workers'] > 1 else ''}"
        print(
            f"{label:28}{x['documents']:8}{x['text_mb']:9.1f}{x['seconds']:9.1f}{x['docs_per_s']:8.1f}"
            f"{x['mb_per_s']:7.2f}{x['peak_rss_mb']:13.0f}"
        )
    n = r["ingest_n"]
    print(
        f"database: {n['db_mb']} MB, {n['paragraphs']} paragraphs; second unchanged ingest {r['second_ingest']['seconds']} s"
    )
    print(
        f"peak RSS at {CHECKPOINT_DOCS} docs {n[f'peak_rss_mb_at_{CHECKPOINT_DOCS}_docs']} MB (main process "
        f"{n[f'peak_main_rss_mb_at_{CHECKPOINT_DOCS}_docs']} MB), at the end {n['peak_rss_mb']} MB (main {n['peak_main_rss_mb']} MB)"
    )
    print(
        f"CPU: {n['cpu_seconds']} s for {n['seconds']} s ({n['cpu_seconds'] / n['seconds']:.2f} cores busy), "
        f"{n['mb_per_cpu_s']} MB of text per CPU second"
    )
    s = r["search"]
    print(f"latency on {s['database']['paragraphs']} paragraphs ({s['database']['db_mb']} MB):")
    for key, label in (
        ("search_table", "search box (paragraphs.json)"),
        ("search_table_no_suggestions", "  without suggested facets"),
        ("search_table_rows_only", "  rows only (no count, facets)"),
        ("search_ranked", "ranked search (/-/tim-kiem)"),
        ("lookup", "decision lookup (/-/tra-cuu)"),
    ):
        print(
            f"  {label:32} p50 {s[key]['p50_ms']:6.1f} ms  p95 {s[key]['p95_ms']:6.1f} ms  ({s[key]['requests']} requests)"
        )
    print(f"underthesea ner: {r['ner']['kb_per_s']} KB/s on {r['ner']['sample_kb']} KB (one core)")
    print("\nbar" + " " * 33 + "measured")
    for name, (value, ok) in r["bars"].items():
        print(f"  {'PASS' if ok else 'MISS'}  {name:30} {value}")


def serving_only(db: Path, repeat: int, argv: list[str] | None) -> int:
    """Search and lookup latency on an existing database, with the load average before and after."""
    from miner.store import open_db

    db = db.resolve()
    open_db(db).close()
    load_before = [round(x, 2) for x in os.getloadavg()]
    result = {
        "command": "python benchmarks/archive_scale.py " + " ".join(argv if argv is not None else sys.argv[1:]),
        "load_before": load_before,
        "search": search_and_lookup(db, repeat),
        "machine": machine(),
    }
    s = result["search"]
    print(
        f"latency on {s['database']['paragraphs']} paragraphs ({s['database']['db_mb']} MB), "
        f"load {load_before} -> {result['machine']['load_average']}:"
    )
    for key in ("search_table", "search_table_no_suggestions", "search_table_rows_only", "search_ranked", "lookup"):
        print(
            f"  {key:28} p50 {s[key]['p50_ms']:6.1f} ms  p95 {s[key]['p95_ms']:6.1f} ms  ({s[key]['requests']} requests)"
        )
    out = OUT / f"{db.stem if db.stem.startswith('serving') else 'serving-' + db.stem}.json"
    out.write_text(json.dumps(result, ensure_ascii=False, indent=2))
    print(f"written: {out.relative_to(ROOT)}")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=20000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--single-docs", type=int, default=2000, help="documents of the one-worker run")
    ap.add_argument("--search-paragraphs", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=20, help="times each search and lookup is timed")
    ap.add_argument("--ner-kb", type=float, default=20.0)
    ap.add_argument(
        "--serving",
        type=Path,
        metavar="DB",
        help="only measure search and lookup on this database (opened with miner's store first, "
        "which migrates an older schema) and write benchmarks/out/serving-DB.json",
    )
    args = ap.parse_args(argv)
    reaper.adopt_orphans()
    OUT.mkdir(parents=True, exist_ok=True)
    if args.serving:
        return serving_only(args.serving, args.repeat, argv)
    result: dict = {
        "command": "python benchmarks/archive_scale.py " + " ".join(argv if argv is not None else sys.argv[1:]),
        "load_before": [round(x, 2) for x in os.getloadavg()],
        "docs": args.docs,
        "seed": args.seed,
    }
    folder = archive(args.docs, args.seed)
    single = archive(min(args.single_docs, args.docs), args.seed)
    db = OUT / f"ingest-s{args.seed}-n{args.docs}.db"
    print(f"ingest, 1 worker, {single.name} ...", flush=True)
    result["ingest_1"] = ingest_figures(single, OUT / "ingest-single.db", 1)
    print(f"ingest, {args.workers} workers, {folder.name} ...", flush=True)
    result["ingest_n"] = ingest_figures(folder, db, args.workers)
    print("ingest again, unchanged ...", flush=True)
    result["second_ingest"] = run_ingest(folder, db, args.workers)
    per_doc = result["ingest_n"]["paragraphs"] / max(1, result["ingest_n"]["documents"])
    print("search and lookup ...", flush=True)
    result["search"] = search_and_lookup(search_database(args, db, per_doc), args.repeat)
    print("underthesea ner ...", flush=True)
    result["ner"] = ner_baseline(single, args.ner_kb)
    result["machine"] = machine()
    checks, extra = bars(result)
    result["bars"] = checks
    result.update(extra)
    print_table(result)
    out = OUT / f"archive-scale-s{args.seed}-n{args.docs}.json"
    out.write_text(json.dumps(result, ensure_ascii=False, indent=2))
    print(f"\nwritten: {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
