"""One language (issue 18, item 3): Vietnamese first with English beside it on the plugin's pages
and in Datasette's chrome; every coded value shown by its label in pages, facets, filters and the
CSVs of the lookup, of tables and of canned queries; tables titled by what they hold, a canned query by its title."""

from __future__ import annotations

import csv
import io
import re

import pytest

from miner import data
from miner.web import csv_labels, labels

from .web_archive import ID_A, ID_B, ID_C

# Codes a reader must never read as text (the bar of issue 18), and Datasette's English chrome.
CODES = ("bao_cao", "quyet_dinh", "granted", "proposed", "table_row", "not found", "ambiguous", "stored only")
CHROME = (
    "This data as",
    "Apply",
    "Links from other tables",
    "Advanced export",
    "Custom SQL query",
    "Next page",
    "0 records",
    "Powered by Datasette",
    "- remove filter -",
    "Suggested facets",
)


def text_nodes(page: str) -> list[str]:
    """What a reader reads: the text between the tags of the page's body (scripts and styles left out)."""
    body = page.split("<body", 1)[-1]
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", body, flags=re.DOTALL)
    return [" ".join(t.split()) for t in re.split(r"<[^>]+>", body) if t.strip()]


def raw_words(page: str) -> list[str]:
    """Codes shown as they are stored, and Datasette's English words shown without Vietnamese before them."""
    found = []
    for node in text_nodes(page):
        found += [c for c in CODES if node == c or ("_" in c and c in node)]
        found += [w for w in CHROME if re.search(rf"(?<!/ ){re.escape(w)}", node)]
    return found


def pages(client) -> list[str]:
    db = client.database
    unit = client.rows("organizations")[0]["id"]
    (cited,) = [r["id"] for r in client.rows("cited_documents") if r["issued_date"] == "2018-03-12"]
    return [
        "/",
        f"/{db}",
        f"/{db}/documents",
        f"/{db}/documents?kind=bao_cao",
        f"/{db}/award_events",
        f"/{db}/award_events?status=granted",
        f"/{db}/paragraphs",
        f"/{db}/documents/{ID_A}",
        f"/{db}/award_events/1",
        f"/{db}/tim_kiem?q=kho+bac",
        f"/{db}/khen_thuong_cua_don_vi?don_vi=kho+bac",
        f"/{db}/ingest_errors",
        "/-/tra-cuu?q=QĐ+354",
        "/-/tra-cuu?danh_sach=QĐ+354%0A999/QĐ-UBND%0Aquyết+định+120",
        "/-/tim-kiem?q=kho+bạc",
        f"/-/van-ban/{ID_A}",
        f"/-/van-ban/{ID_B}",
        f"/-/van-ban/{ID_C}",
        f"/-/don-vi/{unit}",
        f"/-/van-ban-dan-chieu/{cited}",
        "/-/bieu-do",
        "/-/don-vi/abc",
    ]


def test_no_page_shows_a_code_or_datasettes_english_chrome(archive_client):
    found = []
    for path in pages(archive_client):
        response = archive_client.get(path)
        assert response.status_code in (200, 400), (path, response.status_code)
        found += [(path, w) for w in raw_words(response.text)]
    assert found == []


def test_facets_and_filters_show_labels(archive_client):
    db = archive_client.database
    page = archive_client.get(f"/{db}/documents").text
    facet = page[page.index('data-column="kind"') :]
    assert "Báo cáo / Report" in facet[:1500] and "Quyết định / Decision" in facet[:1500]
    assert "<strong>Loại văn bản / Kind" in page
    assert '<option value="kind">Loại văn bản / Kind</option>' in page
    filtered = archive_client.get(f"/{db}/award_events", status="granted").text
    assert "Trạng thái / Status = “Đã tặng / Granted”" in filtered
    search = archive_client.get("/-/tim-kiem", q="x").text
    assert '<option value="bao_cao">Báo cáo / Report</option>' in search


def test_cells_of_coded_columns_show_labels_and_json_keeps_codes(archive_client):
    db = archive_client.database
    page = archive_client.get(f"/{db}/documents").text
    assert re.search(r'<td class="col-kind[^"]*">Báo cáo / Report</td>', page)
    assert {r["kind"] for r in archive_client.rows("documents")} == {"bao_cao", "quyet_dinh"}


def test_tables_and_canned_queries_are_titled_not_named(archive_client):
    db = archive_client.database
    assert "<title>Khen thưởng / Awards" in archive_client.get(f"/{db}/award_events").text
    query = archive_client.get(f"/{db}/tim_kiem", q="kho bac").text
    title = re.search(r"<title>(.*?)</title>", query, re.DOTALL).group(1)
    assert title == "Tìm kiếm đoạn văn, đúng dấu trước / Paragraph search, as typed first"
    assert '<th class="col-doan_trich" scope="col">Đoạn trích / Excerpt</th>' in query


def test_the_lookup_counts_in_both_languages_with_plurals(archive_client):
    page = archive_client.get("/-/tra-cuu", q="quyết định 354 2018").text
    assert "1 lần, trong 1 văn bản / 1 time, in 1 document" in page
    assert "times in 1 documents" not in page


def test_the_list_lookup_counts_with_the_same_plurals(archive_client):
    page = archive_client.get("/-/tra-cuu", danh_sach="354/QĐ-UBND ngày 05/6/2020").text
    rows = page[page.index('class="list-answer"') :]
    assert "1 lần, trong 1 văn bản / 1 time, in 1 document" in rows
    assert "times in 1 documents" not in rows and "1 times" not in rows


def test_every_document_kind_and_error_class_has_a_label():
    kinds = {r["kind"] for r in data.rows("doc_types.tsv")}
    spec = {
        "bao_cao",
        "quyet_dinh",
        "ke_hoach",
        "cong_van",
        "to_trinh",
        "thong_bao",
        "huong_dan",
        "nghi_quyet",
        "chi_thi",
        "quy_che",
        "bien_ban",
        "other",
    }
    assert {k for k in kinds | spec if labels.value_label("documents", "kind", k) is None} == set()
    import miner.ingest
    import miner.store
    from miner.errors import MinerError

    def subclasses(cls):
        for sub in cls.__subclasses__():
            yield sub
            yield from subclasses(sub)

    # The errors a failed file is stored with (ingest_errors.error_class): the readers', ingest's, the store's.
    writes_errors = ("miner.errors", "miner.ingest", "miner.store", "miner.readers")
    classes = {c.__name__ for c in subclasses(MinerError) if c.__module__.startswith(writes_errors)}
    assert {c for c in classes if labels.value_label("ingest_errors", "error_class", c) is None} == set()
    assert miner.ingest and miner.store


# ---------------------------------------------------------------- CSV headings and values (issue 18 item 3)


def csv_rows(response) -> list[list[str]]:
    assert response.status_code == 200, response.text[:300]
    return list(csv.reader(io.StringIO(response.text, newline="")))


def test_a_tables_csv_carries_labels_and_json_and_sql_keep_codes(archive_client):
    db = archive_client.database
    columns = ["recipient", "recipient_kind", "status"]
    for stream in ({}, {"_stream": "on"}):
        rows = csv_rows(archive_client.get(f"/{db}/award_events.csv", _col=columns, _sort="id", **stream))
        assert rows[0] == [
            "Mã / Id",
            "Người, tập thể nhận / Recipient",
            "Loại người nhận / Recipient kind",
            "Trạng thái / Status",
        ]
        assert [r[1:] for r in rows[1:]] == [
            [
                r["recipient"],
                labels.shown("award_events", "recipient_kind", r["recipient_kind"]) if r["recipient_kind"] else "",
                labels.shown("award_events", "status", r["status"]),
            ]
            for r in archive_client.rows("award_events", _sort="id")
        ]
        assert {"Tập thể / Organisation", "Đã tặng / Granted"} <= {c for r in rows[1:] for c in r}
    assert {r["status"] for r in archive_client.rows("award_events")} <= {"granted", "proposed"}
    sql = csv_rows(archive_client.get(f"/{db}.csv", sql="select status from award_events order by id"))
    assert sql[0] == ["status"] and {r[0] for r in sql[1:]} <= {"granted", "proposed"}


def test_a_csv_with_expanded_names_titles_the_name_columns(archive_client):
    rows = csv_rows(archive_client.get(f"/{archive_client.database}/documents.csv", _col="kind", _labels="on"))
    assert rows[0] == ["Mã văn bản / Document id", "Loại văn bản / Kind"]
    kept = csv_rows(
        archive_client.get(f"/{archive_client.database}/award_events.csv", _col="document_id", _labels="on")
    )
    assert kept[0] == ["Mã / Id", "Văn bản / Document", "Văn bản / Document (tên / name)"]


def test_a_canned_querys_csv_carries_labels(archive_client):
    rows = csv_rows(
        archive_client.get(
            f"/{archive_client.database}/tim_kiem.csv", q="Kho bạc", nam="", tinh="", loai="", co_quan=""
        )
    )
    assert "Đoạn trích / Excerpt" in rows[0] and "kind" not in rows[0]
    kinds = {r[rows[0].index(labels.column_title(None, "kind"))] for r in rows[1:]}
    assert kinds == {"Báo cáo / Report"}


@pytest.mark.parametrize("chunk", [1, 7, 4096])
def test_the_csv_is_relabelled_whatever_its_chunks(chunk):
    source = io.StringIO()
    writer = csv.writer(source)
    writer.writerow(["id", "kind", "title"])
    writer.writerow([1, "bao_cao", 'Báo cáo "năm"\r\nhai dòng, một ô'])
    writer.writerow([2, "quyet_dinh", ""])
    writer.writerow([3, "", "Đắk Nông"])
    data = source.getvalue().encode("utf-8")
    relabel = csv_labels.Relabel("documents")
    out = b"".join(relabel.feed(data[i : i + chunk], final=i + chunk >= len(data)) for i in range(0, len(data), chunk))
    assert list(csv.reader(io.StringIO(out.decode("utf-8"), newline=""))) == [
        ["Mã văn bản / Document id", "Loại văn bản / Kind", "Tên, trích yếu / Title"],
        ["1", "Báo cáo / Report", 'Báo cáo "năm"\r\nhai dòng, một ô'],
        ["2", "Quyết định / Decision", ""],
        ["3", "", "Đắk Nông"],
    ]


def test_a_failed_csv_request_is_passed_through(archive_client):
    response = archive_client.get(f"/{archive_client.database}/documents.csv", _sort="nope")
    assert response.status_code == 400 and "Cannot sort" in response.text
