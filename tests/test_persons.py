"""Persons: names after titles and offices, on signature lines, in tables' name columns;
not the places and bodies that bear a person's name."""

from __future__ import annotations

import pytest

from miner.document import Document
from miner.persons import _TWO_CAPITALISED_RE, _family_names, find_persons, normalise_name
from miner.record import Header, Span
from miner.segment import split_paragraphs


def _doc(text: str) -> Document:
    return Document(path="snippet.txt", format="txt", paragraphs=tuple(split_paragraphs(text)))


def _names(text: str, header: Header = Header()) -> list[str]:
    return [p.name for p in find_persons(_doc(text), header)]


PERSONS = [
    # (id, snippet, the names found in order)
    (
        "titles-ong-ba",
        "3. Chủ tịch hội: Ông Nguyễn Hữu Thành; Phó Chủ tịch thường trực, chuyên trách: Bà Đặng Thị Lynh "
        "Trang; Phó Chủ tịch: Bà Nguyễn Thị Hồng Loan, ông Trần Văn Bình.",
        ["Nguyễn Hữu Thành", "Đặng Thị Lynh Trang", "Nguyễn Thị Hồng Loan", "Trần Văn Bình"],
    ),
    ("two-syllables-after-ong", "- Phó Chủ tịch: Ông Phạm Anh Lâm, ông Nguyễn An.", ["Phạm Anh Lâm", "Nguyễn An"]),
    ("office-before-name", "- Thứ trưởng Phùng Đức Tiến;", ["Phùng Đức Tiến"]),
    ("office-abbreviation", "- VPCP: BTCN, PCN Trịnh Mạnh Linh; Trợ lý TTgCP, TGĐ Cổng TTĐT CP;", ["Trịnh Mạnh Linh"]),
    ("party-leader", "Tỉnh thực hiện theo chỉ đạo của Tổng Bí thư Tô Lâm tại Thông báo số 75-TB/VPTW", ["Tô Lâm"]),
    ("lawyers-list", "- Luật sư Thái Quang Thượng Nguyên - Phó Chủ nhiệm;", ["Thái Quang Thượng Nguyên"]),
    ("minutes-roles", "Chủ trì: Đinh Tuấn Long", ["Đinh Tuấn Long"]),
    ("signature-line", "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nĐào Mỹ", ["Đào Mỹ"]),
    ("signature-in-capitals", "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nNGUYỄN VĂN HÙNG", ["Nguyễn Văn Hùng"]),
    ("two-signers-one-line", "Nguyễn Thị Ánh Nguyệt TS. Đinh Tuấn Long", ["Nguyễn Thị Ánh Nguyệt", "Đinh Tuấn Long"]),
    (
        "legacy-of-ho-chi-minh",
        "đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
        ["Hồ Chí Minh"],
    ),
    ("city-not-person", "Thành phố Hồ Chí Minh, ngày 25 tháng 11 năm 2025", []),
    (
        "ranks-before-names",
        "3 | Thượng tá Nguyễn Văn Cường, Trưởng phòng | Chỉ huy phá chuyên án\n\n"
        "5 | Đại úy Sùng A Páo, Cán bộ Đồn Công an Bản Vược | Vận động quần chúng",
        ["Nguyễn Văn Cường", "Sùng A Páo"],
    ),
    (
        "two-signers-run-together",
        "Thư ký cuộc họp: Bà Quách Mỹ Huyền - Chuyên viên\n\nTHƯ KÝ CHỦ TỊCH HỘI ĐỒNG\n\nQuách Mỹ Huyền Thạch Sô Phol",
        ["Quách Mỹ Huyền"],
    ),
    (
        "medical-degrees-before-names",
        "6 | BSCKII. Nguyễn Thị Thu Sương, Phó Giám đốc | Chiến sĩ thi đua cấp tỉnh\n\n"
        "7 | ThS.BS. Trần Quốc Bảo, Trưởng khoa | Chiến sĩ thi đua cấp tỉnh",
        ["Nguyễn Thị Thu Sương", "Trần Quốc Bảo"],
    ),
    ("doctor-before-name", "Bác sĩ Lê Minh Tiến, Trưởng khoa Nội, Trung tâm Y tế huyện", ["Lê Minh Tiến"]),
    ("rank-before-a-body", "Đại tá Công an tỉnh dự hội nghị", []),
    ("abbreviated-city-not-person", "TP. Hồ Chí Minh, ngày 18 tháng 11 năm 2025", []),
    (
        "abbreviated-city-in-a-sentence",
        "Hội nghị tổ chức tại TP Hồ Chí Minh, do ông Lê Văn Hòa chủ trì",
        ["Lê Văn Hòa"],
    ),
    ("order-not-person", "“Huân chương Sao vàng”, “Huân chương Hồ Chí Minh”, “Huân chương Độc lập”", []),
    ("academy-not-person", "(vii) Học Viện Chính trị Quốc gia Hồ Chí Minh.", []),
    ("ward-list-not-persons", "(các phường: Sông Trí, Thành Sen, Hà Huy Tập, Bắc Hồng Lĩnh)", []),
    ("street-not-person", "(Đ/c: Tầng 2 và tầng 10, Tòa nhà Cornerstone, 16 Phan Chu Trinh, phường Cửa Nam)", []),
    ("school-not-person", "Trường Tiểu học Nguyễn Trãi và Trường THPT Lê Quý Đôn", []),
    ("university-not-person", "sinh viên Trường Đại học Tôn Đức Thắng và Công ty TNHH Nguyễn Kim", []),
    ("body-word-not-name", "Ban Chủ nhiệm Đoàn Luật sư tỉnh Bình Thuận", []),
    ("title-inside-body-name", "- Liên Đoàn Luật sư Việt Nam;", []),
    ("heading-in-capitals", "ĐỐI TƯỢNG, TIÊU CHUẨN DANH HIỆU THI ĐUA, HÌNH THỨC KHEN THƯỞNG", []),
    ("district-name-after-title", "- Thứ trưởng Vũ Quang; ông Lâm Hà", ["Vũ Quang", "Lâm Hà"]),
    ("district-not-person", "các xã của Hoàng Su Phì và Đàm Hà", []),
    ("newspaper-not-person", "đăng trên Hà Nội Mới và Thái Bình Dương", []),
    ("province-not-person", "- Tỉnh ủy, HĐND, UBND tỉnh Điện Biên; Đoàn đại biểu Quốc hội tỉnh Hà Tĩnh", []),
    ("office-then-person-after-province", "- PCT UBND tỉnh Phùng Thành Vinh;", ["Phùng Thành Vinh"]),
    ("single-name-not-person", "- Phó CT UBND tỉnh (Đ/c Hải);\n- Lưu: VT, NCKS.Châu", []),
    ("title-in-capitals", "ĐỒNG CHÍ Lò Văn Pua, Phó Trưởng ban", ["Lò Văn Pua"]),
    ("title-with-kelvin-sign", "\u212aS. Y Bih Niê, Trưởng phòng", ["Y Bih Niê"]),  # "K" as a Unicode sign
    ("title-inside-a-word", "không Bình Thuận", []),
    (
        "teachers-forms-of-address-before-a-rare-family-name",
        "- Thầy Ma Văn Tuấn, giáo viên Vật lý; cô Bế Thị Thu Hằng (đã có 02 năm).",
        ["Ma Văn Tuấn", "Bế Thị Thu Hằng"],
    ),
    (
        "thay-thuoc-and-co-to-are-no-forms-of-address",
        'danh hiệu "Thầy thuốc Nhân dân", "Thầy thuốc Ưu tú"; huyện Cô Tô. Khối thi đua',
        [],
    ),
    # Public texts: a currency, countries and a language after a family name's look-alike; "Tịnh" is a name.
    (
        "currency-countries-language-are-no-persons",
        "tiền lương được tính bằng Đồng Việt Nam; bao gồm Úc, Ấn Độ, Nhật Bản, Hàn Quốc; "
        "Sở Văn hóa, Thể thao và Du lịch tỉnh Bắc Ninh Tiếng Anh; Hợp nhất | TP Cần Thơ Tỉnh Hậu Giang Tỉnh "
        "Sóc Trăng; ông Lê Bảo Tịnh",
        ["Lê Bảo Tịnh"],
    ),
    # public-web 3eb6b0065020aac4: a name cut where its line broke, written whole further down.
    (
        "name-cut-by-a-line-break",
        "Kính gửi: Ông Thái Mạnh\n\nCường\n\nCục Thuế nhận được đơn của ông Thái Mạnh Cường về chính sách thuế.",
        ["Thái Mạnh Cường"],
    ),
]


@pytest.mark.parametrize("text, expected", [(t, e) for _, t, e in PERSONS], ids=[i for i, _, _ in PERSONS])
def test_find_persons(text: str, expected: list[str]) -> None:
    assert _names(text) == expected


def test_table_name_column_fixes_case_and_keeps_spans() -> None:
    text = (
        "STT | Họ và tên | Danh hiệu | Số Phiếu đạt | Tỷ lệ\n"
        "1 | Đinh Tuấn long | Lao động TT | Hoàn thành xuất sắc nhiệm vụ | 19/19 | 100%\n"
        "2 | Lê Hữu Dũng | Lao động TT | Hoàn thành tốt nhiệm vụ | 19/19 | 100%"
    )
    persons = find_persons(_doc(text), Header())
    assert [(p.name, p.spans) for p in persons] == [
        ("Đinh Tuấn Long", (Span(1, 4, 18, "Đinh Tuấn long"),)),
        ("Lê Hữu Dũng", (Span(2, 4, 15, "Lê Hữu Dũng"),)),
    ]


def test_one_person_many_mentions() -> None:
    text = "Chủ trì: Đinh Tuấn Long\n\nThư ký: Nguyễn Thị Ánh Nguyệt\n\nNguyễn Thị Ánh Nguyệt TS. Đinh Tuấn Long"
    persons = find_persons(_doc(text), Header())
    assert [(p.name, [s.paragraph for s in p.spans]) for p in persons] == [
        ("Đinh Tuấn Long", [0, 2]),
        ("Nguyễn Thị Ánh Nguyệt", [1, 2]),
    ]


def test_role_is_kept_apart_from_the_name() -> None:
    persons = find_persons(_doc("Phó Thủ tướng Chính phủ Trần Hồng Hà trực tiếp chỉ đạo"), Header())
    assert [(p.name, p.role) for p in persons] == [("Trần Hồng Hà", "Phó Thủ tướng Chính phủ")]


def test_signer_from_the_header_is_a_person() -> None:
    persons = find_persons(_doc("Nơi nhận:\n- Như trên;\n\nGIÁM ĐỐC"), Header(signer="Đỗ Văn Chung"))
    assert [(p.name, p.role, p.spans) for p in persons] == [("Đỗ Văn Chung", "signer", ())]


def test_spans_are_the_text_as_written() -> None:
    doc = _doc("3. Chủ tịch hội: Ông Nguyễn Hữu Thành; Trưởng ban kiểm tra: Ông Trương Bình Định.")
    for person in find_persons(doc, Header()):
        for span in person.spans:
            assert doc.paragraphs[span.paragraph].text[span.start : span.end] == span.text


@pytest.mark.parametrize(
    "written, expected",
    [
        ("Đinh Tuấn long", "Đinh Tuấn Long"),
        ("NGUYỄN  VĂN HÙNG", "Nguyễn Văn Hùng"),
        ("lê thị thu hiền", "Lê Thị Thu Hiền"),
    ],
    ids=["last-syllable", "capitals", "lower-case"],
)
def test_normalise_name(written: str, expected: str) -> None:
    assert normalise_name(written) == expected


# ---------------------------------------------------------------- the word list (underthesea's public API)


def test_common_words_are_the_lower_case_phrases_of_underthesea_word_list() -> None:
    from underthesea.corpus import viet_dict_74K

    from miner.persons import common_words

    expected = {w for w in viet_dict_74K.words if " " in w and w.islower()}
    assert common_words() == expected
    assert {"luật sư", "tiêu chuẩn"} <= common_words()
    assert not {w for w in common_words() if w != w.lower() or " " not in w}


def test_common_words_without_underthesea_name_the_package(monkeypatch) -> None:
    import sys

    from miner.errors import MissingTool
    from miner.persons import common_words

    monkeypatch.setitem(sys.modules, "underthesea.corpus", None)  # what an uninstalled package looks like
    common_words.cache_clear()
    try:
        with pytest.raises(MissingTool) as caught:
            common_words()
    finally:
        common_words.cache_clear()
    assert "underthesea.corpus.viet_dict_74K" in caught.value.one_line()
    assert "pip install 'underthesea==9.5.*'" in caught.value.one_line()


def test_every_family_name_is_a_capitalised_word_for_the_cheap_test() -> None:
    """_names_written() skips a paragraph without two capitalised words in a row: a family name then
    a capitalised syllable must be such a pair, in title case and in capitals."""
    for family in _family_names():
        for written in (f"{family} Văn", f"{family.upper()} VĂN"):
            assert _TWO_CAPITALISED_RE.search(written), written
