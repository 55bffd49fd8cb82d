"""The 2025 reform: where each place named lies since 1 July 2025 (`Location.now_in`), in the record,
the `locations` table and `miner extract`; communes through underthesea.convert_address, offline."""

from __future__ import annotations

import json
import socket
import sqlite3
import subprocess
import sys

import pytest
from click.testing import CliRunner

from miner import reform, store
from miner.cli import cli
from miner.document import Document
from miner.locations import find_locations, provinces
from miner.pipeline import build_record
from miner.record import Header, Location, Record, Span
from miner.reform import commune_now, province_now, relocate
from miner.segment import split_paragraphs

NGHIA_DUC = "UBND phường Nghĩa Đức, thành phố Gia Nghĩa, tỉnh Đắk Nông báo cáo kết quả năm 2023."


def _doc(text: str) -> Document:
    return Document(path="snippet.txt", format="txt", paragraphs=tuple(split_paragraphs(text)))


def _places(text: str, header: Header = Header()) -> list[tuple]:
    doc = _doc(text)
    return [
        (loc.level, loc.name, loc.province, loc.now_in)
        for loc in relocate(doc, header, find_locations(doc, header, ()))
    ]


def test_the_ward_of_the_issue_now_lies_in_bac_gia_nghia() -> None:
    record = build_record(_doc("BÁO CÁO\n\nKết quả công tác năm 2023\n\n" + NGHIA_DUC))
    assert [(loc.name, loc.level, loc.province, loc.merged_into, loc.now_in) for loc in record.locations] == [
        ("Đắk Nông", "tỉnh", "Đắk Nông", "Lâm Đồng", "tỉnh Lâm Đồng"),
        ("Nghĩa Đức", "phường", "Đắk Nông", "Lâm Đồng", "Phường Bắc Gia Nghĩa, tỉnh Lâm Đồng"),
        ("Gia Nghĩa", "thành phố", "Đắk Nông", "Lâm Đồng", "tỉnh Lâm Đồng"),
    ]
    assert record.to_dict()["locations"][1]["now_in"] == "Phường Bắc Gia Nghĩa, tỉnh Lâm Đồng"


PLACES = [
    # (id, text, header, [(level, name, province, now_in)])
    (
        "district-and-province-written",
        "Ông Nguyễn Văn A, trú tại thị trấn Ea T'Ling, huyện Cư Jút, tỉnh Đắk Nông.",
        Header(),
        [
            ("tỉnh", "Đắk Nông", "Đắk Nông", "tỉnh Lâm Đồng"),
            ("thị trấn", "Ea T'Ling", "Đắk Nông", "Xã Cư Jút, tỉnh Lâm Đồng"),
            ("huyện", "Cư Jút", "Đắk Nông", "tỉnh Lâm Đồng"),
        ],
    ),
    (
        "district-written-province-of-the-document",
        "Sinh tại xã Nghĩa Kỳ, huyện Tư Nghĩa.",
        Header(province="Quảng Ngãi"),
        [
            ("xã", "Nghĩa Kỳ", "Quảng Ngãi", "Xã Nghĩa Giang, tỉnh Quảng Ngãi"),
            ("huyện", "Tư Nghĩa", "Quảng Ngãi", "tỉnh Quảng Ngãi"),
        ],
    ),
    (
        "district-by-name-then-city",
        "Trụ sở: số 722, phường 22, Bình Thạnh, TP. Hồ Chí Minh.",
        Header(),
        [
            ("thành phố", "Hồ Chí Minh", "Hồ Chí Minh", "thành phố Hồ Chí Minh"),
            ("phường", "Phường 22", "Hồ Chí Minh", "Phường Thạnh Mỹ Tây, thành phố Hồ Chí Minh"),
            ("quận", "Bình Thạnh", "Hồ Chí Minh", "thành phố Hồ Chí Minh"),
        ],
    ),
    (
        "renamed-province-asked-by-its-new-name",
        "Hộ ông A ở phường Phú Hội, tỉnh Thừa Thiên Huế.",
        Header(),
        [
            ("tỉnh", "Thừa Thiên Huế", "Thừa Thiên Huế", "thành phố Huế"),
            ("phường", "Phú Hội", "Thừa Thiên Huế", "Phường Thuận Hóa, thành phố Huế"),
        ],
    ),
    (
        "commune-of-the-document-province-one-of-its-name",
        "Đoàn kiểm tra làm việc tại xã Quảng Sơn.",
        Header(province="Quảng Bình"),
        [("xã", "Quảng Sơn", "Quảng Bình", "Xã Nam Ba Đồn, tỉnh Quảng Trị")],
    ),
    (
        "numbered-ward-without-its-district",
        "Cử tri phường 7 tham dự.",
        Header(province="Hồ Chí Minh"),
        [("phường", "Phường 7", None, None)],
    ),
    (
        "ward-split-between-new-wards-keeps-its-province",
        "Cử tri ở phường Gia Thụy, quận Long Biên, thành phố Hà Nội.",
        Header(),
        [
            ("thành phố", "Hà Nội", "Hà Nội", "thành phố Hà Nội"),
            ("phường", "Gia Thụy", "Hà Nội", "thành phố Hà Nội"),
            ("quận", "Long Biên", "Hà Nội", "thành phố Hà Nội"),
        ],
    ),
    (
        "ward-merged-before-2025-keeps-its-province",
        "Khu phố 1, phường Hưng Long, thành phố Phan Thiết, tỉnh Bình Thuận.",
        Header(),
        [
            ("tỉnh", "Bình Thuận", "Bình Thuận", "tỉnh Lâm Đồng"),
            ("phường", "Hưng Long", "Bình Thuận", "tỉnh Lâm Đồng"),
            ("thành phố", "Phan Thiết", "Bình Thuận", "tỉnh Lâm Đồng"),
        ],
    ),
    (
        "a-list-of-communes-is-no-district",
        "Chia xã Tân Thành thuộc huyện Cà Mau thành 3 xã: Lương Thế Trân, Thạnh Phú, Thạnh Trung.",
        Header(),
        [
            ("tỉnh", "Cà Mau", "Cà Mau", "tỉnh Cà Mau"),
            ("xã", "Lương Thế Trân", None, None),
            ("huyện", "Thạnh Phú", "Bến Tre", "tỉnh Vĩnh Long"),
        ],
    ),
    (
        "commune-whose-new-commune-underthesea-does-not-know-gets-its-province",
        "Đoàn công tác làm việc tại thị trấn Di Lăng, tỉnh Quảng Ngãi.",
        Header(),
        [
            ("tỉnh", "Quảng Ngãi", "Quảng Ngãi", "tỉnh Quảng Ngãi"),
            ("thị trấn", "Di Lăng", "Quảng Ngãi", "tỉnh Quảng Ngãi"),
        ],
    ),
    (
        "document-written-after-the-reform-names-new-communes",
        "Trụ sở: số 2 đường Độc Lập, phường Ba Đình, thành phố Hà Nội.",
        Header(issued_date="2025-08-01"),
        [("thành phố", "Hà Nội", "Hà Nội", "thành phố Hà Nội"), ("phường", "Ba Đình", "Hà Nội", None)],
    ),
]


@pytest.mark.parametrize(("text", "header", "expected"), [c[1:] for c in PLACES], ids=[c[0] for c in PLACES])
def test_where_places_lie_now(text: str, header: Header, expected: list[tuple]) -> None:
    assert _places(text, header) == expected


def test_every_province_lies_where_underthesea_says() -> None:
    from underthesea import convert_address

    said = {}
    for prov in provinces():
        unit = reform._address_province(prov.name)
        new = convert_address(f"{unit.kind} {unit.name}").new.province
        said[prov.name] = new[:1].lower() + new[1:]
    assert said == {prov.name: province_now(prov.name) for prov in provinces()}


def test_commune_conversion_needs_no_network(monkeypatch) -> None:
    def refuse(*args, **kwargs):
        raise OSError("no network in this test")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    commune_now.cache_clear()
    assert commune_now("phường", "Nghĩa Đức", "Đắk Nông", "Gia Nghĩa") == "Phường Bắc Gia Nghĩa, tỉnh Lâm Đồng"


def test_miner_extract_says_where_the_ward_now_lies(tmp_path) -> None:
    path = tmp_path / "bao-cao.txt"
    path.write_text("BÁO CÁO\n\nKết quả công tác năm 2023\n\n" + NGHIA_DUC + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(path)])
    assert result.exit_code == 0, result.output
    assert "  - phường Nghĩa Đức (nay thuộc Phường Bắc Gia Nghĩa, tỉnh Lâm Đồng)" in result.output.splitlines()
    result = CliRunner().invoke(cli, ["extract", str(path), "--json"])
    assert '"now_in": "Phường Bắc Gia Nghĩa, tỉnh Lâm Đồng"' in result.output


# ---------------------------------------------------------------- in the database


def _record(*locations: Location) -> tuple[Document, Record]:
    doc = _doc(NGHIA_DUC)
    return doc, Record(header=Header(), locations=locations)


def _commune(now_in: str | None) -> Location:
    return Location(
        "Tân Lập",
        level="xã",
        province="Đắk Nông",
        merged_into="Lâm Đồng",
        now_in=now_in,
        spans=(Span(0, 5, 12, "Tân Lập"),),
    )


def test_the_locations_table_keeps_where_each_place_lies_now(tmp_path) -> None:
    db = store.open_db(tmp_path / "t.db")
    doc, record = _record(
        Location("Đắk Nông", level="tỉnh", province="Đắk Nông", merged_into="Lâm Đồng", now_in="tỉnh Lâm Đồng"),
        _commune("Xã A, tỉnh Lâm Đồng"),
    )
    store.save(db, "a" * 64, store.FileState("/a.txt", 1, 1.0), doc, record)
    _, other = _record(_commune("Xã B, tỉnh Lâm Đồng"))  # another commune of that name, elsewhere now
    store.save(db, "b" * 64, store.FileState("/b.txt", 1, 1.0), doc, other)
    assert [tuple(r) for r in db.execute("select name, level, now_in from locations order by id")] == [
        ("Đắk Nông", "tỉnh", "tỉnh Lâm Đồng"),
        ("Tân Lập", "xã", "Xã A, tỉnh Lâm Đồng"),
        ("Tân Lập", "xã", "Xã B, tỉnh Lâm Đồng"),
    ]
    db.close()


def test_a_version_2_database_gets_now_in_for_provinces_and_districts(tmp_path) -> None:
    path = tmp_path / "t.db"
    db = store.open_db(path)
    doc, record = _record(
        Location("Đắk Nông", level="tỉnh", province="Đắk Nông", merged_into="Lâm Đồng"),
        Location("Gia Nghĩa", level="thành phố", province="Đắk Nông", merged_into="Lâm Đồng"),
        Location("Nghĩa Đức", level="phường", province="Đắk Nông", merged_into="Lâm Đồng"),
    )
    store.save(db, "a" * 64, store.FileState("/a.txt", 1, 1.0), doc, record)
    db.close()
    old = sqlite3.connect(path)  # what version 2 wrote: no now_in column
    old.execute("drop index if exists idx_locations_now_in")
    old.execute("alter table locations drop column now_in")
    old.execute("pragma user_version = 2")
    old.commit()
    old.close()
    db = store.open_db(path)
    assert db.execute("pragma user_version").fetchone()[0] == store.SCHEMA_VERSION
    assert [tuple(r) for r in db.execute("select name, now_in from locations order by id")] == [
        ("Đắk Nông", "tỉnh Lâm Đồng"),
        ("Gia Nghĩa", "tỉnh Lâm Đồng"),
        ("Nghĩa Đức", None),  # a commune needs its text: filled when its document is re-extracted
    ]
    db.close()


def test_the_canned_query_finds_by_the_new_name_the_documents_using_the_old_ones(tmp_path) -> None:
    from miner.web import canned_queries

    db = store.open_db(tmp_path / "t.db")
    doc = _doc("BÁO CÁO\n\nKết quả công tác năm 2023\n\n" + NGHIA_DUC)
    store.save(db, "a" * 64, store.FileState("/nghia-duc.txt", 1, 1.0), doc, build_record(doc))
    sql = canned_queries()["van_ban_theo_dia_danh_moi"]["sql"]

    def found(name: str) -> list[tuple]:
        return [(r[0], r[1], r[7]) for r in db.execute(sql, {"dia_danh": name})]

    assert found("Bac Gia Nghia") == [("Phường Bắc Gia Nghĩa, tỉnh Lâm Đồng", "phường Nghĩa Đức", 1)]
    assert found("Lâm Đồng") == [
        ("Phường Bắc Gia Nghĩa, tỉnh Lâm Đồng", "phường Nghĩa Đức", 1),
        ("tỉnh Lâm Đồng", "thành phố Gia Nghĩa", 1),
        ("tỉnh Lâm Đồng", "tỉnh Đắk Nông", 1),
    ]
    assert found("Phường Nghĩa Đức") == []  # the old name is not where it lies now
    db.close()


# ---------------------------------------------------------------- what a process loads


def _modules_after_extracting(text: str, tmp_path) -> set[str]:
    """The top-level packages a fresh process has imported once it extracted `text`."""
    path = tmp_path / "van-ban.txt"
    path.write_text(text, encoding="utf-8")
    child = (
        "import json, sys; from pathlib import Path; from miner.pipeline import build_record; "
        "from miner.readers import read_document; "
        f"record = build_record(read_document(Path({str(path)!r}))); "
        "print(json.dumps([sorted({m.split('.')[0] for m in sys.modules}), [l.now_in for l in record.locations]]))"
    )
    done = subprocess.run([sys.executable, "-c", child], capture_output=True, text=True, check=True)
    modules, now_in = json.loads(done.stdout)
    return set(modules), now_in


def test_a_text_naming_no_commune_never_imports_underthesea(tmp_path) -> None:
    modules, now_in = _modules_after_extracting(
        "BÁO CÁO\n\nKết quả công tác năm 2023 của Sở Nội vụ tỉnh Đắk Nông.\n", tmp_path
    )
    assert ("underthesea" in modules, now_in) == (False, ["tỉnh Lâm Đồng"])
    modules, now_in = _modules_after_extracting("BÁO CÁO\n\nKết quả công tác năm 2023\n\n" + NGHIA_DUC + "\n", tmp_path)
    assert "underthesea" in modules and "Phường Bắc Gia Nghĩa, tỉnh Lâm Đồng" in now_in


def test_ingest_warm_up_loads_the_reform_table(monkeypatch) -> None:
    from miner import ingest

    loaded = []
    monkeypatch.setattr(ingest, "load_address_table", lambda: loaded.append(True))
    ingest.warm()
    assert loaded == [True]
