"""What the 2025 reform costs the served pages at archive scale (issue 16, item 4): ranked search by a
name of today (which also reads the paragraphs naming the old places now in it), by an old name,
and the unit and place pages that say where a place now lies.

    python benchmarks/new_names.py [--db benchmarks/out/serving-s1-n20000.db] [--repeat 10] [--workers 2]

The synthetic archive names provinces and districts but no commune, so the measured database is a
copy of --db (made once and kept as benchmarks/out/new-names-DB.db) into which the 1,159 real texts
of ../shared/corpus/public/public-web.tar.xz are ingested by `miner ingest`: their communes get
where they lie now from the real extraction (the reform resolutions among them name thousands).
In one run, through Datasette's in-process client (each path once to warm, then --repeat times):

  ordinary        the ranked searches of archive_scale.py (the look-ups run and find no place of today)
  new commune     the 10 communes of today with the most old communes stored, as typed and unmarked
  new province    the 8 provinces of today the most mentioned merged provinces went into
  filtered        the new names with a filter (kind, year)
  old name        the 10 old communes most named, as typed (the page says where each lies now)
  unit page       the 20 units with the most mentions; place page: the merged provinces and communes

Each group is also timed with the reform's look-ups switched off (the page as it was before them),
in the same rounds: prints p50/p95 of both and their ratio, and writes benchmarks/out/new-names.json.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "out"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from archive_scale import SEARCHES, machine, miner_command  # noqa: E402
from same_output import PUBLIC, public_texts  # noqa: E402


def names_database(db: Path, workers: int) -> Path:
    """A copy of `db` with the public texts ingested (made once, kept)."""
    copy = OUT / f"new-names-{db.stem}.db"
    if copy.exists():
        return copy
    if not public_texts():
        raise SystemExit(f"no public texts: {PUBLIC} (from ../shared/corpus/public/public-web.tar.xz)")
    partial = copy.with_suffix(".partial.db")
    shutil.copyfile(db, partial)
    print(f"ingesting the public texts into {partial.name} ...", flush=True)
    subprocess.run(
        [*miner_command(), "ingest", str(PUBLIC), "--db", str(partial), "--workers", str(workers)], check=False
    )
    for suffix in ("-wal", "-shm"):
        Path(str(partial) + suffix).unlink(missing_ok=True)
    partial.rename(copy)
    return copy


def queries(db: Path) -> dict[str, list[dict]]:
    """The searches of each group, as query-string parameters."""
    import sqlite3

    from miner.locations import provinces
    from miner.normalize import fold

    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        communes = [
            r[0]
            for r in conn.execute(
                "select now_in, count(*) from locations where level in ('xã', 'phường', 'thị trấn') "
                "and now_in like '%, %' and now_in not like ',%' group by now_in order by 2 desc, 1 limit 10"
            )
        ]
        old = [
            r[0]
            for r in conn.execute(
                "select l.level || ' ' || l.name, count(*) as n from location_mentions m join locations l on l.id = m.location_id "
                "where l.level in ('xã', 'phường', 'thị trấn') and l.now_in like '%, %' group by l.id order by n desc limit 10"
            )
        ]
        merged = {p.name: p.merged_into for p in provinces() if p.merged_into}
        counts = conn.execute(
            "select l.name, count(*) from location_mentions m join locations l on l.id = m.location_id "
            "where l.level = 'tỉnh' group by l.id"
        ).fetchall()
    finally:
        conn.close()
    by_new: dict[str, int] = {}
    for name, n in counts:
        if name in merged:
            by_new[merged[name]] = by_new.get(merged[name], 0) + n
    new_provinces = sorted(by_new, key=lambda k: -by_new[k])[:8]
    new_communes = [re.sub(r"^(?:Xã|Phường|Đặc khu|Thị trấn) ", "", c.split(", ")[0]) for c in communes]
    return {
        "ordinary": [{"q": q} for q in SEARCHES],
        "new_commune": [{"q": q} for c in new_communes for q in (c, fold(c))],
        "new_province": [{"q": q} for q in new_provinces],
        "filtered": [
            {"q": q, **f}
            for q in new_communes[:5] + new_provinces[:5]
            for f in ({"loai": "quyet_dinh"}, {"nam": "2023"})
        ],
        "old_name": [{"q": q} for q in old],
    }


def pages(db: Path) -> dict[str, list[str]]:
    import sqlite3

    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        units = [
            r[0]
            for r in conn.execute(
                "select organization_id from organization_mentions group by organization_id order by count(*) desc limit 20"
            )
        ]
        places = [
            r[0]
            for r in conn.execute(
                "select id from locations where merged_into is not null and level = 'tỉnh' "
                "union all select * from (select id from locations where now_in like '%, %' limit 20)"
            )
        ]
    finally:
        conn.close()
    return {"unit_page": [f"/-/don-vi/{u}" for u in units], "place_page": [f"/-/dia-danh/{p}" for p in places]}


def measure(db: Path, groups: dict[str, list[str]], repeat: int) -> dict:
    """p50/p95 (ms) of each group's paths as served and with the reform's look-ups switched off
    ("GROUP without": no old names, no place of today, no place in a unit's name), interleaved round
    by round, each first in every other round, so that the machine's load and SQLite's cache treat
    both alike."""
    from miner.web import make_datasette, old_names

    real = {
        name: getattr(old_names, name) for name in ("old_places", "typed_old_places", "places_in_unit", "place_now")
    }
    off = {
        "old_places": lambda *a: None,
        "typed_old_places": lambda *a: [],
        "places_in_unit": lambda *a: [],
        "place_now": lambda conn, key, place: old_names.PlaceNow(place),
    }

    async def run() -> dict[str, list[float]]:
        ds = make_datasette(db)
        await ds.invoke_startup()
        times: dict[str, list[float]] = {}
        for round_number in range(repeat + 1):
            for group, paths in groups.items():
                # each first in every other round: the second reads pages the first brought into the cache
                for switched_off in (False, True) if round_number % 2 else (True, False):
                    for name in real:
                        setattr(old_names, name, off[name] if switched_off else real[name])
                    key = group + (" without" if switched_off else "")
                    for path in paths:
                        start = time.perf_counter()
                        response = await ds.client.get(path)
                        if response.status_code != 200:
                            raise RuntimeError(f"{path}: {response.status_code} {response.text[:300]}")
                        if round_number:  # the first round warms
                            times.setdefault(key, []).append((time.perf_counter() - start) * 1000)
        for name in real:
            setattr(old_names, name, real[name])
        return times

    out = {}
    for group, times in asyncio.run(run()).items():
        times.sort()
        out[group] = {
            "requests": len(times),
            "p50_ms": round(statistics.median(times), 1),
            "p95_ms": round(times[int(0.95 * (len(times) - 1))], 1),
            "max_ms": round(times[-1], 1),
        }
    return out


def found(db: Path, params: list[dict]) -> dict:
    """How many old places and paragraphs the new-name searches found (the work they did)."""
    from miner.web import make_datasette

    async def run():
        ds = make_datasette(db)
        await ds.invoke_startup()
        out = []
        for p in params:
            data = (await ds.client.get("/-/tim-kiem.json?" + urlencode(p))).json()
            old = data["old_names"] or {}
            out.append((len(old.get("places", [])), data["found"]["old_names"]))
        return out

    rows = asyncio.run(run())
    return {
        "searches": len(rows),
        "with_old_places": sum(1 for p, _ in rows if p),
        "old_places_max": max((p for p, _ in rows), default=0),
        "old_paragraphs_on_the_ranking_max": max((n for _, n in rows), default=0),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, default=OUT / "serving-s1-n20000.db")
    ap.add_argument("--repeat", type=int, default=10)
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    args = ap.parse_args(argv)
    from miner.store import open_db

    open_db(args.db).close()  # migrates an older schema (locations.now_in) before it is copied
    db = names_database(args.db.resolve(), args.workers)
    open_db(db).close()
    params = queries(db)
    groups = {g: ["/-/tim-kiem.json?" + urlencode(p) for p in ps] for g, ps in params.items()}
    groups.update(pages(db))
    load_before = [round(x, 2) for x in os.getloadavg()]
    latency = measure(db, groups, args.repeat)
    conn_figures = found(db, params["new_commune"] + params["new_province"])
    result = {
        "command": "python benchmarks/new_names.py " + " ".join(argv if argv is not None else sys.argv[1:]),
        "database": str(db.relative_to(ROOT)),
        "load_before": load_before,
        "latency": latency,
        "p95_against_without": {g: round(latency[g]["p95_ms"] / latency[g + " without"]["p95_ms"], 2) for g in groups},
        "new_name_searches": conn_figures,
        "queries": params,
        "machine": machine(),
    }
    import sqlite3

    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    result["paragraphs"] = conn.execute("select max(id) from paragraphs").fetchone()[0]
    result["communes_with_now_in"] = conn.execute(
        "select count(*) from locations where level in ('xã', 'phường', 'thị trấn') and now_in like '%, %'"
    ).fetchone()[0]
    conn.close()
    print(
        f"{result['paragraphs']} paragraphs, {result['communes_with_now_in']} old communes with a commune of today; "
        f"load {load_before} -> {result['machine']['load_average']}"
    )
    print(f"  {'':14} {'as served':>24} {'look-ups switched off':>26}   p95 ratio")
    for group in groups:
        on, off = latency[group], latency[group + " without"]
        print(
            f"  {group:14} p50 {on['p50_ms']:6.1f} p95 {on['p95_ms']:6.1f} ms   p50 {off['p50_ms']:6.1f} "
            f"p95 {off['p95_ms']:6.1f} ms   x{result['p95_against_without'][group]:.2f}  ({on['requests']} requests each)"
        )
    print(f"  new-name searches: {conn_figures}")
    out = OUT / "new-names.json"
    out.write_text(json.dumps(result, ensure_ascii=False, indent=2))
    print(f"written: {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
