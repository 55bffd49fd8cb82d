"""The plugin's pages: a document's page (facts marked, text always escaped), a unit's page, the
charts page, ranked search, and the validation of their parameters (issue 4, issue 7 item 4)."""

from __future__ import annotations

import html
import json
import re

import pytest

from miner import store
from miner.document import Document, Paragraph
from miner.record import Header, Record
from miner.store import FileState, open_db

from .conftest import Client
from .test_store import DOC, ID_A, KBNN
from .web_archive import HOSTILE, HOSTILE_KB, ID_B, ID_C, RECORD_C, SCRIPT


def kbnn_id(client: Client) -> int:
    (row,) = client.rows("organizations", name=KBNN.name)
    return row["id"]


# ---------------------------------------------------------------- a document's page


def test_document_page_shows_markup_in_the_text_as_text(archive_client):
    response = archive_client.get(f"/-/van-ban/{ID_C}")
    assert response.status_code == 200
    assert SCRIPT not in response.text
    assert "<b>năm" not in response.text
    assert html.escape(SCRIPT) in response.text
    assert html.escape(f"Báo cáo {SCRIPT}") in response.text  # the title too


def test_document_page_marks_each_fact_and_links_it_to_the_page_of_what_it_names(archive_client):
    page = archive_client.get(f"/-/van-ban/{ID_A}").text
    facts = archive_client.get(f"/-/van-ban/{ID_A}.json").json()["facts"]
    links = re.findall(r'<a class="fact-label" href="([^"]+)">', page)
    assert sorted(links) == sorted(f["url"] for f in facts) and len(links) == len(facts) == 13
    assert {link.split("/")[2] for link in links} == {
        "van-ban-dan-chieu",
        "don-vi",
        "ca-nhan",
        "dia-danh",
        "khoi-thi-dua",
        "khen-thuong",
    }
    (kbnn,) = archive_client.rows("organizations", name=KBNN.name)
    assert f"/-/don-vi/{kbnn['id']}" in links
    marked = re.findall(r'<mark class="fact fact-cite" title="([^"]*)">([^<]*)<a', page)
    assert marked == [("Quyết định 354/QĐ-UBND", "Quyết định số 354/QĐ-UBND ngày 12/3/2018")]


def test_document_page_keeps_the_text_whole_around_nested_marks(archive_client):
    page = archive_client.get(f"/-/van-ban/{ID_A}").text
    (body,) = re.findall(r'<p id="p2" class="par par-body">(.*?)</p>', page, re.DOTALL)
    text = re.sub(r'<a class="fact-label"[^>]*>[^<]*</a>|<[^>]+>', "", body)
    assert html.unescape(" ".join(text.split()[1:])) == " ".join(DOC.paragraphs[2].text.split())
    assert re.search(
        r'<mark class="fact fact-org" title="Cục Thuế tỉnh Đắk Nông">Cục Thuế tỉnh '
        r'<mark class="fact fact-loc" title="Đắk Nông">Đắk Nông<a',
        body,
    )


def test_document_page_json_lists_paragraphs_and_facts(archive_client):
    data = archive_client.get(f"/-/van-ban/{ID_C}.json").json()
    assert [p["text"] for p in data["paragraphs"]] == [HOSTILE]
    assert sorted((f["table"], f["start"], f["end"]) for f in data["facts"]) == [
        ("award_events", 0, 7),
        ("organization_mentions", HOSTILE_KB, HOSTILE_KB + 30),
    ]


# ---------------------------------------------------------------- a unit's page


def test_unit_page_lists_aliases_documents_awards_and_cited_decisions(archive_client):
    unit = kbnn_id(archive_client)
    data = archive_client.get(f"/-/don-vi/{unit}.json").json()
    assert data["organization"]["name"] == KBNN.name
    assert data["aliases"] == [
        {"text": HOSTILE[HOSTILE_KB : HOSTILE_KB + 30], "n": 1},
        {"text": "Kho bạc nhà nước tỉnh Đắk Nông", "n": 1},
    ]
    assert sorted(d["id"] for d in data["documents"]) == [ID_A, ID_C]
    assert [(a["year"], a["award"], a["status"]) for a in data["awards"]] == [
        (2023, "Bằng khen", "granted"),
        (2022, "Cờ thi đua", "granted"),
    ]
    assert data["awards_by_year"] == [
        {"year": 2022, "award": "Cờ thi đua", "n": 1},
        {"year": 2023, "award": "Bằng khen", "n": 1},
    ]
    assert data["issued_cited"] == []


def test_unit_page_shows_the_decisions_it_issued_that_others_cite(archive_client):
    (ubnd,) = [r for r in archive_client.rows("organizations") if r["name"] == "Ủy ban nhân dân tỉnh Lâm Đồng"] or [
        None
    ]
    if ubnd is None:  # the issuer is no organisation of the record: give it a row to have a page
        db = open_db(archive_client.ds.databases[archive_client.database].path)
        db["organizations"].insert({"key": "uy ban nhan dan tinh lam dong", "name": "Ủy ban nhân dân tỉnh Lâm Đồng"})
        db.close()
        (ubnd,) = [r for r in archive_client.rows("organizations") if r["name"] == "Ủy ban nhân dân tỉnh Lâm Đồng"]
    data = archive_client.get(f"/-/don-vi/{ubnd['id']}.json").json()
    assert [(c["label"], c["issued_date"], c["citing"]) for c in data["issued_cited"]] == [
        ("Quyết định 354/QĐ-UBND", "2020-06-05", 1),
    ]


def test_unit_page_draws_its_awards_with_the_vendored_vega_lite(archive_client):
    page = archive_client.get(f"/-/don-vi/{kbnn_id(archive_client)}").text
    scripts = re.findall(r'<script src="([^"]+)"', page)
    assert scripts == [
        f"/-/miner/static/{name}" for name in ("vega.min.js", "vega-lite.min.js", "vega-embed.min.js", "charts.js")
    ]
    (spec,) = re.findall(r'<script type="application/json">(.*?)</script>', page)
    chart = json.loads(spec)
    assert [(v["year"], v["award"], v["n"]) for v in chart["data"]["values"]] == [
        (2022, "Cờ thi đua", 1),
        (2023, "Bằng khen", 1),
    ]
    assert chart["encoding"]["y"]["axis"] == {"format": "d", "tickMinStep": 1}  # counts, never 0.2 of an award


# ---------------------------------------------------------------- charts


def test_charts_page_data(archive_client):
    data = archive_client.get("/-/bieu-do.json").json()
    assert data == {
        "awards_per_year": [
            {"year": 2022, "award": "Cờ thi đua", "n": 1},
            {"year": 2022, "award": "Giấy khen", "n": 1},
            {"year": 2023, "award": "Bằng khen", "n": 1},
        ],
        "awards_per_year_by_class": [
            {"year": 2022, "category": "Danh hiệu thi đua / Emulation title", "n": 1},
            {"year": 2022, "category": "Giấy khen / Certificate of commendation", "n": 1},
            {"year": 2023, "category": "Bằng khen / Certificate of merit", "n": 1},
        ],
        "citations_per_year": [{"year": 2020, "n": 1}, {"year": 2022, "n": 1}],
    }


def test_charts_page_embeds_both_specs_and_serves_the_scripts(archive_client):
    page = archive_client.get("/-/bieu-do").text
    specs = [json.loads(s) for s in re.findall(r'<script type="application/json">(.*?)</script>', page)]
    assert [s["mark"]["type"] for s in specs] == ["bar", "bar", "line"]
    for src in re.findall(r'<script src="([^"]+)"', page):
        response = archive_client.get(src)
        assert (src, response.status_code, len(response.content) > 1000 or src.endswith("charts.js")) == (
            src,
            200,
            True,
        )


def test_chart_specs_cannot_close_their_script_element(archive_client):
    from miner.web.pages import vega_json

    assert "</script>" not in vega_json({"title": f"x {SCRIPT}"})
    assert json.loads(str(vega_json({"title": f"x {SCRIPT}"}))) == {"title": f"x {SCRIPT}"}


# ---------------------------------------------------------------- ranked search


@pytest.mark.parametrize(
    ("query", "filters", "expected"),
    [
        ("quyet dinh 354", {}, [ID_B, ID_A]),
        ("Quyết định 354", {}, [ID_B, ID_A]),
        ("quyết định 354", {"nam": "2020"}, [ID_B]),
        ("354/QĐ-UBND", {"tinh": "Lâm Đồng"}, [ID_B]),
        ("Kho bac", {"loai": "bao_cao"}, [ID_A, ID_C]),
        ("quyet dinh", {"co_quan": "lam dong"}, [ID_B]),
    ],
    ids=["folded", "with-diacritics", "year", "symbol-and-province", "kind", "issuer"],
)
def test_search_page_ranks_and_filters(archive_client, query, filters, expected):
    data = archive_client.get("/-/tim-kiem.json", q=query, **filters).json()
    assert sorted({r["document_id"] for r in data["rows"]}) == sorted(expected)
    order = [(r["tier"], -r["rank"]) for r in data["rows"]]
    assert order == sorted(order)
    assert data["found"]["total"] == len(data["rows"])


# Each kind of match of "Kho bạc", the folded-only ones newest and shortest (they would win on weight).
AS_TYPED = {
    "phrase-as-typed": "Báo cáo của Kho bạc Nhà nước tỉnh Đắk Nông về công tác thi đua trong năm 2023",
    "words-as-typed-apart": "Kho lưu trữ của đơn vị đã bàn giao số bạc thu được trong đợt kiểm tra năm 2023",
    "phrase-folded-only": "Khó bác nhà nước",
    "words-folded-only": "Tiền bạc khó khăn",
}


@pytest.fixture
def as_typed_client(db_path) -> Client:
    db = open_db(db_path)
    for n, (name, text) in enumerate(AS_TYPED.items()):
        doc = Document(path=f"{name}.txt", format="txt", paragraphs=(Paragraph(0, text),))
        store.save(
            db, f"{n:064x}", FileState(f"/as-typed/{name}.txt", 1, 1.0), doc, Record(header=Header(kind="bao_cao"))
        )
    db.close()
    return Client(db_path)


def test_search_with_marks_ranks_every_match_as_typed_above_the_folded_only(as_typed_client):
    """Issue 18 item 4: the words typed with their marks, as a phrase or apart, before "Khó bác" as a phrase."""
    by_id = {f"{n:064x}": name for n, name in enumerate(AS_TYPED)}
    rows = as_typed_client.get("/-/tim-kiem.json", q="Kho bạc").json()["rows"]
    assert [(by_id[r["document_id"]], r["tier"]) for r in rows] == [
        ("phrase-as-typed", 0),
        ("words-as-typed-apart", 1),
        ("phrase-folded-only", 2),
        ("words-folded-only", 3),
    ]
    canned = as_typed_client.rows("tim_kiem", q="Kho bạc", nam="", tinh="", loai="", co_quan="")
    assert [by_id[r["document_id"]] for r in canned] == list(AS_TYPED)
    # Without marks nothing is typed to respect: both phrases first, then the words apart.
    rows = as_typed_client.get("/-/tim-kiem.json", q="kho bac").json()["rows"]
    assert [r["tier"] for r in rows] == [0, 0, 1, 1]
    assert {by_id[r["document_id"]] for r in rows[:2]} == {"phrase-as-typed", "phrase-folded-only"}


def test_search_page_marks_the_words_as_written(archive_client):
    page = archive_client.get("/-/tim-kiem", q="quyet dinh 354", nam="2020").text
    assert "Căn cứ <mark>Quyết</mark> <mark>định</mark> số <mark>354</mark>/QĐ-UBND" in page


def test_search_page_escapes_the_text(archive_client):
    page = archive_client.get("/-/tim-kiem", q="alert").text
    assert SCRIPT not in page
    assert "&lt;script&gt;<mark>alert</mark>(1)&lt;/script&gt;" in page


# ---------------------------------------------------------------- parameters


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/-/van-ban/not-a-hash", 400),
        ("/-/van-ban/" + "0" * 64, 404),
        ("/-/van-ban/" + "A" * 64, 400),
        ("/-/van-ban/" + "0" * 64 + ".json", 404),
        ("/-/don-vi/abc", 400),
        ("/-/don-vi/-1", 400),
        ("/-/don-vi/99999999", 404),
        ("/-/don-vi/" + "9" * 40, 400),
        ("/-/tim-kiem?q=" + "a" * 301, 400),
        ("/-/tim-kiem?q=x&nam=abc", 400),
        ("/-/tim-kiem?q=x&nam=3000", 400),
        ("/-/tim-kiem?q=x&trang=0", 400),
        ("/-/tim-kiem.json?q=x&trang=999", 400),
        ("/-/tim-kiem?q=x&co_quan=" + "a" * 201, 400),
        ("/-/tra-cuu?q=" + "1" * 201, 400),
        ("/-/tra-cuu.json?q=abc", 400),
        ("/-/tra-cuu?danh_sach=" + "1%0A" * 501, 400),
        ("/-/tra-cuu.csv?danh_sach=" + "1" * 50_001, 400),
        ("/-/miner/static/..%2F__init__.py", 404),
    ],
    ids=[
        "document-malformed",
        "document-unknown",
        "document-upper-hex",
        "document-json-unknown",
        "unit-not-a-number",
        "unit-negative",
        "unit-unknown",
        "unit-huge",
        "search-too-long",
        "search-year-word",
        "search-year-range",
        "search-page-zero",
        "search-page-too-far",
        "search-issuer-too-long",
        "lookup-too-long",
        "lookup-no-number",
        "list-too-many-lines",
        "list-too-long",
        "static-outside",
    ],
)
def test_pages_refuse_bad_parameters_without_a_server_error(archive_client, path, status):
    assert archive_client.get(path).status_code == status


def test_a_bad_parameter_is_explained_in_the_page(archive_client):
    response = archive_client.get("/-/don-vi/abc")
    assert "a unit&#39;s id is a number" in response.text
    assert archive_client.get("/-/don-vi/abc.json").json() == {
        "ok": False,
        "error": "mã đơn vị phải là một số / a unit's id is a number",
        "status": 400,
    }


def test_search_pages_through_the_results(archive_client, monkeypatch):
    monkeypatch.setattr("miner.web.search.PAGE_SIZE", 1)
    first = archive_client.get("/-/tim-kiem.json", q="quyet dinh 354").json()
    second = archive_client.get("/-/tim-kiem.json", q="quyet dinh 354", trang="2").json()
    assert (first["more"], second["more"]) == (True, False)
    assert {first["rows"][0]["document_id"], second["rows"][0]["document_id"]} == {ID_A, ID_B}
    page = archive_client.get("/-/tim-kiem", q="quyet dinh 354", nam="").text
    assert 'href="/-/tim-kiem?q=quyet+dinh+354&amp;nam=&amp;trang=2"' in page


# ---------------------------------------------------------------- links from the tables to the pages


def test_table_cells_link_units_and_documents_to_their_pages(archive_client):
    db = archive_client.database
    units = archive_client.get(f"/{db}/organizations").text
    assert f'<a href="/-/don-vi/{kbnn_id(archive_client)}">{KBNN.name}</a>' in units
    documents = archive_client.get(f"/{db}/documents").text
    assert f'<a href="/-/van-ban/{ID_C}">{html.escape(RECORD_C.header.title)}</a>' in documents
    assert SCRIPT not in documents


@pytest.mark.parametrize(
    ("query", "filters"),
    [("quyet dinh", {"co_quan": "lam dong"}), ("Kho bac", {"loai": "bao_cao"}), ("quyet dinh 354", {"nam": "2020"})],
    ids=["issuer", "kind", "year"],
)
def test_search_page_pages_filtered_results_in_their_order(archive_client, monkeypatch, query, filters):
    everything = archive_client.get("/-/tim-kiem.json", q=query, **filters).json()["rows"]
    monkeypatch.setattr("miner.web.search.PAGE_SIZE", 1)
    paged = [archive_client.get("/-/tim-kiem.json", q=query, trang=str(n), **filters).json()["rows"] for n in (1, 2, 3)]
    assert [row for page in paged for row in page] == everything[:3]
    assert everything


def test_a_filtered_search_reads_a_bounded_number_of_matches_and_says_so(archive_client, monkeypatch):
    monkeypatch.setattr("miner.web.search.SCAN_LIMIT", 1)  # only the newest match is read
    data = archive_client.get("/-/tim-kiem.json", q="quyet dinh", loai="bao_cao").json()
    assert data["found"]["bounded"] is True
    assert len(data["rows"]) <= 1
