"""Locations: provinces (with the 2025 mergers), districts and communes named in real snippets."""

from __future__ import annotations

import pytest

from miner.document import Document, Paragraph
from miner.locations import _may_name_district, find_locations, find_provinces, names_place, places_in, province_of
from miner.record import Header


def _doc(*texts: str) -> Document:
    return Document(
        path="snippet.txt",
        format="txt",
        paragraphs=tuple(Paragraph(seq=i, text=t) for i, t in enumerate(texts)),
    )


def _names(texts: tuple[str, ...]) -> list[tuple[str, str | None, str | None, str | None]]:
    found = find_locations(_doc(*texts), Header(), ())
    return [(loc.name, loc.level, loc.province, loc.merged_into) for loc in found]


LOCATIONS = [
    ("province-in-org", ("Cục QLTT Tỉnh Đắk Nông",), [("Đắk Nông", "tỉnh", "Đắk Nông", "Lâm Đồng")]),
    ("heading", ("UBND TỈNH BÌNH THUẬN",), [("Bình Thuận", "tỉnh", "Bình Thuận", "Lâm Đồng")]),
    ("place-line", ("Hà Nội, ngày 27 tháng 11 năm 2025",), [("Hà Nội", "thành phố", "Hà Nội", None)]),
    ("district-prefixed", ("4. Ủy ban nhân dân huyện Quảng Ninh;",), [("Quảng Ninh", "tỉnh", "Quảng Ninh", None)]),
    (
        "two-districts",
        ("- Cụm thi đua (riêng huyện Khoái Châu và huyện Ân Thi: 02 cụm);",),
        [("Khoái Châu", "huyện", "Hưng Yên", None), ("Ân Thi", "huyện", "Hưng Yên", None)],
    ),
    (
        "ward-and-city",
        ("khu phố 1, phường Hưng Long, thành phố Phan Thiết, tỉnh Bình Thuận",),
        [
            ("Bình Thuận", "tỉnh", "Bình Thuận", "Lâm Đồng"),
            ("Hưng Long", "phường", None, None),
            ("Phan Thiết", "thành phố", "Bình Thuận", "Lâm Đồng"),
        ],
    ),
    (
        "ward-list",
        ("Khen thưởng tập thể tiên tiến (các phường: Sông Trí, Thành Sen, Hà Huy Tập);",),
        [("Sông Trí", "phường", None, None), ("Thành Sen", "phường", None, None), ("Hà Huy Tập", "phường", None, None)],
    ),
    (
        "district-in-org-name",
        ("Hiệp hội Nước mắm Phan Thiết dự kiến tổ chức đại hội",),
        [("Phan Thiết", "thành phố", "Bình Thuận", "Lâm Đồng")],
    ),
    (
        "project-names",
        ("Các dự án có kế hoạch khởi công: Tân Phú - Bảo Lộc (Lâm Đồng);",),
        [
            ("Lâm Đồng", "tỉnh", "Lâm Đồng", None),
            ("Tân Phú", "huyện", "Đồng Nai", None),
            ("Bảo Lộc", "thành phố", "Lâm Đồng", None),
        ],
    ),
    ("hcm-abbreviation", ("Vành đai 3 TP HCM",), [("Hồ Chí Minh", "thành phố", "Hồ Chí Minh", None)]),
    ("hcm-is-a-person-too", ("học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",), []),
    ("person-not-province", ("Kính gửi ông Trương Bình Định, Giám đốc",), []),
    ("person-not-district", ("Phó Chủ tịch UBND tỉnh Lê Trường Sơn; ông Nguyễn Văn Lâm",), []),
    (
        "street-not-place",
        ("số 6 Phan Chu Trinh, phường Cửa Nam, thành phố Hà Nội",),
        [("Hà Nội", "thành phố", "Hà Nội", None), ("Cửa Nam", "phường", None, None)],
    ),
    ("news-agency", ("Thông tấn xã Việt Nam; Đài Tiếng nói Việt Nam",), []),
    ("republic-heading", ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",), []),
    ("generic-levels", ("Chủ tịch UBND xã, phường: Các Sở, ban, ngành",), []),
    ("peace-not-province", ("vì hòa bình và phát triển bền vững",), []),
    (
        "numbered-districts",
        ("Quận 1, Phường 5, thành phố Thủ Đức; ngày 3 tháng 5",),
        [
            ("Quận 1", "quận", None, None),
            ("Phường 5", "phường", None, None),
            ("Thủ Đức", "thành phố", "Hồ Chí Minh", None),
        ],
    ),
    ("facility-not-district", ("Cảng hàng không Long Thành - ACV; Hội trường Thống Nhất",), []),
    (
        "person-named-like-a-district",
        ("Ông Trần Văn Thời dự họp; huyện Trần Văn Thời",),
        [("Trần Văn Thời", "huyện", "Cà Mau", None)],
    ),
    (
        "district-after-an-abbreviated-body",
        ("Năm 2020, KBNN Hạ Long và KBNN Cẩm Phả được tặng Giấy khen; BHXH Uông Bí.",),
        [
            ("Hạ Long", "thành phố", "Quảng Ninh", None),
            ("Cẩm Phả", "thành phố", "Quảng Ninh", None),
            ("Uông Bí", "thành phố", "Quảng Ninh", None),
        ],
    ),
    (
        "one-entry-per-place",
        ("Sở Nội vụ tỉnh Bắc Ninh", "UBND tỉnh Bắc Ninh"),
        [("Bắc Ninh", "tỉnh", "Bắc Ninh", None)],
    ),
    (
        "a-word-is-no-city",
        ("3. Danh hiệu Vinh dự Nhà nước;", "Vinh là thành phố của tỉnh"),
        [("Vinh", "thành phố", "Nghệ An", None)],
    ),
]


@pytest.mark.parametrize("texts, expected", [c[1:] for c in LOCATIONS], ids=[c[0] for c in LOCATIONS])
def test_find_locations(texts: tuple[str, ...], expected: list) -> None:
    assert sorted(_names(texts)) == sorted(expected)


def test_spans_are_the_text_as_written() -> None:
    doc = _doc("Ủy ban nhân dân huyện Cư Jút, TỈNH ĐẮK NÔNG", "Bà Rịa - Vũng Tàu")
    for loc in find_locations(doc, Header(), ()):
        for span in loc.spans:
            assert span.text == doc.paragraphs[span.paragraph].text[span.start : span.end]
    assert sorted(loc.name for loc in find_locations(doc, Header(), ())) == ["Bà Rịa - Vũng Tàu", "Cư Jút", "Đắk Nông"]


PROVINCES = [
    ("UBND TỈNH ĐẮK NÔNG", "Đắk Nông"),
    ("Uỷ ban nhân dân tỉnh Hoà Bình", "Hòa Bình"),
    ("Sở Y tế TP.HCM", "Hồ Chí Minh"),
    ("Thành phố Hồ Chí Minh", "Hồ Chí Minh"),
    ("Đoàn Thanh niên Cộng sản Hồ Chí Minh", None),
    ("Tỉnh Bắc Cạn", "Bắc Kạn"),
    ("hòa bình, hữu nghị", None),
]


@pytest.mark.parametrize("text, expected", PROVINCES, ids=[t for t, _ in PROVINCES])
def test_province_of(text: str, expected: str | None) -> None:
    assert province_of(text) == expected


def test_find_provinces_offsets() -> None:
    text = "Kho bạc Nhà nước tỉnh Đắk Nông và Cục Thuế tỉnh Đắk Lắk"
    assert [(text[s:e], p.name) for s, e, p in find_provinces(text)] == [
        ("Đắk Nông", "Đắk Nông"),
        ("Đắk Lắk", "Đắk Lắk"),
    ]


# names_place() tells what bool(places_in()) tells, reading less of a text that names a province.
NAMES_PLACE = [
    ("province", "Sở Nội vụ tỉnh Đắk Nông", True),
    ("province-shouted", "UBND TỈNH BÌNH THUẬN", True),
    ("surname-before-province", "ông Trương Bình Định", False),
    ("surname-then-district", "ông Trương Bình Định, huyện Cư Jút", True),
    ("district-after-level", "Phòng Nội vụ huyện Cư Jút", True),
    ("district-alone", "Kho bạc Nhà nước Hạ Long", True),
    ("no-place", "Hội đồng Thi đua - Khen thưởng", False),
    ("person-not-province", "tư tưởng Hồ Chí Minh", False),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in NAMES_PLACE], ids=[c[0] for c in NAMES_PLACE])
def test_names_place(text: str, expected: bool) -> None:
    assert (names_place(text), bool(places_in(text))) == (expected, expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Chủ tịch Ủy ban nhân dân tỉnh ký văn bản.", False),  # the words of "Chũ" and "Văn Bàn", not so written
        ("Thị xã Chũ, tỉnh Bắc Giang", True),
        ("Kho bạc Nhà nước Văn Bàn", True),
        ("VĂN BÀN", True),  # a heading in capitals: places_in decides
        ("Cơ quan thống nhất ý kiến", False),
    ],
)
def test_may_name_district(text: str, expected: bool) -> None:
    assert _may_name_district(text) is expected


def test_may_name_district_is_a_necessary_test() -> None:
    # Each district found by its bare name passes the test first.
    text = "Họp tại KBNN Hạ Long; Vinh, Văn Bàn và Chũ."
    assert _may_name_district(text)
    assert [p[2] for p in places_in(text)] == ["Hạ Long", "Vinh", "Văn Bàn", "Chũ"]
