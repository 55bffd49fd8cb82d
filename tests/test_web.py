"""The Datasette plugin: SQL functions, the served metadata (every table and column described in
Vietnamese and English), label columns, default sorts, hidden full-text tables."""

from __future__ import annotations

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
    assert client.get("/-/plugins.json").json() == [
        {"name": "miner", "static": False, "templates": False, "version": miner.__version__, "hooks": sorted(HOOK_TESTS)}
    ]


@pytest.mark.parametrize(
    ("sql", "expected"),
    [
        ("select fold('Quyết Định số 354/QĐ-UBND') as v", "quyet dinh so 354/qd-ubnd"),
        ("select fold('Uỷ ban nhân dân tỉnh Đắk Nông') as v", "uy ban nhan dan tinh dak nong"),
        ("select fold(null) as v", None),
        ("select fold_key('Sở GD&ĐT  tỉnh Đắk Nông') as v", "so gd dt tinh dak nong"),
        ("select symbol_key('354 / QĐ – UBND') as v", "354/qd-ubnd"),
        ("select symbol_key('06/2022/QH15') as v", "6/2022/qh15"),
    ],
    ids=["fold", "fold-old-tone", "fold-null", "fold-key", "symbol-key", "symbol-key-leading-zero"],
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
        if " / " not in ((tables.get(table) or {}).get("description") if column == "" else
                         (tables.get(table) or {}).get("columns", {}).get(column) or "")
    ]
    assert undescribed == []


def test_table_descriptions_are_vietnamese_then_english():
    assert miner.web.describe("documents") == (
        "Văn bản: mỗi tệp đã nạp (trùng nội dung thì lưu một lần) / "
        "Documents: one row per ingested file content (duplicates stored once)"
    )
    assert miner.web.describe("citations", "paragraph_id") == "Đoạn văn / Paragraph"
    assert miner.web.describe("documents", "no_such_column") is None


HOOK_TESTS = {
    "get_metadata": test_get_metadata_describes_every_served_table_and_column,
    "prepare_connection": test_prepare_connection_sql_functions,
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
    assert [row["issued_date"] for row in Client(db_path).rows("documents")] == ["2023-01-05", "2022-12-15", "2018-03-12"]


def test_paragraphs_default_to_document_then_reading_order(client, seed):
    from miner.readers import read_document

    assert [(r["seq"], r["text"]) for r in client.rows("paragraphs")] == [
        (p.seq, p.text) for p in read_document(seed).paragraphs
    ]


def test_serve_settings(client):
    settings = client.get("/-/settings.json").json()
    assert {k: settings[k] for k in miner.web.SETTINGS} == miner.web.SETTINGS
