"""The Datasette plugin: SQL functions, the served metadata (every table and column described in
Vietnamese and English), label columns, default sorts, hidden full-text tables."""

from __future__ import annotations

import asyncio

import pytest

import miner.web
from miner import store
from miner.document import Document, Paragraph
from miner.record import Header, Record
from miner.store import FileState, open_db

from .conftest import Client
from .test_store import AT_1, DOC, ID_A, RECORD


@pytest.fixture
def record_client(db_path) -> Client:
    """Datasette over a database holding the seed report's paragraphs with a full record."""
    db = open_db(db_path)
    store.save(db, ID_A, AT_1, DOC, RECORD)
    db.close()
    return Client(db_path)


def served_columns(client: Client) -> dict[str, list[str]]:
    tables = client.get(f"/{client.database}.json").json()["tables"]
    return {t["name"]: t["columns"] for t in tables if not t["hidden"]}


# ---------------------------------------------------------------- hooks


def test_the_plugin_is_registered_with_its_hooks(client):
    plugins = {p["name"]: p for p in client.get("/-/plugins.json").json()}
    assert plugins["miner"] == {
        "name": "miner",
        "static": True,
        "templates": True,
        "version": miner.__version__,
        "hooks": sorted(HOOK_TESTS),
    }
    assert sorted(plugins) == ["datasette-auth-passwords", "miner"]  # the login of `miner serve`


def test_a_plain_datasette_gets_the_plugin_through_its_entry_point(seed_db):
    from importlib.metadata import entry_points

    (entry,) = [e for e in entry_points(group="datasette") if e.name == "miner"]
    assert entry.value == "miner.web"
    from datasette.app import Datasette

    ds = Datasette([str(seed_db)])  # no settings, no metadata: what `datasette db/reports.db` builds
    response = asyncio.run(
        ds.client.get(f"/{seed_db.stem}.json", params={"sql": "select symbol_key('354 / QĐ') as v", "_shape": "array"})
    )
    assert response.json() == [{"v": "354/qd"}]
    assert asyncio.run(ds.client.get("/-/tra-cuu.json", params={"q": "QĐ 354"})).status_code == 200


@pytest.mark.parametrize(
    ("sql", "expected"),
    [
        ("select fold('Quyết Định số 354/QĐ-UBND') as v", "quyet dinh so 354/qd-ubnd"),
        ("select fold('Uỷ ban nhân dân tỉnh Đắk Nông') as v", "uy ban nhan dan tinh dak nong"),
        ("select fold(null) as v", None),
        ("select fold_key('Sở GD&ĐT  tỉnh Đắk Nông') as v", "so gd dt tinh dak nong"),
        ("select symbol_key('354 / QĐ – UBND') as v", "354/qd-ubnd"),
        ("select symbol_key('06/2022/QH15') as v", "6/2022/qh15"),
        ("select symbol_key(null) as v", None),
        ("select fts_match('Quyết định') as v", '"quyet" "dinh"'),
        ("select fts_match('') as v", None),
        ("select search_snippet('Kho bạc Nhà nước', 'kho bac') as v", "⟦Kho⟧ ⟦bạc⟧ Nhà nước"),
        ("select search_snippet(null, 'x') as v", None),
        ("select count(*) as v from paragraphs_fts where paragraphs_fts match fts_match('QUYET ĐỊNH 354')", 1),
        ("select search_tier('Kho bạc Nhà nước tỉnh', 'Kho bạc') as v", 0),
        ("select search_tier('Kho nào cũng có bạc', 'Kho bạc') as v", 1),
        ("select search_tier('KHÓ BÁC nhà nước', 'Kho bạc') as v", 2),
        ("select search_tier('Tiền bạc ... khó khăn', 'Kho bạc') as v", 3),
        ("select search_tier('khó khăn, bác sĩ', 'kho bac') as v", 1),
        ("select words_match('Kho bạc Nhà nước tỉnh Đắk Nông', 'dak nong kho bac') as v", 1),
        ("select words_match('Kho bạc Nhà nước tỉnh Đắk Nông', 'cục thuế') as v", 0),
    ],
    ids=[
        "fold",
        "fold-old-tone",
        "fold-null",
        "fold-key",
        "symbol-key",
        "symbol-key-leading-zero",
        "symbol-key-null",
        "fts-match",
        "fts-match-empty",
        "search-snippet",
        "search-snippet-null",
        "fts-match-in-a-query",
        "tier-as-typed",
        "tier-words-as-typed",
        "tier-phrase-folded",
        "tier-words-folded",
        "tier-unmarked-query",
        "words-any-order",
        "words-missing",
    ],
)
def test_prepare_connection_sql_functions(client, sql, expected):
    response = client.get(f"/{client.database}.json", sql=sql, _shape="array")
    assert response.json() == [{"v": expected}]


def test_get_metadata_describes_every_served_table_and_column(record_client):
    metadata = record_client.get("/-/metadata.json").json()
    assert metadata["title"] == miner.web.TITLE
    tables = metadata["databases"][record_client.database]["tables"]
    undescribed = [
        (table, column)
        for table, columns in served_columns(record_client).items()
        for column in ["", *columns]
        if " / "
        not in (
            (tables.get(table) or {}).get("description")
            if column == ""
            else (tables.get(table) or {}).get("columns", {}).get(column) or ""
        )
    ]
    assert undescribed == []


def test_table_descriptions_are_vietnamese_then_english():
    assert miner.web.describe("documents") == (
        "Văn bản: mỗi tệp đã nạp (trùng nội dung thì lưu một lần) / "
        "Documents: one row per ingested file content (duplicates stored once)"
    )
    assert miner.web.describe("citations", "paragraph_id") == "Đoạn văn / Paragraph"
    assert miner.web.describe("documents", "no_such_column") is None


# ---------------------------------------------------------------- canned queries and facets

CANNED = {
    "tim_kiem": ({"q": "quyet dinh 354"}, "doan_trich"),
    "khen_thuong_cua_don_vi": ({"don_vi": "kho bac nha nuoc"}, "award"),
    "van_ban_duoc_dan_nhieu_nhat": ({}, "label"),
    "van_ban_theo_nam_tinh": ({"nam": "2022", "tinh": "Đắk Nông"}, "title"),
    "van_ban_dan_chieu": ({"so_ky_hieu": "354/QD-UBND"}, "written"),
    "don_vi_nhan_danh_hieu": ({"danh_hieu": "co thi dua", "tu_nam": "2020", "den_nam": "2023"}, "recipient"),
    "khen_thuong_theo_nam": ({}, "awards"),
    "dan_chieu_theo_nam": ({}, "citations"),
    "van_ban_theo_dia_danh_moi": ({"dia_danh": "Lâm Đồng"}, "place"),
}


def test_every_canned_query_is_described_in_both_languages(client):
    queries = client.get("/-/metadata.json").json()["databases"][client.database]["queries"]
    assert sorted(queries) == sorted(CANNED)
    assert {name: (" / " in q["title"], " / " in q["description"]) for name, q in queries.items()} == {
        name: (True, True) for name in CANNED
    }


@pytest.mark.parametrize(("name", "params", "column"), [(n, *v) for n, v in CANNED.items()], ids=CANNED.keys())
def test_every_canned_query_answers_on_the_seed(record_client, name, params, column):
    rows = record_client.get(f"/{record_client.database}/{name}.json", _shape="array", **params).json()
    assert rows and all(column in row for row in rows), rows


def test_canned_queries_answer_the_seed_questions(record_client):
    db = record_client.database
    for typed in ("Kho bạc", "kho bac dak nong", "Đắk Nông Kho bạc Nhà nước"):
        awards = record_client.get(f"/{db}/khen_thuong_cua_don_vi.json", _shape="array", don_vi=typed).json()
        assert [(r["year"], r["award"], r["recipient"]) for r in awards] == [
            (2022, "Cờ thi đua", "Kho bạc Nhà nước tỉnh Đắk Nông")
        ], typed
    cited = record_client.get(f"/{db}/van_ban_duoc_dan_nhieu_nhat.json", _shape="array").json()
    assert [(r["label"], r["citing_documents"], r["citations"]) for r in cited] == [("Quyết định 354/QĐ-UBND", 1, 1)]
    units = record_client.get(
        f"/{db}/don_vi_nhan_danh_hieu.json", _shape="array", danh_hieu="giấy khen", tu_nam="2022", den_nam="2022"
    ).json()
    assert [(r["recipient"], r["years"], r["times"]) for r in units] == [("Cục Thuế tỉnh Đắk Nông", "2022", 1)]
    assert (
        record_client.get(
            f"/{db}/don_vi_nhan_danh_hieu.json", _shape="array", danh_hieu="giấy khen", tu_nam="2023", den_nam=""
        ).json()
        == []
    )


def test_the_ranked_search_query_shows_its_snippet_marked(record_client):
    page = record_client.get(f"/{record_client.database}/tim_kiem", q="quyet dinh 354").text
    assert "theo <mark>Quyết</mark> <mark>định</mark> số <mark>354</mark>/QĐ-UBND" in page
    assert "⟦" not in page.split("<tbody>")[1]


def test_the_ranked_search_query_with_no_words_finds_nothing(record_client):
    assert record_client.get(f"/{record_client.database}/tim_kiem.json", _shape="array").json() == []


def test_cells_of_other_columns_are_not_rendered_as_marks(record_client):
    sql = "select '⟦<b>x</b>⟧' as doan_trich"
    page = record_client.get(f"/{record_client.database}", sql=sql).text
    assert "&lt;b&gt;" in page and "<mark>" in page  # escaped first, whoever wrote the SQL
    assert record_client.get(f"/{record_client.database}", sql="select '⟦x⟧' as other").text.count("<mark>") == 0


FACETS = {
    "documents": ["kind", "year", "issuer", "province"],
    "cited_documents": ["doc_type", "issuer", "year"],
    "award_events": ["award", "year", "grantor", "status"],
    "organizations": ["kind", "province"],
}


@pytest.mark.parametrize(("table", "facets"), FACETS.items(), ids=FACETS.keys())
def test_facets_on_the_natural_columns(record_client, table, facets):
    data = record_client.get(f"/{record_client.database}/{table}.json").json()
    assert list(data["facet_results"]) == facets


def test_menu_links_to_the_pages(client):
    page = client.get("/").text
    for path in ("/-/tra-cuu", "/-/tim-kiem", "/-/bieu-do"):
        assert f'<li><a href="{path}">' in page


HOOK_TESTS = {
    "asgi_wrapper": "tests/test_search.py::test_a_search_with_diacritics_finds_the_text_written_without, "
    "tests/test_web_hostile.py",
    "extra_template_vars": "tests/test_web_language.py, tests/test_web_links.py::test_row_pages_link_to_the_readers_pages",
    "handle_exception": "tests/test_web_hostile.py::test_datasette_core_answers_400_not_500",
    "startup": "tests/test_web_hostile.py::test_a_path_no_route_serves_is_a_404",
    "filters_from_request": "tests/test_search.py::test_a_paged_search_lists_the_pages_of_the_full_search",
    "forbidden": "tests/test_web_serve.py::test_with_a_password_anonymous_visitors_are_sent_to_the_login",
    "get_metadata": test_get_metadata_describes_every_served_table_and_column,
    "menu_links": test_menu_links_to_the_pages,
    "prepare_connection": test_prepare_connection_sql_functions,
    "register_routes": "tests/test_web_pages.py, tests/test_web_lookup.py",
    "render_cell": "test_the_ranked_search_query_shows_its_snippet_marked, "
    "tests/test_web_pages.py::test_table_cells_link_units_and_documents_to_their_pages",
}


def test_every_hook_has_a_test():
    hooks = sorted(name for name in dir(miner.web) if hasattr(getattr(miner.web, name), "datasette_impl"))
    assert hooks == sorted(HOOK_TESTS)


# ---------------------------------------------------------------- how tables are shown


def test_label_columns_name_the_rows_foreign_keys_point_to(record_client):
    columns = served_columns(record_client)
    tables = record_client.get("/-/metadata.json").json()["databases"][record_client.database]["tables"]
    labels = {name: t["label_column"] for name, t in tables.items() if "label_column" in t}
    assert {name: label in columns[name] for name, label in labels.items()} == {name: True for name in labels}
    (citation,) = record_client.rows("citations", _labels="on")
    assert citation["cited_document_id"] == {"value": 1, "label": "Quyết định 354/QĐ-UBND"}
    assert citation["document_id"] == {"value": ID_A, "label": DOC.paragraphs[0].text}
    assert citation["paragraph_id"]["label"] == DOC.paragraphs[1].text


def test_full_text_tables_are_hidden(client):
    tables = client.get(f"/{client.database}.json").json()["tables"]
    assert sorted(t["name"] for t in tables if t["hidden"]) == [
        store.FTS_TABLE + suffix for suffix in ("", "_config", "_content", "_data", "_docsize", "_idx")
    ]


def test_documents_default_to_the_newest_first(db_path):
    db = open_db(db_path)
    for n, date in enumerate(["2022-12-15", "2023-01-05", "2018-03-12"]):
        doc = Document(path=f"{n}.txt", format="txt", paragraphs=(Paragraph(0, f"Báo cáo số {n}"),))
        store.save(db, str(n) * 64, FileState(f"/a/{n}.txt", 1, 1.0), doc, Record(header=Header(issued_date=date)))
    db.close()
    assert [row["issued_date"] for row in Client(db_path).rows("documents")] == [
        "2023-01-05",
        "2022-12-15",
        "2018-03-12",
    ]


def test_paragraphs_default_to_document_then_reading_order(client, seed):
    from miner.readers import read_document

    assert [(r["seq"], r["text"]) for r in client.rows("paragraphs")] == [
        (p.seq, p.text) for p in read_document(seed).paragraphs
    ]


def test_serve_settings(client):
    settings = client.get("/-/settings.json").json()
    assert {k: settings[k] for k in miner.web.SETTINGS} == miner.web.SETTINGS
