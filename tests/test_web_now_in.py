"""Where places lie since 1 July 2025, as the served pages show it (issue 16, item 4): the unit, place,
document and search pages say where an old place now lies, and a search by a name of today finds
the paragraphs that used the old names, labelled so, ranked after the words as typed.

The database is built in the test with miner's own extraction from real snippets: public web texts
of ../shared/corpus/public/public-web.tar.xz (file named beside each) and the seed report, plus the
issue's own sentence about phường Nghĩa Đức.
"""

from __future__ import annotations

import hashlib
import html
import re
from urllib.parse import quote

import pytest

from miner import store
from miner.document import Document
from miner.pipeline import build_record
from miner.segment import split_paragraphs
from miner.store import FileState, open_db
from miner.web import old_names, search

from .conftest import Client

SNIPPETS = {
    # 05080c54ca6e055b.md: the funeral of Trần Đức Lương, before the reform (xã Phổ Khánh is Xã Khánh Cường now)
    "quoc-tang.txt": (
        "Kênh truyền hình trực tiếp Lễ Quốc tang nguyên Chủ tịch nước Trần Đức Lương là kênh nào?\n\n"
        "Lễ truy điệu đồng chí Trần Đức Lương được tổ chức trọng thể lúc 7 giờ 00 phút ngày 25 tháng 5 năm "
        "2025 tại Nhà tang lễ Quốc gia, số 5 Trần Thánh Tông, thành phố Hà Nội. Lễ an táng lúc 15 giờ 00 cùng "
        "ngày tại Nghĩa trang quê nhà, xã Phổ Khánh, thị xã Đức Phổ, tỉnh Quảng Ngãi."
    ),
    # 11603ec49a36f0e7.md: the same, naming the commune of today too
    "tran-duc-luong.txt": (
        "Trần Đức Lương\n\n"
        "Lễ Quốc tang của ông được tổ chức trong 2 ngày (24 và 25 tháng 5 năm 2025), và Chủ tịch nước Lương "
        "Cường làm Trưởng Ban lễ tang.[20] Lễ viếng của ông diễn ra tại Nhà tang lễ Quốc gia số 5 Trần Thánh "
        "Tông, bắt đầu từ 7 giờ 00 phút ngày 24 tháng 5 năm 2025 đến 7 giờ 00 phút ngày 25 tháng 5 năm 2025. Lễ "
        "truy điệu được tổ chức vào lúc 7 giờ 00 phút ngày 25 tháng 5 năm 2025, và vào lúc 15 giờ 00 phút cùng "
        "ngày, ông được an táng tại nghĩa trang quê nhà tại xã Phổ Khánh, thị xã Đức Phổ, tỉnh Quảng Ngãi (nay "
        "là xã Khánh Cường, tỉnh Quảng Ngãi).[21]"
    ),
    # 428781e0a885659b.md: Nghị quyết 1678/NQ-UBTVQH15 ("Khánh" and "Cường" apart)
    "nghi-quyet-1678.txt": (
        "NGHỊ QUYẾT\n\nVề việc sắp xếp các đơn vị hành chính cấp xã của tỉnh Nghệ An năm 2025\n\n"
        "41. Sắp xếp toàn bộ diện tích tự nhiên, quy mô dân số của các xã Khánh Sơn, Nam Kim và Trung Phúc "
        "Cường thành xã mới có tên gọi là **xã Thiên Nhẫn**."
    ),
    # f959429769020869.md: a career, units named by their district and commune
    "tran-quoc-to.txt": (
        "Trần Quốc Tỏ\n\n"
        "- 9/1989–3/2007: Ủy viên Ban Chấp hành Đảng bộ Công an huyện Kim Sơn, Đội trưởng đội Cảnh sát Điều tra "
        "tội phạm (1989-1994), Trưởng Công an thị trấn Phát Diệm (1994-1999); Ủy viên Ban Thường vụ Đảng ủy, "
        "Phó Trưởng Công an huyện, Phó Thủ trưởng cơ quan Cảnh sát điều tra Công an huyện Kim Sơn (1999-2005); "
        "Ủy viên Ban Thường vụ Huyện ủy, Bí thư Đảng ủy, Trưởng Công an huyện, Thủ trưởng cơ quan Cảnh sát điều "
        "tra Công an huyện Kim Sơn, tỉnh Ninh Bình."
    ),
    # corpus/000-khoi5-daknong-2022.txt, the seed: its title and paragraph 13
    "khoi5.txt": (
        "Tổng kết công tác thi đua, khen thưởng năm 2022 Khối thi đua số 5 tỉnh Đắk Nông\n\n"
        "Trong năm, các đơn vị trong Khối đã phát động nhiều phong trào thi đua, tất cả các phong trào thi đua "
        "đều có kế hoạch, chỉ tiêu cụ thể, rõ ràng, gắn với nhiệm vụ chuyên môn, phù hợp với tình hình thực tế "
        "của đơn vị, có sơ kết, tổng kết, thiết thực, hiệu quả, Các đơn vị đều hoàn thành tốt và xuất sắc nhiệm "
        "tiêu biểu như đơn vị Kho bạc nhà nước tỉnh Đắk Nông đạt danh hiệu cờ thi đua của Bộ tài chính; đơn vị "
        "Cục Thuế tỉnh Đắk Nông nhận giấy khen của Tổng Cục trưởng Cục thuế khen thưởng Cục Thuế tỉnh Đắk Nông có "
        "thành tích đột xuất, xuất sắc trong việc triển khai Hóa đơn điện tử năm 2022."
    ),
    # issue 16's own example
    "nghia-duc.txt": (
        "BÁO CÁO\n\nKết quả công tác năm 2023\n\n"
        "UBND phường Nghĩa Đức, thành phố Gia Nghĩa, tỉnh Đắk Nông báo cáo kết quả năm 2023."
    ),
}
_TAG_RE = re.compile(r"<[^>]+>")
_SCRIPT_RE = re.compile(r"<script.*?</script>", re.DOTALL)
_SPACE_BEFORE_RE = re.compile(r" ([,.;:)])")


def document_id(name: str) -> str:
    return hashlib.sha256(SNIPPETS[name].encode()).hexdigest()


@pytest.fixture(scope="module")
def now_client(tmp_path_factory) -> Client:
    path = tmp_path_factory.mktemp("now_in") / "reform.db"
    db = open_db(path)
    for name, text in SNIPPETS.items():
        doc = Document(path=name, format="txt", paragraphs=tuple(split_paragraphs(text)))
        store.save(db, document_id(name), FileState(f"/archive/{name}", len(text), 1.0), doc, build_record(doc))
    db.close()
    return Client(path)


def seen(page: str) -> str:
    """What a reader sees of a page: its text without tags or scripts, spaces collapsed."""
    text = " ".join(html.unescape(_TAG_RE.sub(" ", _SCRIPT_RE.sub(" ", page))).split())
    return _SPACE_BEFORE_RE.sub(r"\1", text)


def row_id(client: Client, table: str, name: str) -> int:
    (row,) = client.rows(table, name=name)
    return row["id"]


def results(client: Client, query: str, **filters) -> list[tuple[str, int, list[str]]]:
    """(document file, tier, old names shown) of each result of a search, in rank order."""
    data = client.get("/-/tim-kiem.json", q=query, **filters).json()
    names = {document_id(n): n for n in SNIPPETS}
    return [(names[r["document_id"]], r["tier"], [p["written"] for p in r["old_names"]]) for r in data["rows"]]


# ---------------------------------------------------------------- a unit's page


@pytest.mark.parametrize(
    ("unit", "line"),
    [
        (
            "Ủy ban nhân dân phường Nghĩa Đức",
            "phường Nghĩa Đức nay thuộc / now in Phường Bắc Gia Nghĩa, tỉnh Lâm Đồng (từ / since 1/7/2025)",
        ),
        (
            "Công an thị trấn Phát Diệm",
            "thị trấn Phát Diệm nay thuộc / now in Xã Phát Diệm, tỉnh Ninh Bình (từ / since 1/7/2025)",
        ),
        ("Kho bạc Nhà nước tỉnh Đắk Nông", "tỉnh Đắk Nông nay thuộc / now in tỉnh Lâm Đồng (từ / since 1/7/2025)"),
    ],
    ids=["ward", "township", "merged-province"],
)
def test_unit_page_says_where_the_place_in_its_name_now_lies(now_client, unit, line):
    unit_id = row_id(now_client, "organizations", unit)
    page = now_client.get(f"/-/don-vi/{unit_id}").text
    assert line in seen(page)
    (now,) = now_client.get(f"/-/don-vi/{unit_id}.json").json()["now_in"]
    assert now["moved_to"] == line.split(" now in ")[1].split(" (")[0]
    assert f'href="/-/tim-kiem?q={quote(now["moved_to"].split(", ")[0]).replace("%20", "+")}"' in page


def test_unit_page_of_a_district_of_an_unchanged_province_says_nothing_new(now_client):
    # huyện Kim Sơn lies in tỉnh Ninh Bình as it did: no line for it
    unit_id = row_id(now_client, "organizations", "Công an huyện Kim Sơn")
    assert "nay thuộc" not in seen(now_client.get(f"/-/don-vi/{unit_id}").text)
    assert now_client.get(f"/-/don-vi/{unit_id}.json").json()["now_in"] == []


# ---------------------------------------------------------------- a place's page


def test_place_page_of_an_old_ward_says_where_it_now_lies_and_links_the_documents_by_new_name(now_client):
    place_id = row_id(now_client, "locations", "Nghĩa Đức")
    page = now_client.get(f"/-/dia-danh/{place_id}").text
    assert (
        "Nay thuộc (từ 1/7/2025) / Now in (since 1 July 2025) phường Nghĩa Đức nay thuộc / now in "
        "Phường Bắc Gia Nghĩa, tỉnh Lâm Đồng"
    ) in seen(page)
    (query_url,) = re.findall(r'href="(/reform/van_ban_theo_dia_danh_moi\?[^"]+)"', page)
    assert query_url == "/reform/van_ban_theo_dia_danh_moi?dia_danh=Ph%C6%B0%E1%BB%9Dng+B%E1%BA%AFc+Gia+Ngh%C4%A9a"
    rows = now_client.get(html.unescape(query_url).replace("?", ".json?") + "&_shape=array").json()
    assert [(r["place"], r["document_id"]) for r in rows] == [("phường Nghĩa Đức", document_id("nghia-duc.txt"))]


def test_place_page_of_a_merged_province_says_where_it_now_lies(now_client):
    page = seen(now_client.get(f"/-/dia-danh/{row_id(now_client, 'locations', 'Đắk Nông')}").text)
    assert "tỉnh Đắk Nông nay thuộc / now in tỉnh Lâm Đồng" in page
    assert "Tìm theo tên mới «tỉnh Lâm Đồng», cả tên cũ" in page


def test_place_page_of_a_commune_of_today_lists_the_old_communes_now_in_it(now_client):
    page = seen(now_client.get(f"/-/dia-danh/{row_id(now_client, 'locations', 'Thiên Nhẫn')}").text)
    assert (
        "Địa danh cũ nay thuộc xã Thiên Nhẫn / Old places now in it: xã Khánh Sơn (Nghệ An), xã Nam Kim "
        "(Nghệ An), xã Trung Phúc Cường (Nghệ An)"
    ) in page
    place = now_client.get(f"/-/dia-danh/{row_id(now_client, 'locations', 'Khánh Sơn')}").text
    assert "Cùng nay thuộc Xã Thiên Nhẫn / Also now in it: xã Nam Kim (Nghệ An), xã Trung Phúc Cường (Nghệ An)" in seen(
        place
    )


def test_place_page_of_an_unchanged_province_says_so(now_client):
    page = seen(now_client.get(f"/-/dia-danh/{row_id(now_client, 'locations', 'Ninh Bình')}").text)
    assert "Now in (since 1 July 2025) tỉnh Ninh Bình (giữ tên / same name)" in page
    assert "Tìm theo tên mới" not in page


def test_document_page_marks_say_where_each_place_now_lies(now_client):
    page = now_client.get(f"/-/van-ban/{document_id('nghia-duc.txt')}").text
    assert re.findall(r'<mark class="fact fact-loc" title="([^"]*)"', page) == [
        "Nghĩa Đức — nay thuộc / now in Phường Bắc Gia Nghĩa, tỉnh Lâm Đồng",
        "Gia Nghĩa — nay thuộc / now in tỉnh Lâm Đồng",
        "Đắk Nông — nay thuộc / now in tỉnh Lâm Đồng",
    ]


# ---------------------------------------------------------------- search by a name of today


@pytest.mark.parametrize("query", ["Bắc Gia Nghĩa", "bac gia nghia", "phường Bắc Gia Nghĩa, Lâm Đồng"])
def test_search_by_the_new_name_finds_the_document_that_used_the_old_one(now_client, query):
    assert results(now_client, query) == [("nghia-duc.txt", search.OLD_NAME_TIER, ["phường Nghĩa Đức"])]
    page = seen(now_client.get("/-/tim-kiem", q=query).text)
    assert (
        "Tên cũ / Old name: phường Nghĩa Đức, nay thuộc / now in Phường Bắc Gia Nghĩa, tỉnh Lâm Đồng "
        "UBND phường Nghĩa Đức, thành phố Gia Nghĩa"
    ) in page
    assert "Địa danh cũ nay thuộc «Phường Bắc Gia Nghĩa, tỉnh Lâm Đồng» (từ 1/7/2025)" in page
    assert "Không đoạn nào có các từ này / No paragraph holds these words; 1 đoạn nhắc tên cũ" in page


def test_search_by_the_new_name_ranks_the_old_names_after_the_phrase_before_the_words_apart(now_client):
    # typed with marks: the phrase as typed, then the old name, then "Khánh ... Cường" apart
    assert results(now_client, "Khánh Cường") == [
        ("tran-duc-luong.txt", 0, ["xã Phổ Khánh"]),
        ("quoc-tang.txt", search.OLD_NAME_TIER, ["xã Phổ Khánh"]),
        ("nghi-quyet-1678.txt", 1, []),
    ]
    found = now_client.get("/-/tim-kiem.json", q="Khánh Cường").json()["found"]
    assert (found["total"], found["as_typed"], found["old_names"]) == (2, 2, 1)
    page = seen(now_client.get("/-/tim-kiem", q="Khánh Cường").text)
    assert "Tìm thấy / Found 2 đoạn / paragraphs; 2 đúng dấu như đã gõ, xếp trước" in page
    assert "1 đoạn khác nhắc tên cũ / other paragraphs name an old name" in page


def test_search_by_the_new_name_keeps_the_filters(now_client):
    assert results(now_client, "Khánh Cường", tinh="Hà Nội") == [
        ("quoc-tang.txt", search.OLD_NAME_TIER, ["xã Phổ Khánh"])
    ]
    assert results(now_client, "Khánh Cường", tinh="Quảng Ngãi") == [("tran-duc-luong.txt", 0, ["xã Phổ Khánh"])]


def test_search_by_a_province_of_today_finds_the_provinces_merged_into_it(now_client):
    assert sorted(results(now_client, "Lâm Đồng")) == [
        ("khoi5.txt", search.OLD_NAME_TIER, ["tỉnh Đắk Nông"]),
        ("khoi5.txt", search.OLD_NAME_TIER, ["tỉnh Đắk Nông"]),
        ("nghia-duc.txt", search.OLD_NAME_TIER, ["tỉnh Đắk Nông"]),
    ]


def test_search_by_an_old_name_says_where_it_now_lies(now_client):
    page = seen(now_client.get("/-/tim-kiem", q="phường Nghĩa Đức").text)
    assert (
        "phường Nghĩa Đức (Đắk Nông) nay thuộc / now in Phường Bắc Gia Nghĩa, tỉnh Lâm Đồng (từ / since 1/7/2025) "
        "· Tìm theo tên mới / Search by the new name"
    ) in page
    assert [p["moved_to"] for p in now_client.get("/-/tim-kiem.json", q="nghia duc").json()["now_in"]] == [
        "Phường Bắc Gia Nghĩa, tỉnh Lâm Đồng"
    ]


def test_search_naming_no_place_of_today_is_ranked_as_before(now_client):
    data = now_client.get("/-/tim-kiem.json", q="Công an huyện").json()
    assert data["old_names"] is None and data["found"]["old_names"] == 0
    assert [r["tier"] for r in data["rows"]] == [0] and "Tên cũ" not in now_client.get(
        "/-/tim-kiem", q="Công an huyện"
    ).text


def test_old_name_candidates_are_bounded_and_the_page_says_so(now_client, monkeypatch):
    monkeypatch.setattr(old_names, "OLD_CANDIDATES", 1)
    assert results(now_client, "Khánh Cường") == [
        ("tran-duc-luong.txt", 0, ["xã Phổ Khánh"]),
        ("nghi-quyet-1678.txt", 1, []),
    ]
    found = now_client.get("/-/tim-kiem.json", q="Lâm Đồng").json()["found"]
    assert (found["old_names"], found["old_bounded"]) == (1, True)
    assert "hơn / more than 1 đoạn nhắc tên cũ" in seen(now_client.get("/-/tim-kiem", q="Lâm Đồng").text)
