"""Award types and award events, on real snippets of decisions, minutes, proposals and reports."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

import miner.awards as awards_package
from miner import data
from miner.awards import award_types, find_award_types, find_awards, grantor_name, match_award_types
from miner.awards.events import _GRANT_RE, _Clauses, _year_in, is_blank_form, lays_down_rules, tells_history
from miner.document import Document
from miner.organizations import find_organizations
from miner.persons import find_persons
from miner.pipeline import build_record
from miner.record import Header
from miner.segment import split_paragraphs


def _doc(text: str) -> Document:
    return Document(path="snippet.txt", format="txt", paragraphs=tuple(split_paragraphs(text)))


def _awards(text: str, header: Header) -> list[tuple]:
    doc = _doc(text)
    organizations = find_organizations(doc, header)
    persons = find_persons(doc, header)
    return [
        (a.award, a.recipient, a.grantor, a.year, a.status, a.decision)
        for a in find_awards(doc, header, organizations, persons, ())
    ]


def test_taxonomy_names_are_the_specs() -> None:
    names = [t.name for t in award_types()]
    assert len(names) == len(set(names))
    assert {"Chiến sĩ thi đua cấp bộ, ban, ngành, tỉnh", "Huân chương Lao động", "Kỷ niệm chương", "Giấy khen"} <= set(
        names
    )
    by_name = {t.name: t for t in award_types()}
    assert by_name["Huân chương Lao động"].classes == ("Nhất", "Nhì", "Ba")
    assert by_name["Tập thể lao động tiên tiến"].recipients == ("tập thể",)
    assert by_name["Huân chương Dũng cảm"].valid_from == 2014


TYPES = [
    # (id, snippet, the canonical types in order)
    (
        "lower-case-flag",
        "đơn vị Kho bạc nhà nước tỉnh Đắk Nông đạt danh hiệu cờ thi đua của Bộ tài chính",
        ["Cờ thi đua"],
    ),
    (
        "abbreviated-in-table",
        "1 | Đinh Tuấn long | Lao động TT | Hoàn thành xuất sắc nhiệm vụ | 19/19 | 100%",
        ["Lao động tiên tiến"],
    ),
    (
        "acronyms",
        "- Số đạt tiêu chuẩn LĐTT: 21/21 đ/c\n- Số được đề xuất CSTĐ cơ sở: 06/21 đ/c",
        ["Lao động tiên tiến", "Chiến sĩ thi đua cơ sở"],
    ),
    (
        "provincial-level-old-spelling",
        "Danh hiệu “Cờ thi đua của Chính phủ”; “Chiến sỹ thi đua cấp tỉnh”;",
        ["Cờ thi đua", "Chiến sĩ thi đua cấp bộ, ban, ngành, tỉnh"],
    ),
    (
        "ministry-level",
        "Danh hiệu “Chiến sĩ thi đua cấp Bộ”, “Chiến sĩ thi đua toàn quốc”",
        ["Chiến sĩ thi đua cấp bộ, ban, ngành, tỉnh", "Chiến sĩ thi đua toàn quốc"],
    ),
    ("order-with-class", "được Chủ tịch nước tặng Huân chương Lao động hạng Ba", ["Huân chương Lao động hạng Ba"]),
    ("order-roman-class", "Huân chương Chiến công hạng III", ["Huân chương Chiến công hạng Ba"]),
    (
        "branch-level-fighter",
        'bà Nguyễn Thị Hương được công nhận danh hiệu "Chiến sĩ thi đua ngành Tài chính"',
        ["Chiến sĩ thi đua cấp bộ, ban, ngành, tỉnh"],
    ),
    (
        "order-classes-listed",
        "4 | Huân chương Độc lập hạng Nhất, hạng Nhì, hạng Ba | 15,0; 12,0; 10,0 lần",
        ["Huân chương Độc lập hạng Nhất", "Huân chương Độc lập hạng Nhì", "Huân chương Độc lập hạng Ba"],
    ),
    (
        "order-classes-without-hang",
        "mức thưởng Huân chương Chiến công hạng Nhất, Nhì và Ba",
        ["Huân chương Chiến công hạng Nhất", "Huân chương Chiến công hạng Nhì", "Huân chương Chiến công hạng Ba"],
    ),
    (
        "classes-shared-by-two-orders",
        "Huân chương Lao động, Huân chương Bảo vệ Tổ quốc hạng Nhì, hạng Ba | 8,0 lần",
        [
            "Huân chương Lao động hạng Nhì",
            "Huân chương Lao động hạng Ba",
            "Huân chương Bảo vệ Tổ quốc hạng Nhì",
            "Huân chương Bảo vệ Tổ quốc hạng Ba",
        ],
    ),
    (
        "three-is-not-a-class",
        "được tặng Huân chương Lao động hạng Nhì, ba tập thể được tặng Bằng khen",
        ["Huân chương Lao động hạng Nhì", "Bằng khen"],
    ),
    (
        "order-all-classes",
        "“Huân chương Độc lập” (các hạng), “Anh hùng Lực lượng vũ trang nhân dân”",
        ["Huân chương Độc lập", "Anh hùng Lực lượng vũ trang nhân dân"],
    ),
    (
        "collective-before-individual",
        "xét tặng danh hiệu “Tập thể lao động tiên tiến”; “Lao động tiên tiến”",
        ["Tập thể lao động tiên tiến", "Lao động tiên tiến"],
    ),
    ("commemorative-medal", 'Kỷ niệm chương "Vì sự nghiệp Nông nghiệp và Môi trường"', ["Kỷ niệm chương"]),
    (
        "honorary-titles-abbreviated",
        "Thông báo về việc xét tặng danh hiệu NGND, NGƯT lần thứ 17",
        ["Nhà giáo nhân dân", "Nhà giáo ưu tú"],
    ),
    ("resistance-order-is-another", "- 3 Huân chương Chiến công giải phóng hạng Nhất, Nhì, Ba", []),
    (
        "class-after-the-war",
        "- Huân chương Kháng chiến chống Mỹ cứu nước hạng Nhất",
        ["Huân chương Kháng chiến hạng Nhất"],
    ),
    (
        "order-and-medal-of-one-name",
        "6 | Huân, Huy chương kháng chiến (chống Mỹ)",
        ["Huân chương Kháng chiến", "Huy chương Kháng chiến"],
    ),
    ("certificate-of-pm", "khen thưởng xứng đáng (Huân chương, bằng khen Thủ tướng Chính phủ,...)", ["Bằng khen"]),
    (
        "class-after-the-closing-quote",
        "C) “Huân chương Độc lập” hạng nhất, hạng nhì, hạng ba;",
        ["Huân chương Độc lập hạng Nhất", "Huân chương Độc lập hạng Nhì", "Huân chương Độc lập hạng Ba"],
    ),
    (
        "fighter-of-a-named-ministry",
        "danh hiệu “Chiến sỹ thi đua Bộ Xây dựng” phải đạt kết quả bỏ phiếu từ 90% trở lên",
        ["Chiến sĩ thi đua cấp bộ, ban, ngành, tỉnh"],
    ),
    (
        "resistance-orders-and-medals",
        "Bản sao y Bằng Huân chương Kháng chiến, Huy chương Kháng chiến, Bằng khen của Thủ tướng Chính phủ",
        ["Huân chương Kháng chiến", "Huy chương Kháng chiến", "Bằng khen"],
    ),
    (
        "youth-volunteer-medal",
        'Thanh niên xung phong được xét tặng, truy tặng "Huy chương Thanh niên xung phong vẻ vang"',
        ["Huy chương Thanh niên xung phong vẻ vang"],
    ),
    (
        "grades-written-once-for-several-professions",
        "được phong tặng danh hiệu Nhà giáo, Thầy thuốc, Nghệ sỹ, Nghệ nhân (nhân dân và ưu tú); Cờ thi đua",
        [
            "Nhà giáo nhân dân",
            "Nhà giáo ưu tú",
            "Thầy thuốc nhân dân",
            "Thầy thuốc ưu tú",
            "Nghệ sĩ nhân dân",
            "Nghệ sĩ ưu tú",
            "Nghệ nhân nhân dân",
            "Nghệ nhân ưu tú",
            "Cờ thi đua",
        ],
    ),
    (
        "two-grades-of-one-profession",
        "xét tặng danh hiệu Nhà giáo nhân dân, ưu tú",
        ["Nhà giáo nhân dân", "Nhà giáo ưu tú"],
    ),
    (
        "village-and-quarter",
        "“Tập thể lao động tiên tiến”, “Thôn, khu phố, khối phố văn hoá” và đề nghị cấp trên",
        ["Tập thể lao động tiên tiến", "Thôn, tổ dân phố văn hóa"],
    ),
    ("generic-words", "các danh hiệu thi đua, hình thức khen thưởng; danh hiệu chiến sĩ thi đua", []),
    ("a-plain-phrase", "xây dựng đơn vị tiên tiến, gia đình văn hóa", []),
    ("local-title", "xét tặng danh hiệu “Công dân danh dự Thủ đô”", []),
    ("acronym-in-lower-case", "lđtt và cstđ cơ sở", []),
]


@pytest.mark.parametrize("text, expected", [(t, e) for _, t, e in TYPES], ids=[i for i, _, _ in TYPES])
def test_find_award_types(text: str, expected: list[str]) -> None:
    assert [t.name for t in find_award_types(_doc(text))] == expected


def test_award_type_spans_are_the_text_as_written() -> None:
    text = "1 | Đinh Tuấn long | Lao động TT | Hoàn thành"
    assert match_award_types(text) == [(21, 32, "Lao động tiên tiến")]
    (mention,) = find_award_types(_doc(text))
    assert [s.text for s in mention.spans] == ["Lao động TT"]


QUANG_BINH = Header(kind="quyet_dinh", year=2022, issuer="Ủy ban nhân dân tỉnh Quảng Bình", province="Quảng Bình")
DECISION = """QUYẾT ĐỊNH

Về việc tặng Bằng khen của Chủ tịch UBND tỉnh

CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH QUẢNG BÌNH

Căn cứ Luật Thi đua, Khen thưởng ngày 26/11/2003;

QUYẾT ĐỊNH:

Điều 1. Tặng Bằng khen của Chủ tịch UBND tỉnh cho 05 tập thể đã có thành tích xuất sắc trong 10 năm triển khai thực hiện Luật Phổ biến, giáo dục pháp luật trên địa bàn tỉnh, gồm:

1. Phòng Phổ biến, giáo dục pháp luật, Sở Tư pháp;

2. Công an tỉnh;

3. Ủy ban nhân dân huyện Quảng Ninh.

Điều 2. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Nội vụ, Giám đốc Sở Tư pháp và các tập thể có tên tại Điều 1 căn cứ Quyết định thi hành./.
"""


def test_decision_article_with_its_list() -> None:
    grantor = "Chủ tịch Ủy ban nhân dân tỉnh Quảng Bình"
    assert _awards(DECISION, QUANG_BINH) == [
        ("Bằng khen", "Phòng Phổ biến, giáo dục pháp luật Sở Tư pháp tỉnh Quảng Bình", grantor, 2022, "granted", None),
        ("Bằng khen", "Công an tỉnh Quảng Bình", grantor, 2022, "granted", None),
        ("Bằng khen", "Ủy ban nhân dân huyện Quảng Ninh", grantor, 2022, "granted", None),
    ]


HAI_DUONG = Header(
    kind="quyet_dinh", year=2010, symbol="69/QĐ-UBND", issuer="Ủy ban nhân dân tỉnh Hải Dương", province="Hải Dương"
)
SUB_LISTS = """CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HẢI DƯƠNG

Điều 1. Tặng Danh hiệu Tập thể lao động xuất sắc và Cờ thi đua kèm theo tiền thưởng cho 01 tập thể; Tặng Danh hiệu Chiến sĩ thi đua cấp tỉnh kèm theo tiền thưởng cho 02 cá nhân thuộc Văn phòng Ủy ban nhân dân tỉnh, đã có thành tích hoàn thành xuất sắc nhiệm vụ năm 2010. Danh sách như sau:

* Tập thể được tặng Cờ thi đua: Phòng Tổ chức - Hành chính

* Tập thể Lao động xuất sắc:

1. Văn phòng Ủy ban nhân dân tỉnh;

2. Phòng Nội chính;

* Danh hiệu Chiến sĩ thi đua cấp tỉnh:

1. Ông Nguyễn Đình Khuyến — Phó chánh Văn phòng Ủy ban nhân dân tỉnh;

2. Ông Nguyễn Sỹ Viên - Trưởng Phòng Nội chính Văn phòng.

Điều 2. Mức tiền thưởng cho tập thể được tặng Cờ: 11.320.000 đồng.
"""


def test_decision_with_a_sub_list_for_each_award() -> None:
    found = _awards(SUB_LISTS, HAI_DUONG)
    assert [(a[0], a[1]) for a in found] == [
        ("Cờ thi đua", "Phòng Tổ chức - Hành chính tỉnh Hải Dương"),
        ("Tập thể lao động xuất sắc", "Văn phòng Ủy ban nhân dân tỉnh Hải Dương"),
        ("Tập thể lao động xuất sắc", "Phòng Nội chính tỉnh Hải Dương"),
        ("Chiến sĩ thi đua cấp bộ, ban, ngành, tỉnh", "Nguyễn Đình Khuyến"),
        ("Chiến sĩ thi đua cấp bộ, ban, ngành, tỉnh", "Nguyễn Sỹ Viên"),
    ]
    assert {a[2:] for a in found} == {("Chủ tịch Ủy ban nhân dân tỉnh Hải Dương", 2010, "granted", "69/QĐ-UBND")}


SO_TU_PHAP = Header(kind="to_trinh", year=2022, issuer="Sở Tư pháp tỉnh Quảng Bình", province="Quảng Bình")
PROPOSAL = """Sở Tư pháp kính trình và đề nghị Chủ tịch UBND tỉnh tặng bằng khen cho tập thể và cá nhân vì đã có thành tích xuất sắc trong 10 năm thực hiện Luật Phổ biến, giáo dục pháp luật.

(Có Danh sách và Hồ sơ đề nghị khen thưởng của các tập thể, cá nhân kèm theo).

Nơi nhận:
- Hội đồng TĐ-KT tỉnh;
- Lưu: VT, VP.

TT | Tập thể, cá nhân đề nghị xét khen thưởng
I | Tập thể
1. | Công an tỉnh Quảng Bình
2. | UBND huyện Quảng Ninh
II | Cá nhân
1. | Ông Trương Quang Sáng, Phó Giám đốc Sở Tư pháp tỉnh Quảng Bình
2. | Đại tá Lê Văn Tiến - Chính ủy Bộ đội Biên phòng tỉnh Quảng Bình
"""


def test_proposal_with_an_attached_table() -> None:
    grantor = "Chủ tịch Ủy ban nhân dân tỉnh Quảng Bình"
    assert _awards(PROPOSAL, SO_TU_PHAP) == [
        ("Bằng khen", "Công an tỉnh Quảng Bình", grantor, 2022, "proposed", None),
        ("Bằng khen", "Ủy ban nhân dân huyện Quảng Ninh", grantor, 2022, "proposed", None),
        ("Bằng khen", "Trương Quang Sáng", grantor, 2022, "proposed", None),
        ("Bằng khen", "Lê Văn Tiến", grantor, 2022, "proposed", None),
    ]


SCHOOL = Header(kind="bien_ban", year=2024, issuer="Khoa Công nghệ Thông tin Trường Đại học Mở Hà Nội", province=None)
MINUTES = """Bầu danh hiệu “Lao động tiên tiến” trong số những lao động đạt tiêu chuẩn “hoàn thành tốt nhiệm vụ” trở lên (biểu quyết bằng hình thức giơ tay).

STT | Họ và tên | Danh hiệu | Số Phiếu đạt | Tỷ lệ
1 | Đinh Tuấn long | Lao động TT | Hoàn thành xuất sắc nhiệm vụ | 19/19 | 100%
2 | Lê Hữu Dũng | Lao động TT | Hoàn thành tốt nhiệm vụ | 19/19 | 100%
3 | Lê Ngọc An |  |  |  | GV mới chưa trong diện bỏ phiếu

(3.2) Kết quả đề xuất “Giấy khen của Hiệu trưởng”

STT | Họ và tên | Số Phiếu đạt | Tỷ lệ
1 | Dương Chí Bằng | 19/19 | 100%

- Danh hiệu: Tập thể lao động xuất sắc; Số phiếu: 19/19 đ/c; Đạt tỷ lệ: 100%
"""


def test_minutes_tables_and_the_units_own_title() -> None:
    assert _awards(MINUTES, SCHOOL) == [
        ("Lao động tiên tiến", "Đinh Tuấn Long", None, 2024, "proposed", None),
        ("Lao động tiên tiến", "Lê Hữu Dũng", None, 2024, "proposed", None),
        ("Giấy khen", "Dương Chí Bằng", "Hiệu trưởng Trường Đại học Mở Hà Nội", 2024, "proposed", None),
        (
            "Tập thể lao động xuất sắc",
            "Khoa Công nghệ Thông tin Trường Đại học Mở Hà Nội",
            None,
            2024,
            "proposed",
            None,
        ),
    ]


UNITS_TABLE = """DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG NĂM 2023

TT | Tên đơn vị | Hình thức khen thưởng | Ghi chú
1 | Nhà khách Văn phòng Tỉnh ủy | Bằng khen của Chủ tịch UBND tỉnh |
2 | Phòng Tư pháp huyện Krông Nô | Cờ thi đua của UBND tỉnh |
  | Tổng cộng | |
"""


def test_table_of_units_with_an_award_column() -> None:
    header = Header(title="DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG NĂM 2023", kind="other", year=2023, province="Đắk Nông")
    assert _awards(UNITS_TABLE, header) == [
        (
            "Bằng khen",
            "Nhà khách Văn phòng Tỉnh ủy Đắk Nông",
            "Chủ tịch Ủy ban nhân dân tỉnh Đắk Nông",
            2023,
            "proposed",
            None,
        ),
        ("Cờ thi đua", "Phòng Tư pháp huyện Krông Nô", "Ủy ban nhân dân tỉnh Đắk Nông", 2023, "proposed", None),
    ]


SCHOOLS_TABLE = """Điều 1. Tặng Bằng khen của Chủ tịch UBND tỉnh cho 03 tập thể (có danh sách kèm theo).

DANH SÁCH
TẬP THỂ ĐƯỢC TẶNG BẰNG KHEN CỦA CHỦ TỊCH UBND TỈNH

STT | Tên tập thể | Ghi chú
1 | Trường Tiểu học Hoằng Quỳ, huyện Hoằng Hóa |
2 | Trường Mầm non Bắc Sơn, thành phố Sầm Sơn |
3 | Phòng Giáo dục và Đào tạo huyện Nga Sơn |
"""
PROPOSAL_TABLE = """Sở Lao động - Thương binh và Xã hội kính đề nghị Chủ tịch UBND tỉnh xem xét, cụ thể như sau:

STT | Tên tập thể, cá nhân | Hình thức đề nghị | Ghi chú
1 | Trung tâm Dịch vụ việc làm tỉnh Tiền Giang | Bằng khen của Thủ tướng Chính phủ | Tập thể LĐXS 2019, 2020, 2021
2 | Ông Trần Văn Hiếu, Phó Giám đốc Sở | Bằng khen của Thủ tướng Chính phủ | CSTĐ cơ sở 2019-2021
3 | Phòng Lao động - Thương binh và Xã hội huyện Cái Bè | Cờ thi đua của UBND tỉnh | Dẫn đầu khối huyện
"""
CUSTOMS_DECISION = """CỤC TRƯỞNG CỤC HẢI QUAN TỈNH QUẢNG NINH

Căn cứ Luật Thi đua, khen thưởng ngày 15/6/2022;

Điều 1. Tặng Giấy khen của Cục trưởng Cục Hải quan cho 02 cá nhân đã có thành tích xuất sắc năm 2023 (danh sách kèm theo).

DANH SÁCH TẬP THỂ, CÁ NHÂN ĐƯỢC TẶNG GIẤY KHEN CỦA CỤC TRƯỞNG CỤC HẢI QUAN
(Kèm theo Quyết định số 45/QĐ-HQQN ngày 12/01/2024 của Cục trưởng Cục Hải quan tỉnh Quảng Ninh)

Số TT | Tên tập thể, cá nhân | Thành tích
1 | Bà Vũ Thị Hạnh | Thu ngân sách đạt 112% dự toán
2 | Ông Phạm Văn Hải | Phát hiện 12 vụ buôn lậu
"""
SECOND_LIST = """Điều 2. Tặng danh hiệu "Chiến sĩ thi đua cấp tỉnh" năm 2024 cho 01 cá nhân (có danh sách II kèm theo).

DANH SÁCH II
CÁ NHÂN ĐƯỢC TẶNG DANH HIỆU "CHIẾN SĨ THI ĐUA CẤP TỈNH" NĂM 2024
(Kèm theo Quyết định số 152/QĐ-UBND ngày 22/01/2025 của Chủ tịch UBND tỉnh)

STT | Họ và tên | Chức vụ | Đơn vị
1 | Bà Trần Thị Hồng Nhung | Trưởng phòng Tổ chức - Biên chế | Sở Nội vụ
"""
PROPOSAL_AFTER_XEM_XET = """Sở Y tế kính đề nghị Chủ tịch Ủy ban nhân dân tỉnh xem xét, tặng Bằng khen cho 01 tập thể và 01 cá nhân, cụ thể:

1. Trung tâm Y tế huyện Tuy An;
2. Bà Trần Thị Mỹ Linh, Trưởng khoa Nhi, Bệnh viện Đa khoa tỉnh.
"""
MINUTES_PROPOSING_TO = """1. Đề nghị Tư lệnh Quân khu 9 tặng:
- Danh hiệu "Đơn vị quyết thắng" cho Ban Chỉ huy Quân sự huyện Chợ Mới (biểu quyết 9/9);

2. Đề nghị Bộ trưởng Bộ Quốc phòng:
- Tặng Huy chương Quân kỳ quyết thắng cho Đại tá Trần Văn Bảy (đủ 25 năm phục vụ).
"""
AN_GIANG_ARMY = Header(kind="bien_ban", year=2022, issuer="Bộ Chỉ huy Quân sự tỉnh An Giang", province="An Giang")
PHU_YEN = Header(kind="to_trinh", year=2023, issuer="Sở Y tế tỉnh Phú Yên", province="Phú Yên")
THANH_HOA = Header(kind="quyet_dinh", year=2023, issuer="Ủy ban nhân dân tỉnh Thanh Hóa", province="Thanh Hóa")
TIEN_GIANG = Header(
    kind="to_trinh", year=2021, issuer="Sở Lao động - Thương binh và Xã hội tỉnh Tiền Giang", province="Tiền Giang"
)
QUANG_NINH = Header(kind="quyet_dinh", year=2023, issuer="Cục Hải quan tỉnh Quảng Ninh", province="Quảng Ninh")
LAM_DONG = Header(kind="quyet_dinh", year=2024, issuer="Ủy ban nhân dân tỉnh Lâm Đồng", province="Lâm Đồng")
LISTS_AND_TABLES = [
    # (id, text, header, the events found)
    (
        "a-units-place-after-a-comma-is-not-its-name",
        SCHOOLS_TABLE,
        THANH_HOA,
        [
            (
                "Bằng khen",
                "Trường Tiểu học Hoằng Quỳ",
                "Chủ tịch Ủy ban nhân dân tỉnh Thanh Hóa",
                2023,
                "granted",
                None,
            ),
            ("Bằng khen", "Trường Mầm non Bắc Sơn", "Chủ tịch Ủy ban nhân dân tỉnh Thanh Hóa", 2023, "granted", None),
            (
                "Bằng khen",
                "Phòng Giáo dục và Đào tạo huyện Nga Sơn",
                "Chủ tịch Ủy ban nhân dân tỉnh Thanh Hóa",
                2023,
                "granted",
                None,
            ),
        ],
    ),
    (
        "a-numbered-row-is-no-header-whatever-its-notes-say",
        PROPOSAL_TABLE,
        TIEN_GIANG,
        [
            ("Bằng khen", "Trung tâm Dịch vụ việc làm tỉnh Tiền Giang", "Thủ tướng Chính phủ", 2021, "proposed", None),
            ("Bằng khen", "Trần Văn Hiếu", "Thủ tướng Chính phủ", 2021, "proposed", None),
            (
                "Cờ thi đua",
                "Phòng Lao động - Thương binh và Xã hội huyện Cái Bè",
                "Ủy ban nhân dân tỉnh Tiền Giang",
                2021,
                "proposed",
                None,
            ),
        ],
    ),
    (
        "a-caption-under-the-list-heading-keeps-its-award",
        CUSTOMS_DECISION,
        QUANG_NINH,
        [
            ("Giấy khen", "Vũ Thị Hạnh", "Cục trưởng Cục Hải quan tỉnh Quảng Ninh", 2023, "granted", None),
            ("Giấy khen", "Phạm Văn Hải", "Cục trưởng Cục Hải quan tỉnh Quảng Ninh", 2023, "granted", None),
        ],
    ),
    (
        "a-comma-after-xem-xet-keeps-the-grantor",
        PROPOSAL_AFTER_XEM_XET,
        PHU_YEN,
        [
            (
                "Bằng khen",
                "Trung tâm Y tế huyện Tuy An",
                "Chủ tịch Ủy ban nhân dân tỉnh Phú Yên",
                2023,
                "proposed",
                None,
            ),
            ("Bằng khen", "Trần Thị Mỹ Linh", "Chủ tịch Ủy ban nhân dân tỉnh Phú Yên", 2023, "proposed", None),
        ],
    ),
    (
        "items-under-a-proposal-to-an-office-take-it-as-grantor",
        MINUTES_PROPOSING_TO,
        AN_GIANG_ARMY,
        [
            ("Đơn vị quyết thắng", "Ban Chỉ huy Quân sự huyện Chợ Mới", "Tư lệnh Quân khu 9", 2022, "proposed", None),
            ("Huy chương Quân kỳ quyết thắng", "Trần Văn Bảy", "Bộ trưởng Bộ Quốc phòng", 2022, "proposed", None),
        ],
    ),
    (
        "a-bank-grantor-keeps-hang",
        (
            "Điều 1. Tặng Giấy khen của Giám đốc Ngân hàng Nhà nước chi nhánh tỉnh Yên Bái cho 02 tập thể:\n"
            "1. Ngân hàng Chính sách xã hội chi nhánh tỉnh Yên Bái;\n2. Bà Hà Thị Thúy, Giám đốc Phòng giao dịch Lục Yên."
        ),
        Header(kind="quyet_dinh", year=2019, issuer="Ngân hàng Nhà nước chi nhánh tỉnh Yên Bái", province="Yên Bái"),
        [
            (
                "Giấy khen",
                "Ngân hàng Chính sách xã hội chi nhánh tỉnh Yên Bái",
                "Giám đốc Ngân hàng Nhà nước chi nhánh tỉnh Yên Bái",
                2019,
                "granted",
                None,
            ),
            ("Giấy khen", "Hà Thị Thúy", "Giám đốc Ngân hàng Nhà nước chi nhánh tỉnh Yên Bái", 2019, "granted", None),
        ],
    ),
    (
        "a-numbered-list-heading-gives-way-to-the-award-under-it",
        SECOND_LIST,
        LAM_DONG,
        [
            ("Chiến sĩ thi đua cấp bộ, ban, ngành, tỉnh", "Trần Thị Hồng Nhung", None, 2024, "granted", None),
        ],
    ),
]

QUANG_TRI = Header(kind="bao_cao", year=2022, issuer="Hội Liên hiệp Phụ nữ tỉnh Quảng Trị", province="Quảng Trị")
THANH_HOA_REPORT = Header(
    kind="bao_cao", year=2023, issuer="Sở Giáo dục và Đào tạo tỉnh Thanh Hóa", province="Thanh Hóa"
)
RUNNING_TEXT = [
    (
        "an-award-received-before-a-submission-is-granted",
        "Riêng bác sĩ Nguyễn Hữu Phước đã được Chủ tịch nước phong tặng danh hiệu Thầy thuốc ưu tú năm 2017.\n"
        "Bà Trần Thị Mỹ Linh đã được Hội đồng thống nhất đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh.",
        PHU_YEN,
        [
            ("Thầy thuốc ưu tú", "Nguyễn Hữu Phước", "Chủ tịch nước", 2017, "granted", None),
            ("Bằng khen", "Trần Thị Mỹ Linh", "Chủ tịch Ủy ban nhân dân tỉnh Phú Yên", 2023, "proposed", None),
        ],
    ),
    (
        "several-recipients-after-cho",
        'Điều 2. Công nhận danh hiệu "Tập thể lao động tiên tiến" năm 2023 cho Phòng Tư pháp huyện Tây Sơn và '
        'Phòng Nội vụ huyện Tây Sơn; danh hiệu "Lao động tiên tiến" cho 412 công chức.',
        Header(kind="bao_cao", year=2023, province="Bình Định"),
        [
            ("Tập thể lao động tiên tiến", "Phòng Tư pháp huyện Tây Sơn", None, 2023, "granted", None),
            ("Tập thể lao động tiên tiến", "Phòng Nội vụ huyện Tây Sơn", None, 2023, "granted", None),
        ],
    ),
    (
        "several-recipients-before-duoc",
        "Năm 2022, Hội Nông dân tỉnh và Hội Cựu chiến binh tỉnh được Chủ tịch UBND tỉnh tặng Bằng khen.",
        QUANG_TRI,
        [
            (
                "Bằng khen",
                "Hội Nông dân tỉnh Quảng Trị",
                "Chủ tịch Ủy ban nhân dân tỉnh Quảng Trị",
                2022,
                "granted",
                None,
            ),
            (
                "Bằng khen",
                "Hội Cựu chiến binh tỉnh Quảng Trị",
                "Chủ tịch Ủy ban nhân dân tỉnh Quảng Trị",
                2022,
                "granted",
                None,
            ),
        ],
    ),
    (
        "a-persons-award-not-the-body-of-her-office",
        "- Bà Nguyễn Thị Mỹ Lệ, Phó Chủ tịch Hội LHPN tỉnh được Đoàn Chủ tịch Trung ương Hội LHPN Việt Nam tặng "
        'Kỷ niệm chương "Vì sự phát triển của phụ nữ Việt Nam".',
        QUANG_TRI,
        [
            (
                "Kỷ niệm chương",
                "Nguyễn Thị Mỹ Lệ",
                "Đoàn Chủ tịch Trung ương Hội Liên hiệp Phụ nữ Việt Nam",
                2022,
                "granted",
                None,
            ),
        ],
    ),
    (
        "a-table-introduced-by-its-own-sentence",
        "- Tỉnh đoàn Quảng Trị được Chủ tịch nước tặng thưởng Huân chương Lao động hạng Ba.\n\n"
        "Ngày 06/01/2023, Khối tổ chức Hội nghị tổng kết; các đơn vị đã chấm điểm chéo theo bảng tiêu chí:\n\n"
        "STT | Đơn vị | Điểm | Xếp loại\n1 | Hội Nông dân tỉnh | 97,0 | Xuất sắc\n",
        QUANG_TRI,
        [
            ("Huân chương Lao động hạng Ba", "Tỉnh đoàn Quảng Trị", "Chủ tịch nước", 2022, "granted", None),
        ],
    ),
    (
        "grantor-signed-the-decision",
        '1. Giám đốc Công an tỉnh đã ký Quyết định số 1570/QĐ-CAT ngày 21/12/2023 công nhận danh hiệu "Đơn vị quyết '
        'thắng" năm 2023 cho Công an huyện Bát Xát.',
        Header(kind="thong_bao", year=2023, issuer="Công an tỉnh Lào Cai", province="Lào Cai"),
        [
            ("Đơn vị quyết thắng", "Công an huyện Bát Xát", "Giám đốc Công an tỉnh Lào Cai", 2023, "granted", None),
        ],
    ),
    (
        "grantor-subject-of-an-active-clause",
        "1. UBND tỉnh tặng Cờ thi đua cho Ủy ban nhân dân xã Giao Thiện, đơn vị dẫn đầu phong trào thi đua năm 2022.",
        Header(kind="to_trinh", year=2022, issuer="Ủy ban nhân dân huyện Giao Thủy", province="Nam Định"),
        [
            ("Cờ thi đua", "Ủy ban nhân dân xã Giao Thiện", "Ủy ban nhân dân tỉnh Nam Định", 2022, "proposed", None),
        ],
    ),
    (
        "recipients-heading-is-no-grantor",
        'DANH SÁCH I\nTẬP THỂ ĐƯỢC TẶNG DANH HIỆU "TẬP THỂ LAO ĐỘNG XUẤT SẮC" NĂM 2024\n\n'
        "STT | Tên tập thể | Ghi chú\n1 | Trung tâm Khuyến nông tỉnh Lâm Đồng |\n",
        Header(kind="bao_cao", year=2024, province="Lâm Đồng"),
        [
            ("Tập thể lao động xuất sắc", "Trung tâm Khuyến nông tỉnh Lâm Đồng", None, 2024, "granted", None),
        ],
    ),
    (
        "rank-and-title-after-cho",
        '3. Đề nghị Bộ trưởng Bộ Công an công nhận danh hiệu "Chiến sĩ thi đua cấp Bộ" cho đồng chí Thượng tá Nguyễn '
        'Văn Cường. Hội đồng đề nghị xét tặng danh hiệu "Thầy thuốc ưu tú" cho BSCKII. Nguyễn Thị Thu Sương.',
        Header(kind="thong_bao", year=2023, issuer="Công an tỉnh Lào Cai", province="Lào Cai"),
        [
            (
                "Chiến sĩ thi đua cấp bộ, ban, ngành, tỉnh",
                "Nguyễn Văn Cường",
                "Bộ trưởng Bộ Công an",
                2023,
                "proposed",
                None,
            ),
            ("Thầy thuốc ưu tú", "Nguyễn Thị Thu Sương", None, 2023, "proposed", None),
        ],
    ),
    (
        "place-in-parentheses-before-duoc",
        "Ủy ban nhân dân xã Lũng Cú (huyện Đồng Văn) được Thủ tướng Chính phủ tặng Bằng khen năm 2024.",
        Header(kind="bao_cao", year=2024, province="Hà Giang"),
        [
            ("Bằng khen", "Ủy ban nhân dân xã Lũng Cú", "Thủ tướng Chính phủ", 2024, "granted", None),
        ],
    ),
    (
        "the-subject-of-a-passive-is-no-grantor",
        "Năm 2023, Công an huyện Cư Jút được tặng Cờ thi đua vì dẫn đầu Cụm thi đua.",
        Header(kind="bao_cao", year=2023, issuer="Công an tỉnh Đắk Nông", province="Đắk Nông"),
        [
            ("Cờ thi đua", "Công an huyện Cư Jút", None, 2023, "granted", None),
        ],
    ),
    (
        "grantor-before-a-two-word-verb",
        "Năm 2023, Trường Tiểu học Thiệu Trung được Chủ tịch UBND tỉnh trao tặng Bằng khen.",
        THANH_HOA_REPORT,
        [
            (
                "Bằng khen",
                "Trường Tiểu học Thiệu Trung",
                "Chủ tịch Ủy ban nhân dân tỉnh Thanh Hóa",
                2023,
                "granted",
                None,
            ),
        ],
    ),
    (
        "names-after-a-count-and-a-colon",
        '5. Công nhận danh hiệu "Chiến sĩ thi đua cơ sở" cho 02 công chức: Tăng Văn Lực, Kim Thị Sa Ry; danh hiệu '
        '"Lao động tiên tiến" cho 31/33 công chức.',
        Header(kind="bien_ban", year=2023, province="Sóc Trăng"),
        [
            ("Chiến sĩ thi đua cơ sở", "Tăng Văn Lực", None, 2023, "proposed", None),
            ("Chiến sĩ thi đua cơ sở", "Kim Thị Sa Ry", None, 2023, "proposed", None),
        ],
    ),
    (
        "addressed-names-after-gom",
        'Điều 2. Công nhận danh hiệu "Chiến sĩ thi đua cơ sở" năm 2023 cho 03 cá nhân, gồm: bà Trần Thị Thu Trang, ông '
        "Phùng Văn Nam, bà Kim Thị Phương (có sáng kiến được công nhận).",
        Header(kind="quyet_dinh", year=2023, issuer="Bảo hiểm xã hội tỉnh Vĩnh Phúc", province="Vĩnh Phúc"),
        [
            ("Chiến sĩ thi đua cơ sở", "Trần Thị Thu Trang", None, 2023, "granted", None),
            ("Chiến sĩ thi đua cơ sở", "Phùng Văn Nam", None, 2023, "granted", None),
            ("Chiến sĩ thi đua cơ sở", "Kim Thị Phương", None, 2023, "granted", None),
        ],
    ),
    (
        "the-items-name-then-its-award",
        "- UBND huyện Quản Bạ: dẫn đầu Cụm, đề nghị UBND tỉnh tặng Cờ thi đua;\n"
        "- Hội Liên hiệp Phụ nữ huyện: chăm sóc 14 Bà mẹ Việt Nam anh hùng.",
        Header(kind="bao_cao", year=2024, province="Hà Giang"),
        [
            ("Cờ thi đua", "Ủy ban nhân dân huyện Quản Bạ", "Ủy ban nhân dân tỉnh Hà Giang", 2024, "proposed", None),
        ],
    ),
    (
        "award-in-parentheses-is-said-of-the-recipient",
        "4. Đề nghị Chủ tịch UBND tỉnh tặng Bằng khen: thầy Hồ Xuân Lâm, Tổ trưởng Tổ Toán - Tin học (02 năm liên "
        "tục đạt danh hiệu Chiến sĩ thi đua cơ sở).",
        Header(kind="thong_bao", year=2024, province="Ninh Thuận"),
        [
            ("Bằng khen", "Hồ Xuân Lâm", "Chủ tịch Ủy ban nhân dân tỉnh Ninh Thuận", 2024, "proposed", None),
        ],
    ),
    (
        "one-recipient-without-a-marker",
        '1. Đề nghị tặng danh hiệu "Cờ thi đua của UBND tỉnh" cho 01 tập thể:\n'
        "Bệnh viện Đa khoa tỉnh Quảng Ngãi - đơn vị dẫn đầu Khối thi đua các đơn vị sự nghiệp y tế.\n\n"
        '2. Đề nghị công nhận danh hiệu "Chiến sỹ thi đua cấp tỉnh" cho 01 cá nhân:\n'
        "BS. Trương Công Định, Phó Giám đốc Trung tâm Y tế huyện Ba Tơ (đã 03 năm liên tục đạt danh hiệu Chiến sỹ "
        "thi đua cơ sở).",
        Header(kind="to_trinh", year=2023, issuer="Sở Y tế tỉnh Quảng Ngãi", province="Quảng Ngãi"),
        [
            (
                "Cờ thi đua",
                "Bệnh viện Đa khoa tỉnh Quảng Ngãi",
                "Ủy ban nhân dân tỉnh Quảng Ngãi",
                2023,
                "proposed",
                None,
            ),
            ("Chiến sĩ thi đua cấp bộ, ban, ngành, tỉnh", "Trương Công Định", None, 2023, "proposed", None),
        ],
    ),
    (
        "a-body-after-cua-is-no-subject",
        "Đơn vị dẫn đầu Cụm, Khối thi đua của Công an tỉnh được đề nghị Bộ Công an tặng Cờ thi đua. Năm 2023, Phòng "
        "Cảnh sát giao thông Công an tỉnh được Bộ Công an tặng Cờ thi đua.",
        Header(kind="bao_cao", year=2024, issuer="Công an tỉnh Kiên Giang", province="Kiên Giang"),
        [
            ("Cờ thi đua", "Phòng Cảnh sát giao thông Công an tỉnh Kiên Giang", "Bộ Công an", 2023, "granted", None),
        ],
    ),
    (
        "a-description-after-the-items-colon",
        "1. Đề nghị Bộ trưởng Bộ Tài chính tặng Bằng khen cho:\n"
        "- Chi cục Hải quan cửa khẩu cảng Hải Phòng khu vực I: hoàn thành thu ngân sách vượt 12,4% chỉ tiêu;\n"
        "- Ông Vũ Tiến Dũng, Phó Chi cục trưởng Chi cục Hải quan quản lý hàng đầu tư.",
        Header(kind="cong_van", year=2023, issuer="Cục Hải quan thành phố Hải Phòng", province="Hải Phòng"),
        [
            (
                "Bằng khen",
                "Chi cục Hải quan cửa khẩu cảng Hải Phòng khu vực I",
                "Bộ trưởng Bộ Tài chính",
                2023,
                "proposed",
                None,
            ),
            ("Bằng khen", "Vũ Tiến Dũng", "Bộ trưởng Bộ Tài chính", 2023, "proposed", None),
        ],
    ),
    (
        "a-unit-and-a-person-after-the-colon",
        "2. Tặng Giấy khen của Chủ tịch UBND huyện Xuân Trường cho: Ủy ban nhân dân xã Xuân Hòa và ông Trần Văn Sáu, "
        "Trưởng thôn Hưng Nghĩa, đã có thành tích tiêu biểu năm 2023.",
        Header(kind="to_trinh", year=2023, issuer="Ủy ban nhân dân xã Xuân Ninh", province="Nam Định"),
        [
            (
                "Giấy khen",
                "Ủy ban nhân dân xã Xuân Hòa",
                "Chủ tịch Ủy ban nhân dân huyện Xuân Trường",
                2023,
                "proposed",
                None,
            ),
            ("Giấy khen", "Trần Văn Sáu", "Chủ tịch Ủy ban nhân dân huyện Xuân Trường", 2023, "proposed", None),
        ],
    ),
    (
        "items-under-a-proposing-sentence",
        "Hội nghị tổng kết Khối ngày 10/12/2022 đã chấm điểm, bỏ phiếu và thống nhất đề nghị:\n"
        "1. Tặng Cờ thi đua của UBND tỉnh cho Hội Nông dân tỉnh Quảng Trị (5/5 phiếu);\n"
        "2. Tặng Bằng khen của Chủ tịch UBND tỉnh cho Tỉnh đoàn Quảng Trị.",
        QUANG_TRI,
        [
            ("Cờ thi đua", "Hội Nông dân tỉnh Quảng Trị", "Ủy ban nhân dân tỉnh Quảng Trị", 2022, "proposed", None),
            ("Bằng khen", "Tỉnh đoàn Quảng Trị", "Chủ tịch Ủy ban nhân dân tỉnh Quảng Trị", 2022, "proposed", None),
        ],
    ),
]


@pytest.mark.parametrize("text, header, expected", [c[1:] for c in RUNNING_TEXT], ids=[c[0] for c in RUNNING_TEXT])
def test_running_text(text: str, header: Header, expected: list[tuple]) -> None:
    assert _awards(text, header) == expected


@pytest.mark.parametrize(
    "text, header, expected", [c[1:] for c in LISTS_AND_TABLES], ids=[c[0] for c in LISTS_AND_TABLES]
)
def test_lists_and_tables(text: str, header: Header, expected: list[tuple]) -> None:
    assert _awards(text, header) == expected


DAK_NONG = Header(kind="bao_cao", year=2022, issuer="Cục Quản lý thị trường tỉnh Đắk Nông", province="Đắk Nông")
REPORT = (
    "Các đơn vị đều hoàn thành tốt và xuất sắc nhiệm tiêu biểu như đơn vị Kho bạc nhà nước tỉnh Đắk Nông đạt "
    "danh hiệu cờ thi đua của Bộ tài chính; đơn vị Cục Thuế tỉnh Đắk Nông nhận giấy khen của Tổng Cục trưởng "
    "Cục thuế khen thưởng Cục Thuế tỉnh Đắk Nông có thành tích đột xuất, xuất sắc trong việc triển khai Hóa đơn "
    "điện tử năm 2022."
)


def test_awards_in_running_text() -> None:
    assert _awards(REPORT, DAK_NONG) == [
        ("Cờ thi đua", "Kho bạc Nhà nước tỉnh Đắk Nông", "Bộ Tài chính", 2022, "granted", None),
        ("Giấy khen", "Cục Thuế tỉnh Đắk Nông", "Tổng cục trưởng Tổng cục Thuế", 2022, "granted", None),
    ]


def test_awards_given_and_proposed_in_a_report() -> None:
    header = Header(kind="bao_cao", year=2023, issuer="Sở Tư pháp tỉnh Bắc Ninh", province="Bắc Ninh")
    text = (
        "Năm 2023, Sở Tư pháp được Thủ tướng Chính phủ tặng Bằng khen vì đã có thành tích xuất sắc. Đồng chí "
        "Nguyễn Thị Lan, Phó Giám đốc Sở được Chủ tịch nước tặng Huân chương Lao động hạng Ba.\n\n"
        "Sở Tư pháp đề nghị Ủy ban nhân dân tỉnh tặng Cờ thi đua cho Công an tỉnh."
    )
    assert _awards(text, header) == [
        ("Bằng khen", "Sở Tư pháp tỉnh Bắc Ninh", "Thủ tướng Chính phủ", 2023, "granted", None),
        ("Huân chương Lao động hạng Ba", "Nguyễn Thị Lan", "Chủ tịch nước", 2023, "granted", None),
        ("Cờ thi đua", "Công an tỉnh Bắc Ninh", "Ủy ban nhân dân tỉnh Bắc Ninh", 2023, "proposed", None),
    ]


NO_RECIPIENTS = [
    (
        "rules-with-criteria",
        '1. Tiêu chuẩn danh hiệu "Lao động tiên tiến" xét tặng cho cán bộ, công chức, viên chức đạt các tiêu '
        "chuẩn sau:\n\na) Chấp hành tốt chủ trương, đường lối của Đảng;\n\nb) Thực hành tiết kiệm, chống lãng phí;",
    ),
    (
        "quotas-per-body",
        "3.3. Giấy khen của Thủ trưởng các cơ quan, đơn vị: Căn cứ vào tình hình thực tiễn\n\n"
        "- Ban Chỉ đạo bầu cử của tỉnh: Không quá 05 cá nhân;\n- Ủy ban bầu cử của tỉnh: Không quá 05 cá nhân;",
    ),
    (
        "plural-bodies",
        "3. Đối tượng xét tặng danh hiệu Cờ thi đua của Bộ là tập thể dẫn đầu phong trào thi đua, cụ thể:\n\n"
        "a) Các cơ quan, đơn vị thuộc và trực thuộc Bộ;\n\nb) Sở Nông nghiệp và Môi trường các tỉnh, thành phố.",
    ),
    (
        "counts-only",
        "Trong năm, có 05 tập thể được tặng danh hiệu Tập thể lao động xuất sắc, 45 cá nhân đạt "
        "danh hiệu Lao động tiên tiến.",
    ),
    ("grantor-is-no-recipient", "Sở Tư pháp thống nhất đề nghị Chủ tịch UBND tỉnh tặng Bằng khen cho tập thể."),
]


@pytest.mark.parametrize("text", [t for _, t in NO_RECIPIENTS], ids=[i for i, _ in NO_RECIPIENTS])
def test_no_named_recipient_no_award(text: str) -> None:
    header = Header(kind="quyet_dinh", year=2025, issuer="Bộ Nông nghiệp và Môi trường", province="Hà Tĩnh")
    assert _awards(text, header) == []


GRANTORS = [
    ("Chủ tịch UBND tỉnh", "Chủ tịch Ủy ban nhân dân tỉnh Quảng Bình"),
    ("Thủ tướng Chính phủ", "Thủ tướng Chính phủ"),
    ("Thủ tướng", "Thủ tướng Chính phủ"),
    ("Bộ tài chính", "Bộ Tài chính"),
    ("Tổng Cục trưởng Cục thuế", "Tổng cục trưởng Tổng cục Thuế"),
    ("Bộ trưởng Bộ Tư pháp", "Bộ trưởng Bộ Tư pháp"),
    ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH QUẢNG BÌNH", "Chủ tịch Ủy ban nhân dân tỉnh Quảng Bình"),
    ("Giám đốc", "Giám đốc Sở Tư pháp tỉnh Quảng Bình"),
    ("Giám đốc Sở", "Giám đốc Sở Tư pháp tỉnh Quảng Bình"),
    ("Bộ trưởng", "Bộ trưởng"),  # alone, in a Sở's document: no body it heads
    ("các cấp", None),
    ("Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh", "Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh Quảng Bình"),
    ("Tổng Giám đốc KBNN", "Tổng Giám đốc Kho bạc Nhà nước"),
    ("Thống đốc Ngân hàng Nhà nước Việt Nam", "Thống đốc Ngân hàng Nhà nước Việt Nam"),
]


@pytest.mark.parametrize("written, expected", GRANTORS, ids=[w for w, _ in GRANTORS])
def test_grantor_name(written: str, expected: str | None) -> None:
    header = Header(kind="quyet_dinh", issuer="Sở Tư pháp tỉnh Quảng Bình", province="Quảng Bình")
    assert grantor_name(written, header) == expected


ISSUERS_HEADS = [
    # (issuer, written, the grantor): a central office heads a provincial branch only when it heads the issuer
    # The issuer itself, as the header reads it, where a scan misread the heading (QĐ 69/QĐ-UBND Hải Dương).
    (
        "Ủy ban nhân dân tỉnh Hải Dương",
        "CHỦ TỊCH ỦY BAN NHÂN DẦN TỈNH HÁI DƯƠNG",
        "Chủ tịch Ủy ban nhân dân tỉnh Hải Dương",
    ),
    ("Cục Thuế tỉnh Bình Định", "CỤC TRƯỞNG CỤC THUẾ", "Cục trưởng Cục Thuế tỉnh Bình Định"),
    ("Kho bạc Nhà nước tỉnh Quảng Ninh", "Tổng Giám đốc KBNN", "Tổng Giám đốc Kho bạc Nhà nước"),
    ("Sở Tư pháp tỉnh Quảng Bình", "Cục trưởng Cục Thuế", "Cục trưởng Cục Thuế"),
]


@pytest.mark.parametrize("issuer, written, expected", ISSUERS_HEADS, ids=[i for i, _, _ in ISSUERS_HEADS])
def test_grantor_heading_the_issuer(issuer: str, written: str, expected: str) -> None:
    header = Header(kind="quyet_dinh", issuer=issuer, province=issuer.split(" tỉnh ")[-1])
    assert grantor_name(written, header) == expected


def test_award_spans_are_the_text_as_written() -> None:
    doc = _doc(DECISION)
    for award in find_awards(doc, QUANG_BINH, find_organizations(doc, QUANG_BINH), (), ()):
        for span in award.spans:
            assert doc.paragraphs[span.paragraph].text[span.start : span.end] == span.text


def test_every_list_of_award_words_is_used() -> None:
    """A list in the data file that no module reads is a defect (a misspelt list name)."""
    source = "".join((Path(awards_package.__file__).parent / f).read_text() for f in ("events.py", "grantors.py"))
    for name in {row["list"] for row in data.rows("award_words.tsv")} - {"not_propose"}:
        assert f'"{name}"' in source or f"'{name}'" in source, name


def test_a_sentence_repeated_in_one_paragraph_gives_its_event_once() -> None:
    """A paragraph without "." or ";" that repeats one award sentence reads each award near it: the same
    event as the sentence alone, with a span for each time it is written."""
    sentence = (
        "Quyết định số 354/QĐ-UBND ngày 12/3/2018 của Ủy ban nhân dân tỉnh Đắk Nông tặng Bằng khen cho Sở Tài chính "
    )
    once, repeated = (build_record(_doc(sentence * n)).awards for n in (1, 300))
    assert [replace(a, spans=()) for a in repeated] == [replace(a, spans=()) for a in once]
    assert len(once) == 1 and len(repeated[0].spans) == 300 * len(once[0].spans)


CLAUSES = (
    "Năm 2022, Kho bạc Nhà nước tỉnh Đắk Nông được Bộ Tài chính tặng Cờ thi đua; ngày 15 tháng 12 năm 2022 "
    "Hội nghị đề nghị tặng Bằng khen năm học 2022-2023. Phòng Nội vụ đạt danh hiệu năm 2021"
)


@pytest.mark.parametrize("pos", range(0, len(CLAUSES), 7))
def test_clauses_found_once_are_those_sought_at_each_award(pos: int) -> None:
    """_Clauses answers what the clause's own text says: its start and end, its first year, its verbs."""
    low = CLAUSES.lower()
    clauses = _Clauses(CLAUSES, low)
    start = max(low.rfind(".", 0, pos), low.rfind(";", 0, pos)) + 1
    end = min([i for i in (low.find(".", pos), low.find(";", pos)) if i >= 0] or [len(low)])
    assert (clauses.start(pos), clauses.end(pos)) == (start, end)
    assert clauses.year(start, end) == _year_in(CLAUSES[start:end])
    assert clauses.grants_between(start, pos) == bool(_GRANT_RE.search(low, start, pos))


CIRCULAR = """BỘ XÂY DỰNG
Số: 55/2025/TT-BXD
Hà Nội, ngày 25 tháng 12 năm 2025
THÔNG TƯ
QUY ĐỊNH VỀ CÔNG TÁC THI ĐUA, KHEN THƯỞNG CỦA BỘ XÂY DỰNG
Danh hiệu Cờ thi đua của Bộ Xây dựng để tặng cho tập thể trong các trường hợp sau:
a) Cục Kinh tế - Quản lý đầu tư xây dựng;
b) Trường Cao đẳng Xây dựng số 1.
DANH SÁCH ĐỀ NGHỊ TẶNG BẰNG KHEN CỦA BỘ TRƯỞNG BỘ XÂY DỰNG
STT | Họ và tên | Chức vụ, đơn vị công tác | Hình thức khen thưởng
1 | Ông/Bà ... | ... | Bằng khen
2 | Sở Xây dựng tỉnh ... | ... | Bằng khen
"""
RULES = [
    # (id, text, header): documents that lay down rules grant and propose nothing
    ("circular", CIRCULAR, Header(kind="other", symbol="55/2025/TT-BXD", issuer="Bộ Xây dựng")),
    (
        "circular-read-by-its-heading",
        CIRCULAR.replace("Số: 55/2025/TT-BXD\n", ""),
        Header(kind="other", issuer="Bộ Xây dựng"),
    ),
    (
        "circular-heading-with-its-title",
        CIRCULAR.replace("Số: 55/2025/TT-BXD\n", "").replace("THÔNG TƯ\nQUY ĐỊNH", "**THÔNG TƯ QUY ĐỊNH"),
        Header(kind="other", issuer="Bộ Xây dựng"),
    ),
    (
        "decision-issuing-a-regulation",
        "QUYẾT ĐỊNH\nBan hành Quy chế công tác thi đua, khen thưởng\n" + CIRCULAR.split("\n", 5)[5],
        Header(
            kind="quyet_dinh",
            symbol="254/QĐ-UBND",
            title="Ban hành Quy chế công tác thi đua, khen thưởng",
            issuer="Ủy ban nhân dân tỉnh Quảng Nam",
            province="Quảng Nam",
        ),
    ),
]


@pytest.mark.parametrize("text, header", [c[1:] for c in RULES], ids=[c[0] for c in RULES])
def test_a_document_that_lays_down_rules_grants_nothing(text: str, header: Header) -> None:
    assert _awards(text, header) == []
    assert lays_down_rules(_doc(text), header)


def test_a_decision_that_grants_lays_down_no_rules() -> None:
    assert not lays_down_rules(_doc(DECISION), QUANG_BINH)
    assert _awards(DECISION, QUANG_BINH)


ENCYCLOPEDIA = """Hoàng Thế Thiện

Hoàng Thế Thiện (1922 – 1995) là một danh tướng của Quân đội nhân dân Việt Nam.

Do những công lao đóng góp và thành tích cống hiến cho sự nghiệp cách mạng, ông đã được nhà nước Việt Nam tặng thưởng:
- Danh hiệu Anh hùng Lực lượng vũ trang nhân dân (Chủ tịch nước truy tặng năm 2025).
- 1 Huân chương Hồ Chí Minh (Chủ tịch nước truy tặng năm 2002).

Ngày 23 tháng 11 năm 2021, Đặng Thị Ngọc Thịnh nhận quyết định nghỉ hưu và được tặng thưởng Huân chương Độc lập hạng Nhất.

| STT | Tên đơn vị | Năm phong tặng | Chú thích |
| 01 | Cụm tình báo H63 | 1971 | Đơn vị được 2 lần tuyên dương Anh hùng |
"""


def test_a_page_that_tells_history_grants_nothing() -> None:
    """An encyclopedia's page (no header of an administrative document) tells what was awarded before it."""
    header = Header(title="Hoàng Thế Thiện", kind="other")
    assert tells_history(header)
    assert _awards(ENCYCLOPEDIA, header) == []
    assert not tells_history(Header(title="DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG NĂM 2023", kind="other"))
    assert not tells_history(DAK_NONG)


FORMS = """Sở Nội vụ đề nghị Chủ tịch UBND tỉnh tặng Bằng khen cho 02 tập thể, gồm:
1. Phòng Tổ chức - Biên chế;
2. Văn phòng Sở.

Mẫu số 01
TỜ TRÌNH
(Tên cơ quan) đề nghị Chủ tịch UBND tỉnh tặng Bằng khen cho ... tập thể và ... cá nhân, gồm:
1. Ông/Bà: .....................
2. Phòng ..........................
3. Ông ......, Trưởng phòng ....
4. Phòng
DANH SÁCH ĐỀ NGHỊ TẶNG BẰNG KHEN CỦA CHỦ TỊCH UBND TỈNH
STT | Họ và tên | Chức vụ, đơn vị công tác | Hình thức khen thưởng
1 | Ông/Bà ... | ... | Bằng khen
2 | Sở Nội vụ tỉnh ... | ... | Bằng khen
3 | Ông | | Bằng khen
4 | Báo cáo thành tích đề nghị tặng | Mẫu số 05 | Kỷ niệm chương
"""


def test_the_blanks_of_a_form_are_no_recipients() -> None:
    """A form's blanks ("Ông/Bà: .....", "Phòng ....", "Sở Nội vụ tỉnh ...", "Ông" alone, a document's name)
    receive nothing; the real list before the form does."""
    header = Header(
        kind="cong_van", year=2023, symbol="1520/SNV-TĐKT", issuer="Sở Nội vụ tỉnh Quảng Nam", province="Quảng Nam"
    )
    grantor = "Chủ tịch Ủy ban nhân dân tỉnh Quảng Nam"
    assert _awards(FORMS, header) == [
        ("Bằng khen", "Phòng Tổ chức - Biên chế Sở Nội vụ tỉnh Quảng Nam", grantor, 2023, "proposed", None),
        ("Bằng khen", "Văn phòng Sở Nội vụ tỉnh Quảng Nam", grantor, 2023, "proposed", None),
    ]


RULE_SENTENCES = [
    # (id, text): a sentence about an award that says a rule, a condition or a promise names no event
    (
        "list-of-a-rule",
        "1. Bằng khen của Giám đốc Sở để tặng cho tập thể gồm:\na) Phòng Tổ chức cán bộ;\nb) Văn phòng Sở.",
    ),
    (
        "condition",
        "3. Trường hợp Công an huyện Cư Jút được tặng Cờ thi đua của Bộ Công an thì không xét tặng Cờ thi đua "
        "của UBND tỉnh.",
    ),
    ("when", "Công an huyện Cư Jút được tặng Cờ thi đua khi dẫn đầu Cụm thi đua."),
    ("promise", "Đơn vị dẫn đầu là Công an huyện Cư Jút sẽ được đề nghị Bộ Công an tặng Cờ thi đua."),
]


@pytest.mark.parametrize("text", [t for _, t in RULE_SENTENCES], ids=[i for i, _ in RULE_SENTENCES])
def test_a_rule_about_an_award_is_no_event(text: str) -> None:
    header = Header(kind="huong_dan", year=2024, issuer="Công an tỉnh Đắk Nông", province="Đắk Nông")
    assert _awards(text, header) == []


MINUTES_SCHOOL = Header(kind="bien_ban", year=2024, issuer="Khoa Kinh tế Trường Đại học Mở Hà Nội")
NAMES_AFTER_GOM = [
    # (id, text, the events): in minutes, the names listed inline after "bao gồm:", "gồm các đồng chí:"
    (
        "label-then-bao-gom",
        "Danh hiệu “Lao động tiên tiến”: 15/15 đồng chí, bao gồm: Nguyễn Văn An, Trần Thị Bình, Lê Văn Cường.",
        [
            ("Lao động tiên tiến", n, None, 2024, "proposed", None)
            for n in ("Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường")
        ],
    ),
    (
        "result-then-gom-cac-dong-chi",
        "3. Kết quả bình xét danh hiệu Lao động tiên tiến: 12/12 đồng chí đạt (100%), bao "
        "gồm các đồng chí: Nguyễn Văn An, Trần Thị Bình.",
        [("Lao động tiên tiến", n, None, 2024, "proposed", None) for n in ("Nguyễn Văn An", "Trần Thị Bình")],
    ),
    (
        "a-meeting-that-proposes-is-no-grantor",
        "Hội nghị thống nhất đề nghị công nhận danh hiệu Chiến sĩ thi đua cơ sở "
        "cho 02 đồng chí, gồm các đồng chí: Nguyễn Văn An và Trần Thị Bình.",
        [("Chiến sĩ thi đua cơ sở", n, None, 2024, "proposed", None) for n in ("Nguyễn Văn An", "Trần Thị Bình")],
    ),
    (
        "the-members-of-a-council-receive-nothing",
        "Hội đồng xét tặng danh hiệu Lao động tiên tiến năm học 2023-2024 gồm: Nguyễn Văn An, Trần Thị Bình.",
        [],
    ),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in NAMES_AFTER_GOM], ids=[c[0] for c in NAMES_AFTER_GOM])
def test_names_listed_after_gom_receive_the_award(text: str, expected: list[tuple]) -> None:
    assert _awards(text, MINUTES_SCHOOL) == expected


YEARS = [
    # (id, text, the year of the event): a year no award could be given for is not taken
    ("a-birth-year", "Ông Nguyễn Văn An, sinh năm 1970, được Chủ tịch UBND tỉnh tặng Bằng khen.", 2023),
    ("a-year-after-the-document", "Sở Tư pháp được Chủ tịch UBND tỉnh tặng Bằng khen, phấn đấu đến năm 2030.", 2023),
    (
        "before-the-award-was-instituted",
        "Ông Nguyễn Văn An được Chủ tịch nước phong tặng danh hiệu Nghệ nhân ưu tú năm 2010.",
        2023,
    ),
    ("the-year-of-the-achievement", "Năm 2022, Sở Tư pháp được Chủ tịch UBND tỉnh tặng Bằng khen.", 2022),
]


@pytest.mark.parametrize("text, year", [c[1:] for c in YEARS], ids=[c[0] for c in YEARS])
def test_the_year_of_an_award(text: str, year: int) -> None:
    header = Header(kind="bao_cao", year=2023, issuer="Sở Tư pháp tỉnh Quảng Bình", province="Quảng Bình")
    assert [a[3] for a in _awards(text, header)] == [year]


MARKED_TABLE = """Hội đồng Thi đua - Khen thưởng Khoa thống nhất đề nghị như sau:
STT | Họ và tên | Chức vụ | Lao động tiên tiến | Chiến sĩ thi đua cơ sở | Giấy khen của Hiệu trưởng
1 | Nguyễn Văn An | Trưởng khoa | x | x |
2 | Trần Thị Bình | Giảng viên | x | | x
3 | Lê Văn Cường | Giảng viên | | 0 |
"""


def test_a_table_that_marks_the_awards_of_each_row() -> None:
    """A header naming awards over columns of marks ("x"): each row's marked awards."""
    grantor = "Hiệu trưởng Trường Đại học Mở Hà Nội"
    assert _awards(MARKED_TABLE, MINUTES_SCHOOL) == [
        ("Lao động tiên tiến", "Nguyễn Văn An", None, 2024, "proposed", None),
        ("Chiến sĩ thi đua cơ sở", "Nguyễn Văn An", None, 2024, "proposed", None),
        ("Lao động tiên tiến", "Trần Thị Bình", None, 2024, "proposed", None),
        ("Giấy khen", "Trần Thị Bình", grantor, 2024, "proposed", None),
    ]


def test_an_item_that_says_what_a_body_does_is_no_recipient() -> None:
    """Under a list's introduction, "- Tỉnh đoàn tổ chức họp ..." is a sentence, not a recipient; a grantor
    ends before "gồm"."""
    text = (
        "- Đề nghị tặng Bằng khen của Ban Chấp hành Trung ương Đoàn gồm:\n"
        "- Tỉnh đoàn tổ chức họp Hội đồng thi đua, khen thưởng vào tuần đầu tháng 12/2024.\n"
        "- Huyện đoàn Văn Lâm."
    )
    header = Header(kind="to_trinh", year=2024, issuer="Tỉnh đoàn Hưng Yên", province="Hưng Yên")
    assert _awards(text, header) == [
        ("Bằng khen", "Huyện đoàn Văn Lâm", "Ban Chấp hành Trung ương Đoàn", 2024, "proposed", None),
    ]


def test_a_list_of_documents_or_criteria_names_no_recipients() -> None:
    text = (
        "- Hồ sơ đề nghị Bằng khen của Ban Chấp hành Trung ương Đoàn gồm: tờ trình, biên bản họp xét.\n"
        "- Huyện đoàn Văn Lâm.\n"
        "2. Thủ tục đề nghị tặng Giấy khen:\n"
        "- Huyện đoàn Văn Giang."
    )
    assert _awards(text, Header(kind="to_trinh", year=2024, issuer="Tỉnh đoàn Hưng Yên", province="Hưng Yên")) == []


def test_names_after_the_colon_of_a_sentence_that_proposes() -> None:
    """ "d) Đề nghị ... tặng Bằng khen: cô X (... danh hiệu Y)": the marker's ")" opens nothing, the award in
    parentheses is said of her; a long proposing sentence still gives its award to the names after its colon."""
    header = Header(kind="thong_bao", year=2024, issuer="Trường Trung học phổ thông Hòa An", province="Cao Bằng")
    text = (
        "d) Đề nghị Chủ tịch UBND tỉnh tặng Bằng khen: cô Bế Thị Thu Hằng (đã có 02 năm liên tục đạt danh hiệu "
        '"Chiến sĩ thi đua cơ sở").\n'
        '5. Đề nghị Bộ trưởng Bộ Giáo dục và Đào tạo tặng Kỷ niệm chương "Vì sự nghiệp giáo dục": cô Võ Thị Diệu '
        "Hiền, giáo viên Tổ Sinh học."
    )
    assert _awards(text, header) == [
        ("Bằng khen", "Bế Thị Thu Hằng", "Chủ tịch Ủy ban nhân dân tỉnh Cao Bằng", 2024, "proposed", None),
        ("Kỷ niệm chương", "Võ Thị Diệu Hiền", "Bộ trưởng Bộ Giáo dục và Đào tạo", 2024, "proposed", None),
    ]


def test_a_unit_of_the_armed_forces_is_a_recipient() -> None:
    header = Header(kind="quyet_dinh", year=2019, issuer="Bộ Chỉ huy Quân sự tỉnh Bến Tre", province="Bến Tre")
    text = (
        'Điều 1. Tặng danh hiệu "Đơn vị quyết thắng" năm 2019 cho 02 tập thể:\nc) Tiểu đoàn Bộ binh 516.\nd) Đại đội 1.'
    )
    assert [a[:2] for a in _awards(text, header)] == [
        ("Đơn vị quyết thắng", "Tiểu đoàn Bộ Binh 516"),
        ("Đơn vị quyết thắng", "Đại đội 1"),
    ]


AUTHORITIES = [
    # (id, text): who a decision speaks for, when its text does not say who grants
    (
        "a-heading-in-markdown",
        "**QUYẾT ĐỊNH**\n**GIÁM ĐỐC SỞ NỘI VỤ**\nCăn cứ Luật Thi đua, khen thưởng;\n"
        "Điều 1. Tặng Giấy khen cho Phòng Công chức, viên chức.",
    ),
    (
        "the-office-it-is-signed-for",
        "QUYẾT ĐỊNH\nCăn cứ Luật Thi đua, khen thưởng;\n"
        "Điều 1. Tặng Giấy khen cho Phòng Công chức, viên chức.\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nNguyễn Văn An",
    ),
]


@pytest.mark.parametrize("text", [t for _, t in AUTHORITIES], ids=[i for i, _ in AUTHORITIES])
def test_who_a_decision_speaks_for_grants(text: str) -> None:
    header = Header(kind="quyet_dinh", year=2024, issuer="Sở Nội vụ tỉnh Quảng Nam", province="Quảng Nam")
    assert [a[2] for a in _awards(text, header)] == ["Giám đốc Sở Nội vụ tỉnh Quảng Nam"]


def test_a_blank_form_grants_nothing() -> None:
    """A document whose own number and date are blanks is a form: its example names receive nothing."""
    text = (
        "TÊN CƠ QUAN, ĐƠN VỊ\nSố: .../TTr-...\n..., ngày ... tháng ... năm ...\nTỜ TRÌNH\n"
        "Về việc đề nghị tặng Bằng khen\nĐề nghị Chủ tịch UBND tỉnh tặng Bằng khen cho Sở Tư pháp."
    )
    header = Header(kind="to_trinh", year=2024, province="Quảng Bình")
    assert is_blank_form(_doc(text)) and _awards(text, header) == []
    assert not is_blank_form(_doc(DECISION))


def test_a_list_annexed_after_the_signature_under_a_heading_read_as_cells() -> None:
    """QĐ 2871/QĐ-UBND Quảng Bình as a scan reads: the list "kèm theo" the decision follows its signature under
    a heading the scan gives as cells ("NỊ | DANH SÁCH") and the lines citing the decision (its "(Kèm theo"
    lost); its section "I. Tập thể" lost too, "II. Cá nhân" read "H. Cá nhân". Not the "Nơi nhận" items."""
    text = (
        "Điều 1. Tặng Bằng khen của Chủ tịch UBND tỉnh cho 05 tập thể và 04 cá nhân, đã có thành tích xuất sắc "
        "trong 10 năm triển khai thực hiện Luật Phổ biến, giáo dục pháp luật trên địa bàn tỉnh (có Danh sách "
        "kèm theo).\n"
        "Điều 2. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Nội vụ, Giám đốc Sở Tư pháp và các tập thể, "
        "cá nhân có tên tại Điều 1 căn cứ Quyết định thi hành ./.\n"
        "Nơi nhận:\n- Như Điều 2;\n- Sở Nội vụ;\n- Lưu: VT, NCVX.\nTrần Thắng\n"
        "NỊ | DANH SÁCH\n"
        "sắt địầh 2! số? /QĐ-UBND ngày⁄/tháng 10 năm 2022\n"
        "` | của Chủ tịch UBND tỉnh)\n"
        "1. Phòng Phổ biến, giáo dục pháp luật, Sở Tư pháp;\n"
        "2. Công an tỉnh;\n"
        "H. Cá nhân\n"
        "1. Ông Trương Quang Sáng, Phó Giám đốc Sở Tư pháp;\n"
        "2. Đại tá Lê Văn Tiến, Chính ủy Bộ Chỉ huy Bộ đội Biên phòng tỉnh;"
    )
    header = replace(QUANG_BINH, signer="Trần Thắng")
    grantor = "Chủ tịch Ủy ban nhân dân tỉnh Quảng Bình"
    assert _awards(text, header) == [
        ("Bằng khen", "Phòng Phổ biến, giáo dục pháp luật Sở Tư pháp tỉnh Quảng Bình", grantor, 2022, "granted", None),
        ("Bằng khen", "Công an tỉnh Quảng Bình", grantor, 2022, "granted", None),
        ("Bằng khen", "Trương Quang Sáng", grantor, 2022, "granted", None),
        ("Bằng khen", "Lê Văn Tiến", grantor, 2022, "granted", None),
    ]


def test_items_whose_markers_are_lost() -> None:
    """Biên bản 02/BB-STP Quảng Bình as a scan reads: the list's numbers lost (OCR of a table), so each line
    of names only is an item: a body with a stray word of a cell ("Em"), two bodies or two persons with their
    offices on one line. A sentence ends the list: the secretary who signs under it receives nothing."""
    text = (
        "3. Trên cơ sở xem xét hồ sơ và thành tích của các tập thể và cá nhân, Hội đồng Thi đua - Khen thưởng Sở "
        "Tư pháp thống nhất đề nghị Hội đồng Thi đua - Khen thưởng tỉnh xét, đề nghị tặng Bằng khen Chủ tịch "
        "UBND tỉnh cho 05 tập thể và 04 cá nhân có thành tích trong 10 năm thực hiện Luật Phổ biến giáo dục pháp "
        "luật, cụ thể:\n"
        "Tập thể, cá nhân đề nghị xét khen thưởng\n"
        "Em Phòng Phổ biến, giáo dục pháp luật, Sở Tư pháp tỉnh Quảng Bình\n"
        "UBND huyện Quảng Ninh sa Sở Tài nguyên và Môi trường tỉnh Quảng Bình\n"
        "Kẻ Cá nhân\n"
        "Ông Trương Quang Sáng, Phó Giám đốc Sở Tư pháp tỉnh Quảng Bình lự 3E) Đại tá Lê Văn Tiến - Chính ủy Bộ "
        "đội Biên phòng tỉnh Quảng Bình\n"
        "Ông Nguyễn Văn Tình - Phó Chủ tịch UBND thị xã Ba Đồn\n"
        "Hội đồng Thi đua - Khen thưởng Sở Tư pháp đã thống nhất và biểu quyết 09/09 thành viên có mặt (100%).\n"
        "Nguyễn Văn Nghĩa"
    )
    header = Header(
        kind="bien_ban",
        year=2022,
        issuer="Sở Tư pháp tỉnh Quảng Bình",
        province="Quảng Bình",
        signer="Nguyễn Văn Nghĩa",
    )
    grantor = "Chủ tịch Ủy ban nhân dân tỉnh Quảng Bình"
    assert _awards(text, header) == [
        ("Bằng khen", name, grantor, 2022, "proposed", None)
        for name in (
            "Phòng Phổ biến, giáo dục pháp luật Sở Tư pháp tỉnh Quảng Bình",
            "Ủy ban nhân dân huyện Quảng Ninh",
            "Sở Tài nguyên và Môi trường tỉnh Quảng Bình",
            "Trương Quang Sáng",
            "Lê Văn Tiến",
            "Nguyễn Văn Tình",
        )
    ]


def test_a_sentence_about_a_person_is_no_unmarked_item() -> None:
    """After the items, a line that starts with a person and says what they do is no item."""
    text = (
        "Đề nghị Chủ tịch UBND tỉnh tặng Bằng khen cho các cá nhân sau:\n"
        "Ông Trương Quang Sáng, Phó Giám đốc Sở Tư pháp tỉnh Quảng Bình\n"
        "Đồng chí Trần Chí Tiến, Giám đốc Sở Tư pháp phát biểu kết luận."
    )
    header = Header(kind="bien_ban", year=2022, issuer="Sở Tư pháp tỉnh Quảng Bình", province="Quảng Bình")
    assert [a[1] for a in _awards(text, header)] == ["Trương Quang Sáng"]


HAI_DUONG_OFFICE = """QUYẾT ĐỊNH

Về việc khen thưởng thành tích các tập thể, cá nhân thuộc Văn phòng UBND tỉnh năm 2010

CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HẢI DƯƠNG

Điều 1. Công nhận Tập thể Lao động xuất sắc kèm theo tiền thưởng cho 04 tập thể, đã có thành tích hoàn thành xuất sắc nhiệm vụ năm 2010. Danh sách như sau:

* Tập thể Lao động xuất sắc:

1. Văn phòng Ủy ban nhân dân tỉnh;

2. Phòng Nội chính;

3. Nhà khách Văn phòng..

Điều 2. Mức tiền thưởng cho một Tập thể Lao động xuất sắc: 1.100.000 đồng.
"""


def test_units_completed_with_the_body_their_document_gives() -> None:
    """QĐ 69/QĐ-UBND Hải Dương: its units ("Phòng Nội chính", "Nhà khách Văn phòng") are those of the body its
    title names ("các tập thể, cá nhân thuộc Văn phòng UBND tỉnh"), not of the province; the body itself stays."""
    header = replace(
        HAI_DUONG, title="Về việc khen thưởng thành tích các tập thể, cá nhân thuộc Văn phòng UBND tỉnh năm 2010"
    )
    office = "Văn phòng Ủy ban nhân dân tỉnh Hải Dương"
    assert [a[1] for a in _awards(HAI_DUONG_OFFICE, header)] == [
        office,
        f"Phòng Nội chính {office}",
        f"Nhà khách {office}",
    ]


def test_units_completed_with_the_one_body_the_document_names_them_with() -> None:
    """No title saying whose units: the body the document names one of them with ("Phòng Nội chính Văn phòng Ủy
    ban nhân dân tỉnh") is the parent of the others; without such a body they stay as they were."""
    text = (
        "Điều 1. Tặng Bằng khen cho 02 tập thể đã có thành tích xuất sắc năm 2010, gồm:\n"
        "1. Phòng Nội chính Văn phòng Ủy ban nhân dân tỉnh;\n"
        "2. Phòng Quản trị - Tài vụ."
    )
    office = "Văn phòng Ủy ban nhân dân tỉnh Hải Dương"
    assert [a[1] for a in _awards(text, HAI_DUONG)] == [
        f"Phòng Nội chính {office}",
        f"Phòng Quản trị - Tài vụ {office}",
    ]
    alone = (
        "Điều 1. Tặng Bằng khen cho 01 tập thể đã có thành tích xuất sắc năm 2010, gồm:\n1. Phòng Quản trị - Tài vụ."
    )
    assert [a[1] for a in _awards(alone, HAI_DUONG)] == ["Phòng Quản trị - Tài vụ tỉnh Hải Dương"]


def test_a_list_heading_keeps_the_year_of_the_sentence_that_attaches_it() -> None:
    """A decision of 2024 for the achievements of 2023: its annexed list's heading names the award, not the year."""
    text = (
        "Điều 1. Tặng Bằng khen của Chủ tịch UBND tỉnh cho 01 tập thể và 01 cá nhân đã có thành tích xuất sắc "
        "trong công tác năm 2023 (có danh sách kèm theo).\n"
        "Điều 2. Quyết định này có hiệu lực kể từ ngày ký./.\n"
        "DANH SÁCH TẬP THỂ, CÁ NHÂN ĐƯỢC TẶNG BẰNG KHEN CỦA CHỦ TỊCH UBND TỈNH\n"
        "(Kèm theo Quyết định số 1234/QĐ-UBND ngày 15/01/2024 của Chủ tịch UBND tỉnh)\n"
        "1. Công an huyện Nghi Lộc;\n"
        "2. Ông Trần Văn Hùng, Trưởng phòng Quản lý ngân sách, Sở Tài chính."
    )
    header = Header(kind="quyet_dinh", year=2024, issuer="Ủy ban nhân dân tỉnh Nghệ An", province="Nghệ An")
    grantor = "Chủ tịch Ủy ban nhân dân tỉnh Nghệ An"
    assert _awards(text, header) == [
        ("Bằng khen", "Công an huyện Nghi Lộc", grantor, 2023, "granted", None),
        ("Bằng khen", "Trần Văn Hùng", grantor, 2023, "granted", None),
    ]


def test_names_after_la_when_the_clause_counts_who_receive() -> None:
    """A report: "02 cá nhân được công nhận danh hiệu ... là ông X và bà Y" gives it to both; "là" after an award
    without a count before it names no recipient."""
    header = Header(kind="bao_cao", year=2023, issuer="Sở Tư pháp tỉnh Bình Định", province="Bình Định")
    text = (
        "Năm 2023, 02 cá nhân được công nhận danh hiệu Chiến sĩ thi đua cấp tỉnh là ông Nguyễn Văn Bình và bà "
        "Trần Thị Lan."
    )
    assert [a[:2] for a in _awards(text, header)] == [
        ("Chiến sĩ thi đua cấp bộ, ban, ngành, tỉnh", "Nguyễn Văn Bình"),
        ("Chiến sĩ thi đua cấp bộ, ban, ngành, tỉnh", "Trần Thị Lan"),
    ]
    assert _awards("Cơ quan thường trực xét tặng Bằng khen là Sở Nội vụ.", header) == []
