"""Which body a mention names (organizations.resolve): another state's organs, bodies that name no one
body, a list's place given to an earlier item. Whole results on the public archive's own wording."""

from __future__ import annotations

import pytest

from miner.document import Document, Paragraph
from miner.organizations import find_organizations
from miner.record import Header


def _names(paragraphs: list[str], title: str | None = None) -> list[str]:
    doc = Document("page.md", "md", tuple(Paragraph(i, text) for i, text in enumerate(paragraphs)))
    header = Header(title=title, kind="other", symbol=None, issued_date=None, year=None, issuer=None, signer=None)
    return [org.name for org in find_organizations(doc, header)]


OTHER_STATES = [
    # another state written right after its organ: "Cộng hòa Cuba", "của Đế quốc Việt Nam", its party
    (
        ["[34] - Huân chương Đoàn kết của Hội đồng Nhà nước Cộng hòa Cuba (11/04/2018)."],
        None,
        [],
    ),
    (
        ["Thời gian này, Bộ Tài chính của Đế quốc Việt Nam gom tiền thuế của dân giao cho Nhật."],
        None,
        [],
    ),
    (
        [
            "Ngày 18/1/1974, Chu Ân Lai triệu tập cuộc họp Bộ Chính trị Đảng Cộng sản Trung Quốc để thảo luận"
            " về tình hình Hoàng Sa; Chủ tịch Quốc hội Campuchia Dân chủ gửi điện."
        ],
        None,
        [],
    ),
    (
        ["Năm 1969–1976, Ông là Thứ trưởng Bộ Ngoại giao Chính phủ Cách mạng Lâm thời Cộng hòa miền Nam Việt Nam."],
        None,
        [],
    ),
    # the state after "và nhân dân": "Chính phủ và nhân dân Trung Quốc"
    (
        [
            "Ủy viên Quốc vụ Trung Quốc Dương Khiết Trì khẳng định Đảng Cộng sản Trung Quốc, Chính phủ và nhân"
            " dân Trung Quốc coi trọng phát triển quan hệ hữu nghị với Việt Nam."
        ],
        None,
        [],
    ),
    # a state's name that starts with a type's word after its form: "Vương quốc Liên hiệp Anh"
    (
        [
            "Năm 1979, Vương quốc Liên hiệp Anh và Bắc Ireland đại diện cho vùng đất do mình",
            "- Quan hệ Vương quốc Liên hiệp Anh – Việt Nam",
        ],
        None,
        [],
    ),
    # Việt Nam's own state, written the same way, stays
    (
        ["Ông từng là Chủ tịch Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam, Ủy viên Bộ Chính trị."],
        None,
        ["Quốc hội", "Bộ Chính trị"],
    ),
    # a page about another state: its organs named bare are that state's
    (
        ["Chủ tịch Hội đồng Bộ trưởng", "Năm 1988, Gorbachev cử Vadim Bakatin làm Bộ trưởng Bộ Nội vụ (MVD)."],
        "Liên Xô",
        [],
    ),
    (
        ["- Bộ Tài chính", "- Bộ Chiêu hồi", "- Bộ Công chánh", "Viện Đại học Huế"],
        "Việt Nam Cộng hòa",
        ["Bộ Chiêu hồi", "Bộ Công chánh", "Viện Đại học Huế"],  # named as written, no body of Việt Nam's
    ),
    (
        ["- Somdy Douangdy, Bộ trưởng Bộ Kế hoạch và Đầu tư", "- Bộ trưởng Bộ Năng lượng và khai thác mỏ"],
        "Chính trị Lào",
        ["Bộ Năng lượng và khai thác mỏ"],
    ),
    (
        ["Bộ Nội vụ (1945)", "Chủ tịch Hội đồng Bộ trưởng"],
        "Việt Nam Dân chủ Cộng hòa",
        ["Bộ Nội vụ", "Hội đồng Bộ trưởng"],
    ),
    # another state's minister's post: the ministry reads as Việt Nam's, or is named as written
    (
        [
            "Trần Văn Minh (Tổng trưởng Bộ Quốc phòng), Linh Quang Viên (Tổng trưởng Bộ Tâm lý chiến)"
            " và Nguyễn Cao Kỳ (Tổng trưởng Bộ Thanh niên Thể thao)."
        ],
        None,
        ["Bộ Tâm lý chiến", "Bộ Thanh niên Thể thao"],
    ),
]


@pytest.mark.parametrize(("paragraphs", "title", "expected"), OTHER_STATES)
def test_other_states_organs(paragraphs: list[str], title: str | None, expected: list[str]) -> None:
    assert _names(paragraphs, title) == expected


NATIONAL_ONLY = [
    # a type and "Trung ương" / "Nhà nước" / "Quốc gia" alone: which body, the name does not say
    (
        [
            "Thường trực Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam là cơ quan đại diện của Đoàn Chủ tịch"
            " và Ủy ban Trung ương giữa hai kỳ họp."
        ],
        ["Thường trực Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam"],
    ),
    (
        [
            "(văn bản số 07-CV/BCĐTW ngày 18 tháng 3 năm 2025 của Ban Chỉ đạo Trung ương), Phó Thủ tướng"
            " Chính phủ Mai Văn Chính có ý kiến chỉ đạo như sau:"
        ],
        [],
    ),
    (
        ["- Trong thời gian Quốc hội không họp, cử và bãi miễn các bộ trưởng, các chủ nhiệm Ủy ban Nhà nước."],
        ["Quốc hội"],
    ),
    # a committee named after an event alone: which event's, the name does not say
    (
        ["Sáng nay, theo thông báo của Ban Tổ chức Lễ tang, Lễ viếng được tổ chức tại Nhà Tang lễ Quốc gia."],
        [],
    ),
    (["(theo Thể lệ do Ban Tổ chức Cuộc thi ban hành)."], []),
    # names of that shape that are one body stay
    (
        [
            "Ủy viên Hội đồng nhà nước, Kiểm toán nhà nước và Văn phòng Trung ương và các Ban của Đảng.",
            "Ủy viên Ban Lễ tang Nhà nước, Ban Tổ chức Lễ tang Nhà nước",
        ],
        [
            "Hội đồng Nhà nước",
            "Kiểm toán Nhà nước",
            "Văn phòng Trung ương",
            "Ban Lễ tang Nhà nước",
            "Ban Tổ chức Lễ tang Nhà nước",
        ],
    ),
]


@pytest.mark.parametrize(("paragraphs", "expected"), NATIONAL_ONLY)
def test_national_only_names_no_body(paragraphs: list[str], expected: list[str]) -> None:
    assert _names(paragraphs) == expected


LIST_PLACES = [
    # a list's place is every item's where each is the province's own
    (
        ["Tỉnh ủy, HĐND, UBND tỉnh Điện Biên tổ chức lễ."],
        ["Tỉnh ủy Điện Biên", "Hội đồng nhân dân tỉnh Điện Biên", "Ủy ban nhân dân tỉnh Điện Biên"],
    ),
    # not a region's body's, nor where the place is a national body's branch's
    (
        [
            "Phái đoàn đại diện chính quyền cùng đoàn công tác của Ban chỉ đạo Tây Nam bộ, Thành ủy Cần Thơ"
            " và Tỉnh ủy Hậu Giang đã đến thăm."
        ],
        ["Ban Chỉ đạo Tây Nam bộ", "Thành ủy Cần Thơ", "Tỉnh ủy Hậu Giang"],
    ),
    (
        ["Tham dự có Kho bạc Nhà nước, Cục Thuế, Ngân hàng Nhà nước chi nhánh tỉnh Nghệ An."],
        ["Ngân hàng Nhà nước chi nhánh tỉnh Nghệ An"],
    ),
    # nor from a school named after its city
    (
        [
            "Đỗ Quang Hưng (1946), Chủ tịch Hội đồng khoa học Trung tâm Tôn giáo Đương đại, Trường Đại học"
            " Khoa học xã hội và Nhân văn Hà Nội"
        ],
        ["Hội đồng Khoa học Trung tâm Tôn giáo Đương đại", "Trường Đại học Khoa học xã hội và Nhân văn Hà Nội"],
    ),
]


def test_name_ending_with_its_province_is_not_completed_again() -> None:
    assert _names(["Bệnh viện Nhi Đồng Cần Thơ | 345, đường Nguyễn Văn Cừ nối dài"]) == ["Bệnh viện Nhi Đồng Cần Thơ"]


@pytest.mark.parametrize(("paragraphs", "expected"), LIST_PLACES)
def test_list_place_given_to_earlier_items(paragraphs: list[str], expected: list[str]) -> None:
    assert _names(paragraphs) == expected


STANDING_OFFICES = [
    # "Thường trực" after a post is the post's: the body is what follows
    (["Phó Chánh án Thường trực Tòa án nhân dân tối cao | Nguyễn Trí Tuệ | 21/6/2017"], ["Tòa án nhân dân tối cao"]),
    (["Ông nguyên là Phó Bí thư Thường trực Tỉnh ủy Bạc Liêu."], ["Tỉnh ủy Bạc Liêu"]),
    # the standing member of the Politburo is one person's office
    (
        [
            "26 tháng 12 năm 1997 – 22 tháng 4 năm 2001 | 3 năm, 117 ngày | Thường trực Bộ Chính trị,"
            " tương đương Thường trực Ban Bí thư hiện nay"
        ],
        ["Bộ Chính trị"],
    ),
    # a province's standing committees are bodies
    (
        ["- Thường trực Tỉnh ủy Bạc Liêu;", "- Thường trực HĐND tỉnh Bạc Liêu;"],
        ["Thường trực Tỉnh ủy Bạc Liêu", "Thường trực Hội đồng nhân dân tỉnh Bạc Liêu"],
    ),
]


@pytest.mark.parametrize(("paragraphs", "expected"), STANDING_OFFICES)
def test_standing_office_names_its_body(paragraphs: list[str], expected: list[str]) -> None:
    assert _names(paragraphs) == expected


ABBREVIATED = [
    # abbreviations of the archive's names written out (data/org_abbreviations.tsv)
    (["- Hội KHKT Ăn mòn và Bảo vệ Kim loại Việt Nam"], ["Hội Khoa học Kỹ thuật Ăn mòn và Bảo vệ Kim loại Việt Nam"]),
    (
        ["Ông là Ủy viên Trung ương Đảng, Phó Chủ nhiệm Tổng cục Chính trị QĐND Việt Nam."],
        ["Tổng cục Chính trị Quân đội nhân dân Việt Nam"],
    ),
    (["(Khóa luận tốt nghiệp, Khoa Ngữ văn Trường ĐHSP Hà Nội)"], ["Khoa Ngữ văn Trường Đại học Sư phạm Hà Nội"]),
    (["- Quỹ phát triển ĐHQGHN"], ["Quỹ Phát triển Đại học Quốc gia Hà Nội"]),
]


@pytest.mark.parametrize(("paragraphs", "expected"), ABBREVIATED)
def test_abbreviations_written_out(paragraphs: list[str], expected: list[str]) -> None:
    assert _names(paragraphs) == expected


def test_units_listed_bare_on_their_bodys_page_name_no_body() -> None:
    # the page of a body that is no ministry lists its boards and centres without it
    paragraphs = ["- Ban Đối ngoại và Truyền thông", "- Trung tâm Truyền hình Nhân đạo", "Hội đồng Quốc phòng"]
    assert _names(paragraphs, "Hội Chữ thập đỏ Việt Nam") == ["Hội đồng Quốc phòng"]
    # a ministry's units stand alone (rule R11)
    assert _names(
        ["- Cục Viễn thông", "- Trung tâm Thông tin Công nghiệp và Thương mại"], "Bộ Công Thương (Việt Nam)"
    ) == [
        "Cục Viễn thông",
        "Trung tâm Thông tin Công nghiệp và Thương mại",
    ]


def test_a_central_bodys_boards_listed_bare_name_no_body() -> None:
    # readers (seed 20): a central body's boards listed without it name no body either; only a
    # ministry's units stand alone (rule R11)
    paragraphs = ["- Ban Tổ chức Cán bộ và Hợp tác Quốc tế - Trưởng ban: Nguyễn Vũ Duy", "- Ban Văn hóa - Xã hội"]
    assert _names(paragraphs, "Đài Tiếng nói Việt Nam") == []


def test_units_listed_on_a_page_titled_with_the_body_and_its_parent_name_no_body() -> None:
    # "Trường Đại học Bách khoa, Đại học Quốc gia Thành phố Hồ Chí Minh": its faculties, its station
    paragraphs = ["- Khoa Điện – Điện tử", "- Khoa Kỹ thuật Xây dựng", "- Trạm Y Tế."]
    assert _names(paragraphs, "Trường Đại học Bách khoa, Đại học Quốc gia Thành phố Hồ Chí Minh") == []
    assert _names(["- Trạm Y Tế."], "Trường Đại học Thương mại") == []


def test_a_name_written_bare_after_its_placed_form_is_that_body() -> None:
    paragraph = (
        "Hiệp hội Du lịch TP Cần Thơ đã kết nạp thêm các hội viên mới như Khách sạn Vạn Phát. Hiệp hội Du lịch"
        " đã phối hợp với Sở Văn hóa, Thể thao và Du lịch tổ chức Hội nghị, với Hiệp hội Du lịch tỉnh Thái Nguyên."
    )
    # (the bare "Sở" of a paragraph that names two provinces is neither's)
    assert _names([paragraph]) == ["Hiệp hội Du lịch thành phố Cần Thơ", "Hiệp hội Du lịch tỉnh Thái Nguyên"]
    # two longer forms written before it: which one, the bare name says not
    paragraphs = [
        "tiền thân của Ủy ban Đoàn kết Công giáo Thành phố Hồ Chí Minh, và Ủy ban Đoàn kết Công giáo Việt Nam",
        "Ông ủng hộ việc thành lập Ủy ban Đoàn kết Công giáo.",
    ]
    assert _names(paragraphs) == [
        "Ủy ban Đoàn kết Công giáo thành phố Hồ Chí Minh",
        "Ủy ban Đoàn kết Công giáo Việt Nam",
        "Ủy ban Đoàn kết Công giáo",
    ]


def test_a_festival_or_a_word_hội_is_no_association() -> None:
    paragraphs = [
        "- Hội Xuân núi Bà Đen (mùng 4 tháng Giêng âm lịch đến hết tháng Giêng).",
        "Hội Lồng Tồng của người Tày",
        "bom mìn chưa nổ, chất độc da cam, Hội chứng Việt Nam, chia rẽ tư tưởng",
        "Hội Xuân Bích, Dòng Đa Minh Pháp",  # the Society of Saint-Sulpice stays
        "Mật độ dân số của Tam Kỳ, Hội An và Điện Bàn vượt quá 1.000 người/km².",
        "đã được giới thiệu ở Hội chợ sách TP. Hồ Chí Minh năm 2002.",
        "Năm 1932, khi Hội An Nam Phật học ra đời, mở trường Trung học",  # a body
    ]
    assert _names(paragraphs) == ["Hội Xuân Bích", "Hội An Nam Phật học"]


def test_an_organ_named_again_in_the_sentence_that_gave_its_state() -> None:
    paragraph = (
        "Sau đó Quốc hội Hoa Kỳ đã ra nghị quyết không cho phép đưa lực lượng vũ trang trở lại Đông Dương mà"
        " không được phép của Quốc hội và quy định khuôn khổ viện trợ cho Việt Nam Cộng hòa."
    )
    assert _names([paragraph]) == []
    # not in the next sentence, nor where Việt Nam follows it
    paragraph = (
        "người trực tiếp trợ giúp cho chủ tịch Hồ Chí Minh trong cuộc đàm phán với nhà ngoại giao Jean"
        " Sainteny của Chính phủ Pháp, dẫn đến việc ký Hiệp định sơ bộ ngày 6 tháng 3 năm 1946. Ngoài ra"
        " ông còn giữ nhiều chức vụ quan trọng của Chính phủ và Quốc hội Việt Nam như Bộ trưởng Bộ Ngoại giao,"
    )
    assert _names([paragraph]) == ["Chính phủ", "Quốc hội", "Bộ Ngoại giao"]


def test_a_type_written_by_the_text_and_by_the_brand_is_written_once() -> None:
    assert _names(["Đại tá Tào Đức Thắng làm Chủ tịch kiêm Tổng Giám đốc Tập đoàn Viettel"]) == [
        "Tập đoàn Công nghiệp - Viễn thông Quân đội"
    ]
    assert _names(["- Khoa Khoa học Ứng dụng"]) == ["Khoa Khoa học Ứng dụng"]


def test_a_hospital_named_by_its_field_alone_names_no_one_hospital() -> None:
    # a city's table of hospitals: every province has a "Bệnh viện Tim mạch"
    paragraphs = ["Bệnh viện Tim mạch | 204, đường Trần Hưng Đạo", "Bệnh viện Hữu nghị | (86 tuổi)"]
    assert _names(paragraphs, "Cần Thơ") == ["Bệnh viện Hữu nghị"]


def test_a_foreign_names_syllables_stay_joined_as_written() -> None:
    paragraph = "hai trường đại học đáng chú ý Triều Tiên là Đại học Kim Il-sung và Đại học Khoa học và Công nghệ"
    assert _names([paragraph]) == ["Đại học Kim Il-sung", "Đại học Khoa học và Công nghệ"]
    paragraph = "Từ năm 1962 đến năm 1967 học tập tại Trường Đại học Bách khoa Khác-cốp, Liên Xô (cũ)."
    assert _names([paragraph]) == ["Trường Đại học Bách khoa Khác-cốp"]
    assert _names(['"Không gian Hồ Chí Minh" trong Bảo tàng Lịch sử Mông-tơ-rơi.']) == ["Bảo tàng Lịch sử Mông-tơ-rơi"]
    # a dash between two fields is spaced, as the official names write it
    assert _names(["Sở Văn hóa-Thể thao tỉnh Bắc Ninh"]) == ["Sở Văn hóa - Thể thao tỉnh Bắc Ninh"]


def test_a_types_word_that_ends_a_longer_word_starts_no_body() -> None:
    paragraph = "Giáo hoàng Phanxicô, thông qua Hồng y Quốc Vụ Khanh Pietro Parolin, đã gửi điện thư chia buồn"
    assert _names([paragraph]) == []
    # a post's word before a type is the post's: the body is named
    assert _names(["- Bà Lê Thị Thủy, Phó Tổng Thanh tra Chính phủ", "Chánh Văn phòng Bộ Nội vụ"]) == [
        "Thanh tra Chính phủ",
        "Văn phòng Bộ Nội vụ",
    ]
    # a word of the Church, in a title written in capitals or in title case
    paragraphs = [
        '^"KẾT THÚC SỨ VỤ GIÁM MỤC KHI TRỜI CÒN SÁNG, ĐGM Phaolô Nguyễn Thái Hợp - NGUYÊN GIÁM MỤC GP HÀ TĨNH".',
        '"Thánh Lễ Tạ Ơn và Tiếp Nhận Sứ Vụ Giám Quản Tông Tòa Nha Trang". Giáo phận Nha Trang.',
        '^"THƯ MỤC VỤ GIÁNG SINH 2019". Tổng giáo phận Hà Nội.',
    ]
    assert _names(paragraphs) == []


def test_a_site_named_cơ_sở_is_no_body() -> None:
    # campuses, a book's title, a phrase: no body
    paragraphs = [
        "Cơ sở Hòa Lạc là khu đô thị đại học đầu tiên của miền Bắc thuộc Đại học Quốc gia Hà Nội",
        "232/6 Võ Thị Sáu, P. Võ Thị Sáu | Cơ sở V",
        "2. Cơ sở Đại học Quốc gia Hà Nội tại Cầu Giấy: gồm Trường ĐH Kinh tế",
        "Trần Ngọc Thêm, Cơ sở Văn hóa Việt Nam, Nhà xuất bản GD 1999",
        "Cơ sở hạ tầng quốc gia bị hư hại nghiêm trọng cùng với hơn 70.000 ngôi nhà bị phá hủy.",
    ]
    assert _names(paragraphs) == ["Đại học Quốc gia Hà Nội", "Trường Đại học Kinh tế"]
    # a facility named by its work is one
    paragraphs = [
        "Lịch ghi 1975. Sài Gòn: Cơ sở ấn loát Trung ương, ?.",
        "Tiếp nhận người nghiện vào Cơ sở Cai nghiện ma túy tỉnh Tiền Giang.",
    ]
    assert _names(paragraphs) == ["Cơ sở Ấn loát Trung ương", "Cơ sở Cai nghiện ma túy tỉnh Tiền Giang"]


def test_a_delegation_named_by_its_place_alone_is_no_body() -> None:
    paragraphs = [
        '^"ASIAD 1958: Đoàn Việt Nam có HCV, Bóng đá Nam tiến sâu tại Nhật Bản".',
        "Nếu như tại Đại hội Thể dục Thể thao lần thứ III năm 1995, Đoàn Đà Nẵng xếp ở vị trí 28/52",
        "Ông là Bí thư Đoàn Thanh niên Cộng sản Hồ Chí Minh, Trưởng Đoàn Luật sư tỉnh Bình Thuận.",
    ]
    assert _names(paragraphs) == ["Đoàn Thanh niên Cộng sản Hồ Chí Minh", "Đoàn Luật sư tỉnh Bình Thuận"]


def test_a_ministry_in_a_list_of_ministries_is_no_provinces_body() -> None:
    paragraph = (
        "Ủy ban Quản lý vốn nhà nước tại doanh nghiệp chủ trì, phối hợp với các Bộ: Quốc phòng, Công an,"
        " Ủy ban nhân dân Thành phố Hà Nội và các cơ quan liên quan"
    )
    assert _names([paragraph]) == [
        "Ủy ban Quản lý vốn nhà nước tại doanh nghiệp",
        "Bộ Quốc phòng",
        "Ủy ban nhân dân thành phố Hà Nội",
    ]


def test_a_citations_note_after_a_name_is_not_the_names() -> None:
    paragraphs = [
        "Truy cập ngày 11 tháng 8 năm 2016.^Trường Lasan Mossard Lưu trữ ngày 19 tháng 9 năm 2012 tại Wayback Machine",
        "Niên giám Giáo hội Công giáo Việt Nam 2016(PDF), Nhà xuất bản Tôn giáo, Bản gốc (PDF) lưu trữ ngày"
        " 2 tháng 7 năm 2019",
        "Quyết định của Bộ Giáo dục số 240/QĐ ngày 5 tháng 3 năm 1984 Quy định về chính tả tiếng Việt",
    ]
    assert _names(paragraphs) == ["Trường Lasan Mossard", "Nhà xuất bản Tôn giáo", "Bộ Giáo dục"]
    # a name's own "Lưu trữ" and number stay
    paragraphs = ["Trung tâm Lưu trữ quốc gia I. Trường Cao đẳng Nghề số 3 - Bộ Quốc phòng"]
    assert _names(paragraphs) == ["Trung tâm Lưu trữ quốc gia I", "Trường Cao đẳng Nghề số 3", "Bộ Quốc phòng"]


def test_a_roman_numeral_after_a_centres_name_is_its_names() -> None:
    paragraphs = [
        '"Nghị quyết số 19/NQ về việc điều chỉnh việc hợp nhất một số tỉnh ở miền Nam".Trung tâm Lưu trữ quốc gia'
        " I. ngày 20 tháng 12 năm 1975.",
        "Điển hình là Trung tâm Huấn luyện Thể thao Quốc gia III, Trung tâm Thể thao Quốc phòng III",
    ]
    assert _names(paragraphs) == [
        "Trung tâm Lưu trữ quốc gia I",
        "Trung tâm Huấn luyện Thể thao Quốc gia III",
        "Trung tâm Thể thao Quốc phòng III",
    ]
    # after an elected body's name the numeral is its term
    assert _names(["Hội nghị thường niên của Hội đồng Giám mục Việt Nam XIV tại Hải Phòng."]) == [
        "Hội đồng Giám mục Việt Nam"
    ]


def test_the_partys_southern_bureau_keeps_its_trung_ương() -> None:
    paragraphs = [
        "trở thành một trong những người nắm quyền chỉ huy Trung ương Cục Miền Nam và là Chính ủy",
        "các địa phương trực thuộc Trung ương hoặc phân Trung ương Cục chỉ đạo.",
    ]
    assert _names(paragraphs) == ["Trung ương Cục Miền Nam"]


def test_a_head_named_after_the_body_a_capitalised_post_before_it() -> None:
    paragraph = '"Trưởng Ban Công tác đại biểu Nguyễn Thị Thanh giữ chức Phó Chủ tịch Quốc hội".Báo điện tử'
    assert _names([paragraph]) == ["Ban Công tác đại biểu", "Quốc hội"]


def test_a_delegation_or_a_congress_secretariat_named_by_its_role_alone_is_no_body() -> None:
    paragraphs = [
        "| Ngày đắc cử | Quốc hội khóa | Nơi ứng cử/Đoàn Đại biểu | Đảng phái | Tỉ lệ | Nghề nghiệp, chức vụ |",
        "Đại hội bầu Đoàn Thư ký gồm 5 người.",
        "thuộc Đoàn Đại biểu Thành phố Hồ Chí Minh nhiệm kỳ 1997 – 2002",
    ]
    assert _names(paragraphs) == ["Quốc hội", "Đoàn Đại biểu thành phố Hồ Chí Minh"]


def test_a_term_a_law_defines_in_quotes_is_no_body() -> None:
    paragraphs = [
        "2. “Ban quản lý viện trợ” là tổ chức được thành lập giúp cơ quan chủ quản, chủ khoản viện trợ.",
        "Hồ sơ gửi “Ban quản lý dự án đầu tư xây dựng tỉnh Quảng Ninh” trước ngày 15.",
    ]
    assert _names(paragraphs) == ["Ban Quản lý dự án đầu tư xây dựng tỉnh Quảng Ninh"]


def test_a_party_committees_board_named_bare_takes_the_paragraphs_one_province() -> None:
    paragraphs = [
        "lần lượt giữ các chức vụ: Tỉnh ủy viên Kiên Giang, Phó Ban Tổ chức cán bộ Tỉnh ủy; Ủy viên Thường vụ",
        "Thôi tham gia Ban Chấp hành, Ban Thường vụ Thành uỷ, thôi giữ chức Bí thư Thành uỷ Hà Nội nhiệm kỳ 2015-2020.",
        "Ngày 9 tháng 10 năm 1996, Thường trực Tỉnh ủy đã có cuộc họp với Tỉnh ủy Quảng Nam.",  # an office: none
        "Ông được bầu vào Ban Thường vụ Tỉnh ủy.",  # no province in the paragraph: none
    ]
    assert _names(paragraphs) == [
        "Ban Tổ chức cán bộ Tỉnh ủy Kiên Giang",
        "Ban Thường vụ Thành ủy Hà Nội",
        "Thành ủy Hà Nội",
        "Tỉnh ủy Quảng Nam",
    ]


def test_a_commune_in_a_list_of_communes_is_no_body() -> None:
    paragraphs = [
        "29. Sắp xếp toàn bộ diện tích tự nhiên, quy mô dân số của các xã Tân Mỹ (huyện Lấp Vò), Hội An Đông,"
        " Mỹ An Hưng A và Mỹ An Hưng B thành xã mới có tên gọi là xã Mỹ An Hưng.",
        "Sắp xếp toàn bộ diện tích tự nhiên, quy mô dân số của các xã Tân Lý Đông, Tân Hội Đông và Tân Hương"
        " thành xã mới có tên gọi là xã Tân Hương.",
        "Chủ tịch Ủy ban nhân dân các xã, phường phối hợp với Hội Nông dân tỉnh Đồng Tháp.",
    ]
    assert _names(paragraphs) == ["Hội Nông dân tỉnh Đồng Tháp"]
