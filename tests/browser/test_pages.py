"""The served pages in a real browser (issue 4, item 8): the paragraphs search box, the decision
lookup, a document with a script tag in its text, the chart page."""

from __future__ import annotations

from urllib.parse import quote

import pytest

pytestmark = pytest.mark.slow  # make test-fast skips it


def test_search_box_finds_the_seed_paragraph(page, server):
    page.goto(f"{server['url']}/{server['database']}/paragraphs")
    page.fill('input[name="_search"]', "quyet dinh 354")
    page.press('input[name="_search"]', "Enter")
    page.wait_for_load_state()
    cells = page.locator("td.col-text").all_inner_texts()
    assert any("Quyết định số 354/QĐ-UBND ngày 12/3/2018" in c for c in cells), cells
    assert page.errors == []


def test_lookup_finds_the_decision_and_the_seed_citing_it(page, server, artifacts):
    page.goto(f"{server['url']}/-/tra-cuu")
    page.fill("#q", "QĐ 354")
    page.press("#q", "Enter")
    page.wait_for_load_state()
    assert page.locator("article.match h2").first.inner_text() == "Quyết định 354/QĐ-UBND"
    seed_links = page.locator(f'ol.citing a[href^="/-/van-ban/{server["seed_id"]}"]')
    assert seed_links.count() >= 1
    marks = page.locator("ol.citing blockquote mark").all_inner_texts()
    assert marks and all("354/QĐ-UBND" in m for m in marks), marks
    page.screenshot(path=str(artifacts / "tra-cuu.png"), full_page=True)
    assert page.errors == []


def test_a_script_tag_in_a_document_is_shown_as_text(page, server, artifacts):
    page.goto(f"{server['url']}/-/van-ban/{server['hostile_id']}")
    page.wait_for_load_state("load")
    text = page.locator(".document-text").inner_text()
    assert "<script>alert(1)</script>" in text
    assert page.dialogs == []
    page.goto(f"{server['url']}/-/van-ban/{server['seed_id']}")
    assert page.locator(".document-text mark.fact-cite").count() >= 1
    page.screenshot(path=str(artifacts / "van-ban.png"))
    page.goto(f"{server['url']}/-/tim-kiem?q={quote('alert')}")
    assert "<script>alert(1)</script>" in page.locator("ol.search-results").inner_text()
    assert page.dialogs == []


def test_the_chart_page_draws_without_console_errors(page, server, artifacts):
    page.goto(f"{server['url']}/-/bieu-do")
    page.wait_for_selector('.vega-chart[data-rendered="true"]', timeout=15000)
    assert page.locator(".vega-chart svg").count() == page.locator(".vega-chart").count() >= 1
    page.screenshot(path=str(artifacts / "bieu-do.png"), full_page=True)
    assert page.errors == []
