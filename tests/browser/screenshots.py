"""Every page of `miner serve` at 1366 and at 390 px, written as PNG files for a person to review.

    .venv/bin/python tests/browser/screenshots.py [--db DB] [--out tests/artifacts/screenshots]

Without --db, corpus/ is ingested into OUT/reports.db first. The pages are found from the
database: the home page, the database, every table, a row of each, every canned query, the
lookup (a symbol, a Party symbol, a title, a pasted list), the search (with and without marks),
a document, a cited document, a unit, a person, a group, a place, an award type, the charts,
the login and an error page. Each page is checked for horizontal scrolling (the page wider than
the window) and console errors; the list of problems is printed and written to OUT/problems.txt,
and the exit status is 1 when there is one. `make screenshots` runs this.
"""

from __future__ import annotations

import argparse
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote, urlencode

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, _free_port  # noqa: E402

WIDTHS = (1366, 390)


def pages(db: Path) -> list[tuple[str, str]]:
    """(name, path) of every page to look at, ids read from the database."""
    conn = sqlite3.connect(db)
    name = db.stem

    def first(sql: str) -> object:
        row = conn.execute(sql).fetchone()
        return row[0] if row else None

    out = [("home", "/"), ("database", f"/{name}")]
    for (table,) in conn.execute(
        "select name from sqlite_master where type = 'table' and name not like 'paragraphs_fts%' "
        "and name not like 'sqlite_%' order by name"
    ):
        out.append((f"table-{table}", f"/{name}/{table}"))
        pk = (
            first(f"select id from [{table}] limit 1")
            if table != "document_paths"
            else first("select path from document_paths limit 1")
        )
        if pk is not None:
            out.append((f"row-{table}", f"/{name}/{table}/{quote(str(pk), safe='')}"))
    from miner.web.metadata import canned_queries

    examples = {
        "tim_kiem": {"q": "Kho bạc"},
        "khen_thuong_cua_don_vi": {"don_vi": "kho bac dak nong"},
        "van_ban_theo_nam_tinh": {"nam": "2022"},
        "van_ban_dan_chieu": {"so_ky_hieu": "354/QĐ-UBND"},
        "don_vi_nhan_danh_hieu": {"danh_hieu": "Cờ thi đua"},
        "van_ban_theo_dia_danh_moi": {"dia_danh": "Lâm Đồng"},
    }
    for query in canned_queries():
        args = examples.get(query)
        out.append((f"query-{query}", f"/{name}/{query}" + ("?" + urlencode(args) if args else "")))
    document = first("select document_id from paragraphs group by document_id order by count(*) desc limit 1")
    out += [
        ("lookup", "/-/tra-cuu"),
        ("lookup-symbol", "/-/tra-cuu?" + urlencode({"q": "QĐ 354"})),
        ("lookup-party", "/-/tra-cuu?" + urlencode({"q": "214-QĐ/TW"})),
        ("lookup-title", "/-/tra-cuu?" + urlencode({"q": "Luật Thi đua, khen thưởng"})),
        (
            "lookup-list",
            "/-/tra-cuu?"
            + urlencode(
                {
                    "danh_sach": "354/QĐ-UBND; 2587/QĐ-UBND, 4180/2006/QĐ-UBND\n"
                    "Căn cứ Nghị định số 91/2017/NĐ-CP ngày 31/7/2017"
                }
            ),
        ),
        ("search-marked", "/-/tim-kiem?" + urlencode({"q": "Kho bạc"})),
        ("search-folded", "/-/tim-kiem?" + urlencode({"q": "kho bac", "loai": "bao_cao"})),
        # a province of today: the paragraphs naming those merged into it, each with its old name
        ("search-new-name", "/-/tim-kiem?" + urlencode({"q": "Lâm Đồng"})),
        ("search-old-name", "/-/tim-kiem?" + urlencode({"q": "Đắk Nông"})),
        ("document", f"/-/van-ban/{document}"),
        ("charts", "/-/bieu-do"),
        ("login", "/-/login"),
        ("error", "/-/don-vi/abc"),
    ]
    for page, table, sql in (
        (
            "cited",
            "van-ban-dan-chieu",
            "select cited_document_id from citations group by 1 order by count(*) desc limit 1",
        ),
        (
            "unit",
            "don-vi",
            "select organization_id from organization_mentions group by 1 order by count(*) desc limit 1",
        ),
        ("person", "ca-nhan", "select person_id from person_mentions group by 1 order by count(*) desc limit 1"),
        (
            "group",
            "khoi-thi-dua",
            "select emulation_group_id from emulation_group_mentions group by 1 order by count(*) desc limit 1",
        ),
        ("place", "dia-danh", "select location_id from location_mentions group by 1 order by count(*) desc limit 1"),
        (
            "place-moved",
            "dia-danh",
            "select id from locations where now_in like '%, %' or merged_into is not null "
            "order by now_in like '%, %' desc, id limit 1",
        ),
        (
            "award-type",
            "khen-thuong",
            "select award_type_id from award_events group by 1 order by count(*) desc limit 1",
        ),
    ):
        found = first(sql)
        if found is not None:
            out.append((page, f"/-/{table}/{found}"))
    conn.close()
    return out


def ingest_corpus(out: Path) -> Path:
    db = out / "reports.db"
    if not db.exists():
        miner = Path(sys.executable).with_name("miner")
        subprocess.run(
            [str(miner), "ingest", str(ROOT / "corpus"), "--db", str(db), "--exclude", "README.md"],
            check=False,
            capture_output=True,
            timeout=600,
        )
    return db


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path)
    ap.add_argument("--out", type=Path, default=ROOT / "tests" / "artifacts" / "screenshots")
    ap.add_argument("--only", help="only the pages whose name contains this")
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    db = args.db or ingest_corpus(args.out)
    if not CHROMIUM.exists():
        print(f"{CHROMIUM} is missing: run `make browser` (as root) first", file=sys.stderr)
        return 2
    from playwright.sync_api import sync_playwright

    port = _free_port()
    miner = Path(sys.executable).with_name("miner")
    log = tempfile.TemporaryFile()
    server = subprocess.Popen([str(miner), "serve", "--db", str(db), "--port", str(port)], stdout=log, stderr=log)
    url = f"http://127.0.0.1:{port}"
    problems: list[str] = []
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(url + "/-/versions.json", timeout=2)
                break
            except OSError:
                time.sleep(0.2)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            for width in WIDTHS:
                context = browser.new_context(viewport={"width": width, "height": 900})
                page = context.new_page()
                errors: list[str] = []
                page.on("console", lambda m, errors=errors: errors.append(m.text) if m.type == "error" else None)
                page.on("pageerror", lambda e, errors=errors: errors.append(str(e)))
                for name, path in pages(db):
                    if args.only and args.only not in name:
                        continue
                    errors.clear()
                    response = page.goto(url + path)
                    page.wait_for_load_state("networkidle")
                    if page.locator(".vega-chart").count():
                        page.wait_for_selector(".vega-chart[data-rendered], .vega-chart[data-error]", timeout=15000)
                    status = response.status if response else 0
                    wide = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
                    if wide > 0:
                        problems.append(f"{name} at {width} px: the page scrolls sideways by {wide} px ({path})")
                    if status >= 500 or (status >= 400 and name != "error"):
                        problems.append(f"{name} at {width} px: HTTP {status} ({path})")
                    if name != "error":  # the error page's own 400 is logged as a failed resource
                        problems += [f"{name} at {width} px: console: {e}" for e in errors if "favicon" not in e]
                    page.screenshot(path=str(args.out / f"{name}-{width}.png"), full_page=True)
                context.close()
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=10)
    (args.out / "problems.txt").write_text("\n".join(problems) + "\n")
    print(f"{len(list(args.out.glob('*.png')))} screenshots in {args.out}")
    print("\n".join(problems) if problems else "no page scrolls sideways, no server or console error")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
