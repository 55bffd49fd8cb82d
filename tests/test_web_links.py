"""Every fact a link to a page a person reads, and each page links back (issue 18, item 1): the
document's marks lead to the unit, person, place, group, award type and cited document; those
pages list the documents and passages naming them; Datasette's row pages of the mention tables
name the document and the entity and link to the reader's pages; the home page starts the work."""

from __future__ import annotations

import html
import re

import pytest

from .test_store import CUC_THUE, DOC, ID_A, KBNN, SIGNER, TITLE
from .web_archive import ID_B

_HREF_RE = re.compile(r'href="([^"]+)"')


def links_of(text: str) -> list[str]:
    return [html.unescape(h) for h in _HREF_RE.findall(text)]


def entity_id(client, table: str, name: str) -> int:
    (row,) = client.rows(table, name=name)
    return row["id"]


def test_no_link_of_a_document_page_leads_to_a_mention_or_citation_row(archive_client):
    page = archive_client.get(f"/-/van-ban/{ID_A}").text
    rows = [h for h in links_of(page) if h.startswith(f"/{archive_client.database}/")]
    assert not [h for h in rows if re.search(r"/(\w+_mentions|citations|award_events)/\d", h)], rows
    marks = re.findall(r'<a class="fact-label" href="([^"]+)">', page)
    assert marks and all(m.startswith("/-/") for m in marks)


@pytest.mark.parametrize(
    ("page", "table", "name"),
    [
        ("/-/don-vi/{}", "organizations", KBNN.name),
        ("/-/ca-nhan/{}", "persons", SIGNER),
        ("/-/khoi-thi-dua/{}", "emulation_groups", "Khối thi đua số 5"),
        ("/-/dia-danh/{}", "locations", "Đắk Nông"),
        ("/-/khen-thuong/{}", "award_types", "Cờ thi đua"),
    ],
    ids=["unit", "person", "group", "place", "award-type"],
)
def test_each_fact_page_names_it_and_links_back_to_the_document(archive_client, page, table, name):
    path = page.format(entity_id(archive_client, table, name))
    assert path in re.findall(r'<a class="fact-label" href="([^"]+)">', archive_client.get(f"/-/van-ban/{ID_A}").text)
    response = archive_client.get(path)
    assert response.status_code == 200
    assert f"<h1>{html.escape(name)}</h1>" in response.text
    if table != "award_types":  # an award type's page lists its awards, each linking to its passage
        assert any(h.startswith(f"/-/van-ban/{ID_A}") for h in links_of(response.text))
    else:
        assert any(h.startswith("/-/doan/") for h in links_of(response.text))


def test_the_cited_documents_page_lists_every_passage_and_the_stored_document(archive_client):
    (cited,) = [r for r in archive_client.rows("cited_documents") if r["issued_date"] == "2018-03-12"]
    data = archive_client.get(f"/-/van-ban-dan-chieu/{cited['id']}.json").json()
    assert (data["citations"], data["citing_documents"]) == (1, 1)
    assert [(c["document_id"], c["written"]) for c in data["citing"]] == [
        (ID_A, "Quyết định số 354/QĐ-UBND ngày 12/3/2018")
    ]
    page = archive_client.get(f"/-/van-ban-dan-chieu/{cited['id']}").text
    assert "<mark>Quyết định số 354/QĐ-UBND ngày 12/3/2018</mark>" in page
    assert f"/-/van-ban/{ID_A}#p1" in links_of(page)
    # The Lâm Đồng decision 120/QĐ-UBND is stored: cited as "120/QĐ-UBND" it leads to the document.
    stored = archive_client.get("/-/tra-cuu.json", q="quyết định 120").json()["answer"]["documents"]
    assert [d["id"] for d in stored] == [ID_B]


def test_a_group_page_lists_the_units_its_documents_name_and_their_awards(archive_client):
    group = entity_id(archive_client, "emulation_groups", "Khối thi đua số 5")
    data = archive_client.get(f"/-/khoi-thi-dua/{group}.json").json()
    assert {m["name"] for m in data["members"]} >= {KBNN.name, CUC_THUE.name}
    assert sorted((a["recipient"], a["award"], a["year"]) for a in data["awards"]) == [
        (CUC_THUE.name, "Giấy khen", 2022),
        (KBNN.name, "Cờ thi đua", 2022),
    ]
    page = archive_client.get(f"/-/khoi-thi-dua/{group}").text
    assert f'href="/-/don-vi/{entity_id(archive_client, "organizations", KBNN.name)}"' in page


def test_a_person_page_shows_the_documents_they_signed(archive_client):
    person = entity_id(archive_client, "persons", SIGNER)
    data = archive_client.get(f"/-/ca-nhan/{person}.json").json()
    assert [d["id"] for d in data["signed"]] == [ID_A] and [d["id"] for d in data["documents"]] == [ID_A]
    document = archive_client.get(f"/-/van-ban/{ID_A}").text
    assert f'<a href="/-/ca-nhan/{person}">{SIGNER}</a>' in document  # the signer links to the person


# ---------------------------------------------------------------- Datasette's own pages

MENTION_TABLES = [
    "organization_mentions",
    "person_mentions",
    "location_mentions",
    "emulation_group_mentions",
    "award_type_mentions",
    "citations",
    "award_events",
]


@pytest.mark.parametrize("table", MENTION_TABLES)
def test_row_pages_show_names_and_titles_not_ids(archive_client, table):
    db = archive_client.database
    row = [r for r in archive_client.rows(table) if r["document_id"] == ID_A][0]
    page = archive_client.get(f"/{db}/{table}/{row['id']}").text
    cells = dict(re.findall(r'<td class="col-(\w+) type-[^"]*">(.*?)</td>', page, re.DOTALL))
    assert TITLE in cells["document_id"] and "/-/doan/" in cells["document_id"]
    assert ID_A not in re.sub(r'href="[^"]*"', "", cells["document_id"])
    id_columns = [
        c
        for c in cells
        if c.endswith("_id") and c not in ("document_id", "paragraph_id") and cells[c].strip() != "&nbsp;"
    ]
    assert id_columns  # each of these tables points to an entity
    for column in id_columns:
        shown = re.sub(r"<[^>]+>", "", cells[column]).strip()
        assert shown and not shown.isdigit(), (column, cells[column])  # a name, never a bare id
        assert 'href="/-/' in cells[column]


def test_row_pages_link_to_the_readers_pages(archive_client):
    db = archive_client.database
    unit = entity_id(archive_client, "organizations", KBNN.name)
    (mention,) = [
        r for r in archive_client.rows("organization_mentions", organization_id=str(unit)) if r["document_id"] == ID_A
    ]
    page = archive_client.get(f"/{db}/organization_mentions/{mention['id']}").text
    readers = re.findall(r'<a class="button-link" href="([^"]+)">([^<]+)</a>', page)
    assert (f"/-/don-vi/{unit}", f"{KBNN.name} →") in readers
    assert any(h.startswith("/-/doan/") for h, _ in readers)
    own = archive_client.get(f"/{db}/organizations/{unit}").text
    assert f'<a class="button-link" href="/-/don-vi/{unit}">' in own


def test_table_pages_name_the_ids_they_list(archive_client):
    page = archive_client.get(f"/{archive_client.database}/award_events").text
    unit = entity_id(archive_client, "organizations", KBNN.name)
    assert f'<a href="/-/don-vi/{unit}">{KBNN.name}</a>' in page
    assert '<a href="/-/khen-thuong/' in page


def test_the_home_page_starts_the_work(archive_client):
    page = archive_client.get("/").text
    lookup, search, tables = (
        page.index('action="/-/tra-cuu"'),
        page.index('action="/-/tim-kiem"'),
        page.index("home-tables"),
    )
    assert lookup < search < tables
    assert {
        "/-/bieu-do",
        f"/{archive_client.database}/organizations",
        f"/{archive_client.database}/emulation_groups",
        f"/{archive_client.database}/tim_kiem",
    } <= set(links_of(page))
    counts = re.findall(r"<strong>([\d.]+)</strong> ([^<]+?) <span", page)
    assert counts[:3] == [("3", "văn bản"), ("2", "văn bản được dẫn chiếu"), ("2", "lần dẫn chiếu")]


def test_a_unit_lists_its_documents_a_page_at_a_time(archive_client, monkeypatch):
    monkeypatch.setattr("miner.web.entity_pages.LIST_PAGE", 1)
    unit = entity_id(archive_client, "organizations", KBNN.name)
    first = archive_client.get(f"/-/don-vi/{unit}.json").json()
    second = archive_client.get(f"/-/don-vi/{unit}.json", trang="2").json()
    assert (first["pages"], first["documents_total"]) == (2, 2)
    assert {first["documents"][0]["id"], second["documents"][0]["id"]} == {ID_A, "c" * 64}
    assert f'href="/-/don-vi/{unit}?trang=2"' in archive_client.get(f"/-/don-vi/{unit}").text


def test_the_organizations_table_has_a_search_box_by_words_in_any_order(archive_client):
    db = archive_client.database
    page = archive_client.get(f"/{db}/organizations").text
    assert 'name="_search"' in page
    found = archive_client.rows("organizations", _search="dak nong kho bac")
    assert [r["name"] for r in found] == [KBNN.name]
    assert archive_client.rows("persons", _search="hien le") == archive_client.rows("persons", name=SIGNER)


def test_the_document_page_keeps_its_text(archive_client):
    data = archive_client.get(f"/-/van-ban/{ID_A}.json").json()
    assert [p["text"] for p in data["paragraphs"]] == [p.text for p in DOC.paragraphs]
