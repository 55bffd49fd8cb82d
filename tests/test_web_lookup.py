"""Decision lookup (/-/tra-cuu): a symbol however written, parsed with the project's patterns and
matched through the indexed symbol keys; the citing passages highlighted; a pasted list as CSV."""

from __future__ import annotations

import csv
import io
import re
import sqlite3

import pytest

from miner.web.lookup import (
    _CITED_SQL,
    _OWN_SQL,
    MAX_QUERY_CHARS,
    BadQuery,
    SymbolQuery,
    parse_list,
    parse_query,
)
from miner.web.lookup_page import LIST_HEADERS

from .web_archive import ID_A, ID_B, LAM_DONG_CITATION

# The ways office staff write the seed's decision (issue 4), and others from real documents.
PARSED = {
    "symbol": ("354/QĐ-UBND", SymbolQuery("354/QĐ-UBND", "354", "Quyết định", "QĐ-UBND", typed_key="354/qd-ubnd")),
    "type-code-then-number": ("QĐ 354", SymbolQuery("QĐ 354", "354", "Quyết định", type_typed=True)),
    "no-diacritics": (
        "354/QD-UBND",
        SymbolQuery("354/QD-UBND", "354", "Quyết định", "QD-UBND", typed_key="354/qd-ubnd"),
    ),
    "words": ("quyết định số 354", SymbolQuery("quyết định số 354", "354", "Quyết định", type_typed=True)),
    "with-date": (
        "354/QĐ-UBND ngày 12/3/2018",
        SymbolQuery(
            "354/QĐ-UBND ngày 12/3/2018", "354", "Quyết định", "QĐ-UBND", 2018, "2018-03-12", typed_key="354/qd-ubnd"
        ),
    ),
    "folded-with-year": ("qd 354 2018", SymbolQuery("qd 354 2018", "354", "Quyết định", year=2018, type_typed=True)),
    "lower-case-symbol": (
        "354/qđ-ubnd",
        SymbolQuery("354/qđ-ubnd", "354", "Quyết định", "QĐ-UBND", typed_key="354/qd-ubnd"),
    ),
    "spaced-symbol": ("354 / QĐ - UBND", SymbolQuery("354 / QĐ - UBND", "354", "Quyết định", "QĐ-UBND")),
    "year-in-symbol": (
        "Nghị định 91/2017/NĐ-CP",
        SymbolQuery(
            "Nghị định 91/2017/NĐ-CP", "91", "Nghị định", "NĐ-CP", 2017, type_typed=True, typed_key="91/2017/nd-cp"
        ),
    ),
    "law": (
        "Luật số 06/2022/QH15",
        SymbolQuery("Luật số 06/2022/QH15", "06", "Luật", "QH15", 2022, type_typed=True, typed_key="6/2022/qh15"),
    ),
    "report-words": ("báo cáo số 112", SymbolQuery("báo cáo số 112", "112", "Báo cáo", type_typed=True)),
    "date-in-words": (
        "Tờ trình 215/TTr-SNV ngày 22 tháng 12 năm 2023",
        SymbolQuery(
            "Tờ trình 215/TTr-SNV ngày 22 tháng 12 năm 2023",
            "215",
            "Tờ trình",
            "TTr-SNV",
            2023,
            "2023-12-22",
            type_typed=True,
            typed_key="215/ttr-snv",
        ),
    ),
    "bare-number": ("354", SymbolQuery("354", "354")),
    "party-rule": ("214-QĐ/TW", SymbolQuery("214-QĐ/TW", "214", "Quy định", "QĐ/TW", typed_key="214-qd/tw")),
    "number-and-year": ("35/2019", SymbolQuery("35/2019", "35", year=2019, typed_key="35/2019")),
}


@pytest.mark.parametrize(("text", "expected"), PARSED.values(), ids=PARSED.keys())
def test_parse_query(text, expected):
    assert parse_query(text) == expected


@pytest.mark.parametrize(
    "text",
    ["", "   ", "quyết định", "UBND tỉnh Đắk Nông", "1" * (MAX_QUERY_CHARS + 1)],
    ids=["empty", "blank", "type-only", "no-number", "too-long"],
)
def test_parse_query_refuses_what_names_no_document(text):
    with pytest.raises(BadQuery):
        parse_query(text)


def test_parse_list_keeps_non_empty_lines_and_caps_them():
    assert parse_list("QĐ 354\n\n  6/2022/QH15 \r\n") == ["QĐ 354", "6/2022/QH15"]
    with pytest.raises(BadQuery):
        parse_list("1\n" * 501)


LISTS = {
    "semicolons-and-commas": (
        "354/QĐ-UBND; 2587/QĐ-UBND, 4180/2006/QĐ-UBND",
        ["354/QĐ-UBND", "2587/QĐ-UBND", "4180/2006/QĐ-UBND"],
    ),
    "running-text": (
        "Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15/6/2022; Căn cứ Nghị định số 98/2023/NĐ-CP "
        "ngày 31/12/2023 của Chính phủ; Căn cứ Quyết định số 354/QĐ-UBND ngày 12/3/2018 của UBND tỉnh, Quyết định "
        "2587/QĐ-UBND và 214-QĐ/TW",
        [
            "06/2022/QH15 ngày 15/6/2022",
            "Nghị định số 98/2023/NĐ-CP ngày 31/12/2023",
            "Quyết định số 354/QĐ-UBND ngày 12/3/2018",
            "Quyết định 2587/QĐ-UBND",
            "214-QĐ/TW",
        ],
    ),
    "tabs-and-bullets": ("- 354/QĐ-UBND\t(2018)\n• 46-CT/TW", ["354/QĐ-UBND", "46-CT/TW"]),
    "words-without-a-slash": ("QĐ 354\nquyết định số 120", ["QĐ 354", "quyết định số 120"]),
}


@pytest.mark.parametrize(("text", "expected"), LISTS.values(), ids=LISTS.keys())
def test_parse_list_finds_every_symbol_whatever_separates_them(text, expected):
    assert parse_list(text) == expected


# ---------------------------------------------------------------- matching the seed


def citing_places(client, cited_id: int) -> list[tuple]:
    """(document, paragraph, text as written) of every stored citation of a cited document."""
    return sorted(
        (c["document_id"], c["paragraph_id"], c["text"]) for c in client.rows("citations", cited_document_id=cited_id)
    )


@pytest.mark.parametrize(("text", "_"), [PARSED[k] for k in list(PARSED)[:6]], ids=list(PARSED)[:6])
def test_every_written_form_finds_the_seed_decision_and_who_cites_it(client, text, _):
    (cited,) = client.rows("cited_documents", symbol_key="354/qd-ubnd")
    data = client.get("/-/tra-cuu.json", q=text).json()
    (match,) = data["answer"]["matches"]
    assert (match["id"], match["label"], match["issued_date"]) == (cited["id"], "Quyết định 354/QĐ-UBND", "2018-03-12")
    places = sorted((c["document_id"], c["paragraph_id"], c["written"]) for c in match["citations"])
    assert places == citing_places(client, cited["id"])
    assert data["answer"]["ambiguous"] is False


def test_the_lookup_page_highlights_the_seed_passage_and_links_the_rows(client):
    (cited,) = client.rows("cited_documents", symbol_key="354/qd-ubnd")
    (citation,) = client.rows("citations", cited_document_id=cited["id"])
    (paragraph,) = client.rows("paragraphs", id=citation["paragraph_id"])
    page = client.get("/-/tra-cuu", q="QĐ 354").text
    text = paragraph["text"]
    marked = f"{text[: citation['start']]}<mark>{citation['text']}</mark>{text[citation['end'] :]}"
    assert marked in page
    (document,) = client.rows("documents")
    assert f'href="/-/van-ban/{document["id"]}#p{paragraph["seq"]}"' in page
    assert f'href="/-/van-ban-dan-chieu/{cited["id"]}"' in page
    assert "/citations/" not in page and "/cited_documents/" not in page  # the reader's pages, not rows


# ---------------------------------------------------------------- the same number twice


@pytest.mark.parametrize(
    ("text", "issuers"),
    [
        ("QĐ 354", ["Ủy ban nhân dân tỉnh Lâm Đồng", "Ủy ban nhân dân tỉnh Đắk Nông"]),
        ("qd 354 2018", ["Ủy ban nhân dân tỉnh Đắk Nông"]),
        ("354/QĐ-UBND ngày 05/6/2020", ["Ủy ban nhân dân tỉnh Lâm Đồng"]),
        ("quyết định số 354 năm 2021", []),
        ("Công văn 354", []),
    ],
    ids=["both", "year-picks-one", "date-picks-one", "no-such-year", "other-type"],
)
def test_the_same_number_from_two_issuers_is_told_apart(archive_client, text, issuers):
    answer = archive_client.get("/-/tra-cuu.json", q=text).json()["answer"]
    assert sorted(m["issuer"] for m in answer["matches"]) == sorted(issuers)
    assert answer["ambiguous"] is (len(issuers) > 1)


def test_the_page_says_when_several_documents_share_the_number(archive_client):
    page = archive_client.get("/-/tra-cuu", q="QĐ 354").text
    assert "2 văn bản khác nhau mang số này" in page
    assert "2 different documents share this number" in page
    assert page.count('<article class="match">') == 2
    assert f"Căn cứ <mark>{LAM_DONG_CITATION}</mark> của Ủy ban nhân dân tỉnh Lâm Đồng" in page


def test_a_stored_document_answers_by_its_own_symbol(archive_client):
    answer = archive_client.get("/-/tra-cuu.json", q="quyết định 120").json()["answer"]
    assert answer["matches"] == []
    assert [d["id"] for d in answer["documents"]] == [ID_B]


# ---------------------------------------------------------------- a pasted list


def test_a_pasted_list_is_answered_in_one_table_and_as_csv(archive_client):
    pasted = "QĐ 354\nqd 354 2018\nquyết định 120\n999/QĐ-UBND\nUBND tỉnh"
    response = archive_client.get("/-/tra-cuu.csv", danh_sach=pasted)
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    assert 'filename="tra-cuu.csv"' in response.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(response.text.lstrip("\ufeff"))))
    assert list(rows[0]) == list(LIST_HEADERS.values())
    assert [
        (
            r["Tra cứu / Query"],
            r["Kết quả / Outcome"],
            r["Cơ quan ban hành / Issuer"],
            r["Số lần dẫn chiếu / Citations"],
            r["Mã văn bản trong kho / Stored document id"],
        )
        for r in rows
    ] == [
        ("QĐ 354", "Nhiều văn bản cùng số / Several documents", "Ủy ban nhân dân tỉnh Đắk Nông", "1", ""),
        ("QĐ 354", "Nhiều văn bản cùng số / Several documents", "Ủy ban nhân dân tỉnh Lâm Đồng", "1", ""),
        ("qd 354 2018", "Tìm thấy / Found", "Ủy ban nhân dân tỉnh Đắk Nông", "1", ""),
        ("quyết định 120", "Chỉ có trong kho, chưa được dẫn chiếu / Stored, not cited", "", "", ID_B),
        ("999/QĐ-UBND", "Không tìm thấy / Not found", "", "", ""),
        (
            "UBND tỉnh",
            "Không đọc được số, ký hiệu / No symbol read: không thấy số của văn bản / no document number in the query",
            "",
            "",
            "",
        ),
    ]
    page = archive_client.get("/-/tra-cuu", danh_sach=pasted).text
    assert page.count('<div class="list-row') == len(rows)
    shown = re.sub(r"<[^>]+>", " ", page)
    assert "Tìm thấy / Found" in shown and "ambiguous" not in shown and "not found" not in shown
    assert 'href="/-/tra-cuu.csv?danh_sach=QĐ+354%0Aqd+354+2018' in page.replace("%C4%90", "Đ")


def test_two_symbols_on_one_pasted_line_give_two_rows(archive_client):
    rows = archive_client.get("/-/tra-cuu.json", danh_sach="354/QĐ-UBND ngày 12/3/2018; 120/QĐ-UBND").json()["list"]
    assert [(r["query"], r["status"]) for r in rows] == [
        ("354/QĐ-UBND ngày 12/3/2018", "found"),
        ("120/QĐ-UBND", "stored only"),
    ]


def test_a_csv_cell_is_never_a_spreadsheet_formula(archive_client):
    hostile = ['=HYPERLINK("http://x")', "+1+2", "-3", "@SUM(A1)"]
    response = archive_client.get("/-/tra-cuu.csv", danh_sach="\n".join(hostile))
    rows = list(csv.reader(io.StringIO(response.text.lstrip("\ufeff"))))[1:]
    assert [r[0] for r in rows] == ["'" + h for h in hostile]
    assert not any(cell.startswith(("=", "+", "-", "@")) for r in rows for cell in r)


def test_the_json_answer_of_a_list(archive_client):
    data = archive_client.get("/-/tra-cuu.json", danh_sach="354/QĐ-UBND ngày 12/3/2018").json()
    assert [(r["status"], r["symbol"], r["issued_date"]) for r in data["list"]] == [
        ("found", "354/QĐ-UBND", "2018-03-12")
    ]


def test_a_year_shows_only_the_passages_citing_that_years_document(archive_client):
    page = archive_client.get("/-/tra-cuu", q="QĐ 354 2020").text
    assert f"<mark>{LAM_DONG_CITATION}</mark>" in page
    assert ID_A not in page


# ---------------------------------------------------------------- no full scans


@pytest.mark.parametrize("sql", [_CITED_SQL, _OWN_SQL], ids=["cited-documents", "documents"])
def test_the_lookup_uses_the_symbol_key_indexes(archive_db, sql):
    conn = sqlite3.connect(archive_db)
    plan = " ".join(
        row[3]
        for row in conn.execute("explain query plan " + sql, {"key": "354", "low": "354-", "high": "3540", "limit": 10})
    )
    assert "USING INDEX" in plan or "USING COVERING INDEX" in plan
    assert "SCAN" not in plan.replace("USING INDEX", "")


# ---------------------------------------------------------------- a document cited by many

LAW_CITATION = "Luật Thi đua, khen thưởng số 06/2022/QH15"
CITING_DATES = ["2023-05-02", "2024-01-15", "2022-11-30", "2024-03-08", "2023-12-01"]


@pytest.fixture
def law_client(db_path):
    from miner import store
    from miner.document import Document, Paragraph
    from miner.record import Header, LegalRef, Record, Span
    from miner.store import FileState, open_db

    from .conftest import Client

    db = open_db(db_path)
    text = f"Căn cứ {LAW_CITATION};"
    start = text.index(LAW_CITATION)
    ref = LegalRef(
        doc_type="Luật",
        symbol="06/2022/QH15",
        number="06",
        year=2022,
        code="QH15",
        spans=(Span(0, start, start + len(LAW_CITATION), LAW_CITATION),),
    )
    for n, date in enumerate(CITING_DATES):
        doc = Document(path=f"{n}.txt", format="txt", paragraphs=(Paragraph(0, text),))
        record = Record(header=Header(title=f"Kế hoạch {n}", issued_date=date), legal_refs=(ref,))
        store.save(db, str(n) * 64, FileState(f"/law/{n}.txt", 1, 1.0), doc, record)
    db.close()
    return Client(db_path)


@pytest.mark.parametrize("heavy", [100, 0], ids=["sorted-citations", "newest-documents-from-the-date-index"])
def test_a_much_cited_document_shows_its_newest_citations_and_links_to_all(law_client, monkeypatch, heavy):
    monkeypatch.setattr("miner.web.lookup.MAX_CITATIONS", 3)
    monkeypatch.setattr("miner.web.lookup.HEAVY", heavy)
    (match,) = law_client.get("/-/tra-cuu.json", q="Luật 06/2022/QH15").json()["answer"]["matches"]
    newest = sorted(CITING_DATES, reverse=True)[:3]
    assert [(c["document_date"], c["written"]) for c in match["citations"]] == [(d, LAW_CITATION) for d in newest]
    assert (match["citation_count"], match["citing_documents"]) == (5, 5)
    page = law_client.get("/-/tra-cuu", q="Luật 06/2022/QH15").text
    assert f'href="/-/van-ban-dan-chieu/{match["id"]}">Tất cả 5 trích dẫn' in page


# ---------------------------------------------------------------- what the page says it read

# A Party rule and two laws cited by name, with their dates, as the extraction stores them.
PARTY_RULE = "Quy định số 214-QĐ/TW"
NAMED = (
    "Căn cứ Quy định số 214-QĐ/TW; Luật Thi đua, khen thưởng ngày 26/11/2003; Luật Thi đua, khen thưởng ngày 15/6/2022"
)


@pytest.fixture
def named_client(db_path):
    from miner import store
    from miner.document import Document, Paragraph
    from miner.record import Header, LegalRef, Record, Span
    from miner.store import FileState, open_db

    from .conftest import Client

    def span(written: str, after: int = 0) -> Span:
        start = NAMED.index(written, after)
        return Span(0, start, start + len(written), written)

    law = "Luật Thi đua, khen thưởng"
    refs = (
        LegalRef(doc_type="Quy định", symbol="214-QĐ/TW", number="214", code="QĐ/TW", spans=(span(PARTY_RULE),)),
        LegalRef(
            doc_type="Luật",
            symbol=None,
            number=None,
            subject=law,
            issued_date="2003-11-26",
            year=2003,
            issuer="Quốc hội",
            spans=(span(law),),
        ),
        LegalRef(
            doc_type="Luật",
            symbol=None,
            number=None,
            subject=law,
            issued_date="2022-06-15",
            year=2022,
            issuer="Quốc hội",
            spans=(span(law, NAMED.index("2003")),),
        ),
    )
    db = open_db(db_path)
    doc = Document(path="named.txt", format="txt", paragraphs=(Paragraph(0, NAMED),))
    store.save(
        db,
        "e" * 64,
        FileState("/named/named.txt", 1, 1.0),
        doc,
        Record(header=Header(title="Về việc khen thưởng", kind="quyet_dinh"), legal_refs=refs),
    )
    db.close()
    return Client(db_path)


def test_read_as_names_the_type_the_party_code_means(named_client):
    page = named_client.get("/-/tra-cuu", q="214-QĐ/TW").text
    read_as = " ".join(re.sub(r"<[^>]+>", "", page.split('class="parsed">')[1].split("</p>")[0]).split())
    assert read_as == "Đã hiểu / Read as: Quy định số / number 214 · ký hiệu / code QĐ/TW"
    (match,) = named_client.get("/-/tra-cuu.json", q="214-QĐ/TW").json()["answer"]["matches"]
    assert (match["doc_type"], match["symbol"], match["exact"]) == ("Quy định", "214-QĐ/TW", 2)


def test_read_as_names_no_type_when_none_was_typed_or_coded(named_client):
    page = named_client.get("/-/tra-cuu", q="214").text
    read_as = " ".join(re.sub(r"<[^>]+>", "", page.split('class="parsed">')[1].split("</p>")[0]).split())
    assert read_as == "Đã hiểu / Read as: số / number 214"


def test_a_pasted_line_naming_a_law_by_title_and_date_is_looked_up_by_title(named_client):
    pasted = "Căn cứ Luật Thi đua, khen thưởng ngày 26/11/2003 của Quốc hội;\nCăn cứ Luật Thi đua, khen thưởng"
    rows = named_client.get("/-/tra-cuu.json", danh_sach=pasted).json()["list"]
    assert [(r["query"], r["status"], r["label"], r["issued_date"]) for r in rows] == [
        (
            "Căn cứ Luật Thi đua, khen thưởng ngày 26/11/2003 của Quốc hội",
            "found",
            "Luật Thi đua, khen thưởng",
            "2003-11-26",
        ),
        ("Căn cứ Luật Thi đua, khen thưởng", "ambiguous", "Luật Thi đua, khen thưởng", "2003-11-26"),
        ("Căn cứ Luật Thi đua, khen thưởng", "ambiguous", "Luật Thi đua, khen thưởng", "2022-06-15"),
    ]
    single = named_client.get("/-/tra-cuu.json", q="Căn cứ Luật Thi đua, khen thưởng ngày 15/6/2022").json()
    assert [m["issued_date"] for m in single["answer"]["matches"]] == ["2022-06-15"]
