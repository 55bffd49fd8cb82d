"""A clerk's and a researcher's way through `miner serve` in Chromium (issue 18): every fact a link
to a page that names things, a home page that starts the work, one language, search that respects
the marks typed, the lookup of Party symbols and pasted lists, readable charts, and every page
usable at 390 px without scrolling sideways."""

from __future__ import annotations

import re
from urllib.parse import quote

import pytest

from .screenshots import pages as every_page

pytestmark = pytest.mark.slow  # make test-fast skips it

HEX_ID = re.compile(r"^[0-9a-f]{64}$")
CODES = ("bao_cao", "quyet_dinh", "ke_hoach", "to_trinh", "thong_bao", "granted", "proposed", "table_row")


def visible_text(page) -> str:
    return page.locator("section.content").inner_text()


def test_every_fact_mark_leads_to_a_page_that_names_it_and_links_back(page, server):
    document = f"{server['url']}/-/van-ban/{server['seed_id']}"
    page.goto(document)
    targets = sorted(
        set(page.locator("mark.fact a.fact-label").evaluate_all("els => els.map(e => e.getAttribute('href'))"))
    )
    assert len(targets) >= 6, targets
    kinds = {t.split("/")[2] for t in targets}
    assert kinds >= {"van-ban-dan-chieu", "don-vi", "dia-danh", "khoi-thi-dua", "khen-thuong"}, kinds
    for target in targets:
        assert not re.search(r"/\w+_mentions/|/citations/", target)
        response = page.goto(server["url"] + target)
        assert response.status == 200, target
        heading = page.locator("h1").inner_text().strip()
        assert heading and not heading.isdigit() and not HEX_ID.match(heading), (target, heading)
        # No bare id where a name exists: no cell, item or link text is a document's 64-hex id or a lone number
        # standing for an entity.
        texts = page.locator("section.content a").all_inner_texts()
        assert not [t for t in texts if HEX_ID.match(t.strip())], (target, texts)
        back = page.locator(f'a[href^="/-/van-ban/{server["seed_id"]}"], a[href^="/-/doan/"]')
        assert back.count() >= 1, f"{target} does not link back to the document"
    assert page.errors == []


def test_row_pages_of_mentions_name_the_document_and_the_entity(page, server):
    page.goto(f"{server['url']}/{server['database']}/organization_mentions")
    first_row = page.locator("table.rows-and-columns tbody tr").first
    first_row.locator("td").first.locator("a").click()
    page.wait_for_load_state()
    cells = {c.get_attribute("class").split()[0]: c.inner_text().strip() for c in page.locator("td").all()}
    assert cells["col-document_id"] and not HEX_ID.match(cells["col-document_id"])
    assert cells["col-organization_id"] and not cells["col-organization_id"].isdigit()
    page.locator("a.button-link").first.click()
    page.wait_for_load_state()
    assert page.url.split(server["url"])[1].startswith("/-/don-vi/")


def test_the_home_page_starts_with_the_lookup_then_the_search(page, server, artifacts):
    page.goto(server["url"] + "/")
    forms = page.locator("section.content form").evaluate_all("fs => fs.map(f => f.getAttribute('action'))")
    assert forms[:2] == ["/-/tra-cuu", "/-/tim-kiem"]
    assert page.locator('a[href="/-/bieu-do"]').count() >= 1
    page.fill("#home-lookup", "QĐ 354")
    page.press("#home-lookup", "Enter")
    page.wait_for_load_state()
    assert page.locator("article.match h2").first.inner_text().startswith("Quyết định 354/QĐ-UBND")


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/{db}/documents",
        "/{db}/award_events",
        "/{db}/documents?kind=bao_cao",
        "/-/tim-kiem?q=kho+bac",
        "/-/tra-cuu?danh_sach=QĐ+354%0A999/QĐ-UBND",
    ],
)
def test_no_code_is_shown_to_a_reader(page, server, path):
    page.goto(server["url"] + path.format(db=server["database"]))
    text = visible_text(page)
    assert [c for c in CODES if re.search(rf"\b{c}\b", text)] == []
    assert "This data as" not in text.replace("/ This data as", "")


def test_a_search_with_marks_puts_the_words_as_typed_first(page, server):
    page.goto(f"{server['url']}/-/tim-kiem")
    page.fill("#q", "Kho bạc")
    page.press("#q", "Enter")
    page.wait_for_load_state()
    results = page.locator("ol.search-results li")
    tiers = [int(c.split("tier-")[1]) for c in results.evaluate_all("els => els.map(e => e.className)")]
    assert tiers == sorted(tiers) and tiers[0] == 0 and tiers[-1] == 3, tiers
    as_typed = [t for t in tiers if t == 0]
    for i in range(len(as_typed)):
        assert "kho bạc" in results.nth(i).locator("blockquote").inner_text().lower()
    folded_only = results.nth(len(tiers) - 1).locator("blockquote").inner_text()
    assert "Kho bạc" not in folded_only and "kho bạc" not in folded_only.lower()
    assert re.search(r"Tìm thấy / Found \d+ đoạn / paragraphs", page.locator("p.found").inner_text())


def test_the_lookup_finds_a_party_rule_and_every_symbol_of_a_pasted_line(page, server):
    page.goto(f"{server['url']}/-/tra-cuu?q={quote('214-QĐ/TW')}")
    assert page.locator("article.match h2").first.inner_text().startswith("Quy định 214-QĐ/TW")
    page.fill("#danh_sach", "354/QĐ-UBND; 2587/QĐ-UBND")
    page.click("text=Tra cứu danh sách / Look up the list")
    page.wait_for_load_state()
    rows = page.locator(".list-answer .list-row .list-query").all_inner_texts()
    assert [r.split(" — ")[0] for r in rows] == ["354/QĐ-UBND", "2587/QĐ-UBND"]


@pytest.mark.parametrize("page", [1280, 390], indirect=True)
def test_charts_have_distinct_colours_a_whole_legend_and_integer_axes(page, server, artifacts):
    page.goto(f"{server['url']}/-/bieu-do")
    page.wait_for_selector('.vega-chart[data-rendered="true"]', timeout=15000)
    legends = 0
    for chart in page.locator(".vega-chart").all():
        labels = chart.locator(".role-legend-label text").evaluate_all("els => els.map(e => e.textContent)")
        assert not [t for t in labels if t.endswith("…")], labels
        fills = chart.locator(".role-legend-symbol path").evaluate_all("els => els.map(e => e.getAttribute('fill'))")
        assert len(set(fills)) == len(fills), fills
        legends += bool(labels) and len(fills) == len(labels)
        ticks = chart.locator(".role-axis-label text").evaluate_all("els => els.map(e => e.textContent)")
        assert not [t for t in ticks if re.fullmatch(r"\d+\.\d+", t)], ticks
    assert legends == 2  # awards by class and by type
    width = page.viewport_size["width"]
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.screenshot(path=str(artifacts / f"bieu-do-{width}.png"), full_page=True)
    assert page.errors == []


@pytest.mark.parametrize("page", [390], indirect=True)
def test_every_page_fits_a_phone(page, server):
    wide = []
    for name, path in every_page(server["db"]):
        page.goto(server["url"] + path)
        page.wait_for_load_state("load")
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        if overflow > 0:
            wide.append((name, overflow))
    assert wide == []
