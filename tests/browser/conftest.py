"""A real `miner serve` on a free 127.0.0.1 port over a database ingested from corpus/ (and a
document whose text holds a script tag), and Debian's headless Chromium driven by Playwright."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = ROOT / "tests" / "artifacts"
# Chromium as the machine has it: no sandbox (root in a container), no GPU, nothing fetched behind our back.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
HOSTILE_NAME = "zz-script-tag.txt"
HOSTILE_TEXT = "BÁO CÁO\n\nKết quả thi đua năm 2023 <script>alert(1)</script> của Kho bạc Nhà nước tỉnh Đắk Nông.\n"
# A plan citing a Party rule (a "QĐ/TW" symbol is a Quy định) and paragraphs whose words fold to
# "kho bac" without being it ("Tiền bạc ... khó khăn"): what the lookup and the search must tell apart.
PARTY_NAME = "zz-ke-hoach-quy-dinh-214.txt"
PARTY_TEXT = (
    "KẾ HOẠCH\nTổ chức phong trào thi đua năm 2024\n\n"
    "Căn cứ Quy định số 214-QĐ/TW ngày 02/01/2020 của Bộ Chính trị về khung tiêu chuẩn chức danh;\n\n"
    "Tiền bạc của đơn vị được quản lý chặt chẽ, dù còn nhiều khó khăn.\n\n"
    "Khó khăn lớn nhất là thiếu bác sĩ ở tuyến xã.\n\n"
    "Kho bạc Nhà nước tỉnh Đắk Nông phối hợp triển khai kế hoạch.\n"
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def browser():
    """Headless Chromium, or a skip saying why there is none. Module-scoped: Playwright's sync API
    keeps an event loop running in this thread until it stops, and the Datasette test client of the
    other modules calls asyncio.run(), which refuses to start inside a running loop."""
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing: `make test` installs Debian's chromium when run as root with apt")
    playwright_api = pytest.importorskip("playwright.sync_api", reason="pip install -e '.[test]' brings playwright")
    with playwright_api.sync_playwright() as p:
        try:
            browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        except Exception as exc:  # a broken install: say so rather than fail every test
            pytest.skip(f"Chromium does not start: {exc}")
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def server(tmp_path_factory) -> dict:
    """`miner serve` over corpus/ and the hostile document; its URL and the hostile document's id."""
    folder = tmp_path_factory.mktemp("served")
    corpus = folder / "corpus"
    shutil.copytree(ROOT / "corpus", corpus, ignore=shutil.ignore_patterns("README.md", "*.py"))
    (corpus / HOSTILE_NAME).write_text(HOSTILE_TEXT, encoding="utf-8")
    (corpus / PARTY_NAME).write_text(PARTY_TEXT, encoding="utf-8")
    db = folder / "reports.db"
    miner = [str(Path(sys.executable).parent / "miner")]  # the venv's command, as `make test` has it
    subprocess.run([*miner, "ingest", str(corpus), "--db", str(db)], check=False, capture_output=True, timeout=300)
    port = _free_port()
    log = open(folder / "serve.log", "w")
    process = subprocess.Popen([*miner, "serve", "--db", str(db), "--port", str(port)], stdout=log, stderr=log)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(url + "/-/versions.json", timeout=2)
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"miner serve did not start: {(folder / 'serve.log').read_text()}") from None
                time.sleep(0.2)
        import sqlite3

        conn = sqlite3.connect(db)
        (hostile_id,) = conn.execute("select id from documents where path like ?", [f"%{HOSTILE_NAME}"]).fetchone()
        (seed_id,) = conn.execute("select id from documents where path like '%000-khoi5-daknong-2022.txt'").fetchone()
        conn.close()
        yield {"url": url, "hostile_id": hostile_id, "seed_id": seed_id, "database": db.stem, "db": db}
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


@pytest.fixture(params=[1280])
def page(browser, request):
    """A fresh page that records console errors, page errors and dialogs (1280 px wide, or the param)."""
    context = browser.new_context(viewport={"width": request.param, "height": 900})
    page = context.new_page()
    page.errors = []
    page.dialogs = []
    page.on("console", lambda m: page.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: page.errors.append(str(e)))

    def on_dialog(dialog):
        page.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    yield page
    context.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """tests/artifacts/ (git-ignored): screenshots a person can look at."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
