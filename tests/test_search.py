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
    assert "1 row where search matches &#34;dak nong kho bac&#34;" in response.text
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
    "query", ["Đắk Nông", "Kho bạc", "hoá đơn điện tử", "ĐẮK", "Dak Nong"],
    ids=["đắk-nông", "kho-bạc", "hoá-đơn", "upper-case", "as-written"],
)
def test_a_search_with_diacritics_finds_the_text_written_without(unmarked_client, query):
    assert [r["text"] for r in unmarked_client.rows("paragraphs", _search=query)] == [WITHOUT_MARKS]


def test_the_folded_search_keeps_the_other_parameters(unmarked_client):
    from miner.web import fold_search_query

    assert fold_search_query("_search=%C4%90%E1%BA%AFk&_size=5".encode()) == b"_search=dak&_size=5"
    assert fold_search_query(b"_sort=id") == b"_sort=id"
    assert unmarked_client.rows("paragraphs", _search="Đắk", kind="heading") == []
