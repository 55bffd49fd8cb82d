"""Datasette's own search box on `paragraphs` finds the seed's paragraphs whatever the user's
diacritics, đ/d, tone placement or case (issue 2, item 3)."""

from __future__ import annotations

import html
import re

import pytest

from miner.normalize import fold
from miner.readers import read_document

# The six searches of issue 2, then old and new tone placement both ways.
QUERIES = {
    "folded": "quyet dinh 354",
    "with-diacritics": "Quyết định 354",
    "folded-place-and-body": "dak nong kho bac",
    "folded-phrase": "hoa don dien tu",
    "old-tone-placement": "hoá đơn",
    "upper-case": "CUC THUE",
    "new-tone-placement": "hóa đơn",
    "uỷ-old": "uỷ ban nhân dân",
    "ủy-new": "ủy ban nhân dân",
}
_WORD_RE = re.compile(r"\w+")


def words(text: str) -> set[str]:
    return set(_WORD_RE.findall(fold(text)))


def expected_rows(client, seed, query: str) -> list[dict]:
    """The seed's paragraphs holding every word of the query once both are folded, as stored."""
    seqs = [p.seq for p in read_document(seed).paragraphs if words(query) <= words(p.text)]
    assert seqs, f"no paragraph of the seed holds {query!r}: the test would prove nothing"
    stored = {row["seq"]: row for row in client.rows("paragraphs")}
    return [stored[seq] for seq in seqs]


@pytest.mark.parametrize("query", QUERIES.values(), ids=QUERIES.keys())
def test_search_box_finds_the_seed_paragraphs(client, seed, query):
    assert client.rows("paragraphs", _search=query) == expected_rows(client, seed, query)


@pytest.mark.parametrize(
    ("old", "new"),
    [("hoá đơn", "hóa đơn"), ("Uỷ ban", "Ủy ban"), ("khoẻ", "khỏe")],
    ids=["hoá-hóa", "uỷ-ủy", "khoẻ-khỏe"],
)
def test_old_and_new_tone_placement_find_the_same_rows(client, old, new):
    assert client.rows("paragraphs", _search=old) == client.rows("paragraphs", _search=new)


def test_a_symbol_is_searched_as_a_phrase(client, seed):
    (row,) = client.rows("paragraphs", _search="354/QĐ-UBND")
    assert "Quyết định số 354/QĐ-UBND ngày 12/3/2018" in row["text"]


def test_words_found_in_no_paragraph_find_nothing(client):
    assert client.rows("paragraphs", _search="quyet dinh 999") == []


def test_the_table_page_has_the_search_box_and_shows_the_hit(client, seed):
    response = client.get(f"/{client.database}/paragraphs", _search="dak nong kho bac")
    assert response.status_code == 200
    assert 'name="_search"' in response.text
    (row,) = expected_rows(client, seed, "dak nong kho bac")
    assert "1 đoạn / 1 paragraph · tìm / search “dak nong kho bac”" in response.text
    assert html.escape(row["text"][:200], quote=False) in response.text


# The search box's value is folded before it is searched (the plugin's asgi_wrapper), so a word
# written with diacritics also finds it written without them, as a word without finds both.
WITHOUT_MARKS = "Báo cáo của Kho bac Dak Nong ve hoa don dien tu"


@pytest.fixture
def unmarked_client(db_path):
    from miner import store
    from miner.document import Document, Paragraph
    from miner.record import Header, Record
    from miner.store import FileState, open_db

    from .conftest import Client

    db = open_db(db_path)
    doc = Document(path="x.txt", format="txt", paragraphs=(Paragraph(0, WITHOUT_MARKS),))
    store.save(db, "d" * 64, FileState("/x.txt", 1, 1.0), doc, Record(header=Header()))
    db.close()
    return Client(db_path)


@pytest.mark.parametrize(
    "query",
    ["Đắk Nông", "Kho bạc", "hoá đơn điện tử", "ĐẮK", "Dak Nong"],
    ids=["đắk-nông", "kho-bạc", "hoá-đơn", "upper-case", "as-written"],
)
def test_a_search_with_diacritics_finds_the_text_written_without(unmarked_client, query):
    assert [r["text"] for r in unmarked_client.rows("paragraphs", _search=query)] == [WITHOUT_MARKS]


def test_the_folded_search_keeps_the_other_parameters(unmarked_client):
    from miner.web import fold_search_query

    assert fold_search_query(b"_search=%C4%90%E1%BA%AFk&_size=5") == b"_search=dak&_size=5&_nocount=1"
    assert fold_search_query(b"_search=%C4%90%E1%BA%AFk&kind=body") == b"_search=dak&kind=body"
    assert fold_search_query(b"_sort=id") == b"_sort=id"
    assert unmarked_client.rows("paragraphs", _search="Đắk", kind="heading") == []


# A search page in id order with no other filter is read from the index a page at a time (the
# plugin's filters_from_request): the same rows, pages and next links as every match sorted.
PAGED = {
    "common-word": "dak nong",
    "phrase-and-words": "quyet dinh 354/QĐ-UBND",
    "rare": "Kho bạc Nhà nước tỉnh Đắk Nông",
    "no-match": "quyet dinh 999",
}


def pages(client, **params) -> list[list[int]]:
    """The ids of every page of a paragraphs search, following the next links."""
    out, after = [], None
    while True:
        response = client.get(
            f"/{client.database}/paragraphs.json", _size=1, **params, **({"_next": after} if after else {})
        )
        assert response.status_code == 200, response.text
        data = response.json()
        out.append([row[0] for row in data["rows"]])
        after = data["next"]
        if after is None:
            return out


@pytest.mark.parametrize("query", PAGED.values(), ids=PAGED.keys())
def test_a_paged_search_lists_the_pages_of_the_full_search(client, query):
    paged = pages(client, _search=query)
    assert paged == pages(client, _search=query, _sort="id")  # a sort takes every match, counted


def test_a_paged_search_has_a_page_per_match_of_the_page_size(client, seed):
    assert pages(client, _search="Đắk Nông") == [[row["id"]] for row in expected_rows(client, seed, "dak nong")]


def test_a_paged_search_says_how_many_paragraphs_match_up_to_the_limit(client, seed, monkeypatch):
    from miner.web import table_search

    query = "dak nong"
    matching = len(expected_rows(client, seed, query))
    described = lambda: client.get(f"/{client.database}/paragraphs.json", _search=query).json()["human_description_en"]
    assert described() == f'where tìm / search "dak nong" ({matching} đoạn / {matching} paragraphs)'
    monkeypatch.setattr(table_search, "SEARCH_COUNT_LIMIT", matching - 1)
    assert described() == f'where tìm / search "dak nong" (hơn {matching - 1} đoạn / over {matching - 1} paragraphs)'


def test_a_filtered_search_is_counted_by_datasette(client, seed):
    data = client.get(f"/{client.database}/paragraphs.json", _search="Đắk Nông", kind="body").json()
    expected = [r for r in expected_rows(client, seed, "dak nong") if r["kind"] == "body"]
    assert (data["filtered_table_rows_count"], [r[0] for r in data["rows"]]) == (
        len(expected),
        [r["id"] for r in expected],
    )
