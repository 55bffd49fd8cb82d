"""What the served pages cost where an archive is large: a filtered ranked search on a big database,
and a document of 200,000 paragraphs shown a page at a time (issue 14, items 2 and 5).

    python benchmarks/serving_bounds.py [--db benchmarks/out/serving-s1-n20000.db] [--paragraphs 200000] [--repeat 10]

Filtered searches (kind, province, year, issuer) run through Datasette's in-process client on --db;
the long document is written once into benchmarks/out/long-document-N.db (kept) with miner's own
store, then its first, middle and last pages (HTML and JSON) are timed, and so is a lookup answered
while twenty document pages are asked for at once (the event loop must not stall). Prints p50/p95
and writes benchmarks/out/serving-bounds.json.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "out"
sys.path.insert(0, str(ROOT))

FILTERED = (
    {"q": "thi đua khen thưởng", "loai": "quyet_dinh"},
    {"q": "Bằng khen", "loai": "ke_hoach"},
    {"q": "Kho bạc Nhà nước", "tinh": "Hà Tĩnh"},
    {"q": "kho bac", "nam": "2019"},
    {"q": "Tập thể lao động xuất sắc", "co_quan": "ủy ban"},
    {"q": "hoa don dien tu", "loai": "bao_cao", "nam": "2023"},
)
DOCUMENT_ID = "f" * 64


def long_document(paragraphs: int) -> Path:
    """A database holding one document of `paragraphs` short paragraphs (a unit named every 1,000th)."""
    from miner import store
    from miner.document import Document, Paragraph
    from miner.record import Header, Organization, Record, Span
    from miner.store import FileState, open_db

    db_path = OUT / f"long-document-{paragraphs}.db"
    if db_path.exists():
        return db_path
    name = "Kho bạc Nhà nước tỉnh Đắk Nông"
    texts = [name if i % 1000 == 0 else f"Đoạn {i}: x" for i in range(paragraphs)]
    spans = tuple(Span(i, 0, len(name), name) for i in range(0, paragraphs, 1000))
    db = open_db(db_path)
    store.save(
        db,
        DOCUMENT_ID,
        FileState("/long.txt", 1, 1.0),
        Document(path="long.txt", format="txt", paragraphs=tuple(Paragraph(i, t) for i, t in enumerate(texts))),
        Record(header=Header(title="Văn bản rất dài"), organizations=(Organization(name, spans=spans),)),
    )
    db.close()
    return db_path


def percentiles(times: list[float]) -> dict:
    times = sorted(times)
    return {
        "requests": len(times),
        "p50_ms": round(statistics.median(times), 1),
        "p95_ms": round(times[int(0.95 * (len(times) - 1))], 1),
        "max_ms": round(times[-1], 1),
    }


async def timed(ds, paths: list[str], repeat: int) -> dict:
    for path in paths:
        response = await ds.client.get(path)
        if response.status_code != 200:
            raise RuntimeError(f"{path}: {response.status_code} {response.text[:300]}")
    times = []
    for _ in range(repeat):
        for path in paths:
            start = time.perf_counter()
            await ds.client.get(path)
            times.append((time.perf_counter() - start) * 1000)
    return percentiles(times)


async def lookup_under_load(ds, pages: list[str]) -> float:
    """Milliseconds of one lookup asked while twenty document pages are being answered."""
    load = [asyncio.ensure_future(ds.client.get(pages[i % len(pages)])) for i in range(20)]
    await asyncio.sleep(0)
    start = time.perf_counter()
    await ds.client.get("/-/tra-cuu.json?" + urlencode({"q": "QĐ 354"}))
    elapsed = (time.perf_counter() - start) * 1000
    await asyncio.gather(*load)
    return elapsed


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, default=OUT / "serving-s1-n20000.db")
    ap.add_argument("--paragraphs", type=int, default=200_000)
    ap.add_argument("--repeat", type=int, default=10)
    args = ap.parse_args(argv)
    OUT.mkdir(parents=True, exist_ok=True)
    from miner.web import make_datasette
    from miner.web.pages import DOCUMENT_PAGE

    result: dict = {
        "command": "python benchmarks/serving_bounds.py " + " ".join(argv if argv is not None else sys.argv[1:]),
        "load_before": [round(x, 2) for x in os.getloadavg()],
    }
    if args.db.exists():
        ds = make_datasette(args.db)

        async def filtered():
            await ds.invoke_startup()
            return await timed(ds, ["/-/tim-kiem.json?" + urlencode(f) for f in FILTERED], args.repeat)

        result["filtered_search"] = asyncio.run(filtered())
        print(f"filtered search on {args.db.name}: {result['filtered_search']}")
    started = time.perf_counter()
    long_db = long_document(args.paragraphs)
    result["long_document_built_s"] = round(time.perf_counter() - started, 1)
    last = -(-args.paragraphs // DOCUMENT_PAGE)
    pages = [
        f"/-/van-ban/{DOCUMENT_ID}",
        f"/-/van-ban/{DOCUMENT_ID}?trang={last // 2}",
        f"/-/van-ban/{DOCUMENT_ID}?trang={last}",
        f"/-/van-ban/{DOCUMENT_ID}.json?trang={last // 2}",
    ]
    ds = make_datasette(long_db)

    async def document():
        await ds.invoke_startup()
        timing = await timed(ds, pages, args.repeat)
        under_load = [await lookup_under_load(ds, pages) for _ in range(5)]
        return timing, under_load

    timing, under_load = asyncio.run(document())
    result["document_page"] = {"paragraphs": args.paragraphs, "pages": last, **timing}
    result["lookup_while_20_document_pages_ms"] = [round(x, 1) for x in under_load]
    result["load_after"] = [round(x, 2) for x in os.getloadavg()]
    print(f"document of {args.paragraphs} paragraphs ({last} pages of {DOCUMENT_PAGE}): {result['document_page']}")
    print(f"a lookup while 20 document pages are answered: {result['lookup_while_20_document_pages_ms']} ms")
    (OUT / "serving-bounds.json").write_text(json.dumps(result, ensure_ascii=False, indent=2))
    print(f"written: {(OUT / 'serving-bounds.json').relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
