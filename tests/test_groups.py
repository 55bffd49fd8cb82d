"""Emulation groups: numbered Khối, described Cụm, and the generic uses that name none."""

from __future__ import annotations

import re

import pytest

from miner import data
from miner.document import Document
from miner.groups import find_emulation_groups
from miner.normalize import fold
from miner.record import EmulationGroup, Span
from miner.segment import split_paragraphs


def _doc(text: str) -> Document:
    return Document(path="snippet.txt", format="txt", paragraphs=tuple(split_paragraphs(text)))


GROUPS = [
    # (id, snippet, the groups found in order)
    (
        "number-repeated",
        "Cụm thi đua số 1, số 2 và số 3 tổ chức ký kết giao ước thi đua năm 2024.",
        ["Cụm thi đua số 1", "Cụm thi đua số 2", "Cụm thi đua số 3"],
    ),
    ("roman-number", "Đơn vị dẫn đầu Cụm thi đua số III của tỉnh.", ["Cụm thi đua số III"]),
    ("not-a-roman-number", "Khối thi đua số vị trí dẫn đầu", []),
    (
        "ends-before-a-verb",
        "Cụm thi đua các tỉnh Tây Nguyên họp tổng kết năm 2023.",
        ["Cụm thi đua các tỉnh Tây Nguyên"],
    ),
    (
        "number-then-province",
        "Tổng kết công tác thi đua, khen thưởng năm 2022 Khối thi đua số 5 tỉnh Đắk Nông",
        ["Khối thi đua số 5"],
    ),
    (
        "number-mid-sentence",
        "công tác thi đua, khen thưởng năm 2022 của Khối thi đua số 5 đạt được những kết quả",
        ["Khối thi đua số 5"],
    ),
    (
        "several-numbers",
        "Khối thi đua số 1, 2 và 3 tổ chức hội nghị ký kết giao ước thi đua",
        ["Khối thi đua số 1", "Khối thi đua số 2", "Khối thi đua số 3"],
    ),
    (
        "descriptor-to-colon",
        "+ Cụm thi đua các trường THPT hạng II, III trực thuộc Sở: 01 Cụm;",
        ["Cụm thi đua các trường THPT hạng II, III trực thuộc Sở"],
    ),
    (
        "descriptor-to-bracket",
        "- Cụm thi đua các đơn vị sự nghiệp thực hiện chức năng giáo dục Tiểu học (gồm cả Trường PHCN - Dạy nghề)",
        ["Cụm thi đua các đơn vị sự nghiệp thực hiện chức năng giáo dục Tiểu học"],
    ),
    (
        "descriptor-to-verb",
        "Riêng Khối thi đua doanh nghiệp được đề nghị 08 Cờ và 05 Bằng khen (Cụm thi đua các doanh nghiệp có "
        "vốn Nhà nước: 02 và 01 Bằng khen)",
        ["Khối thi đua doanh nghiệp", "Cụm thi đua các doanh nghiệp có vốn Nhà nước"],
    ),
    (
        "descriptor-to-year",
        "Cụm thi đua các trường Đại học, Cao đẳng trực thuộc tỉnh năm 2023 gồm 5 trường",
        ["Cụm thi đua các trường Đại học, Cao đẳng trực thuộc tỉnh"],
    ),
    (
        "descriptor-without-province",
        "Khối thi đua Văn hóa - Xã hội tỉnh Đắk Nông tổ chức hội nghị",
        ["Khối thi đua Văn hóa - Xã hội"],
    ),
    (
        "two-groups-joined-by-va",
        "Khối thi đua các cơ quan Văn hóa - Xã hội và Khối thi đua các Doanh nghiệp, số lượng Cờ thi đua thực hiện "
        "theo quy định",
        ["Khối thi đua các cơ quan Văn hóa - Xã hội", "Khối thi đua các Doanh nghiệp"],
    ),
    (
        "described-groups-in-a-list",
        "Cụm thi đua các cơ quan Đảng, đoàn thể huyện và Cụm thi đua các phòng, ban, đơn vị sự nghiệp thuộc UBND huyện",
        [
            "Cụm thi đua các cơ quan Đảng, đoàn thể huyện",
            "Cụm thi đua các phòng, ban, đơn vị sự nghiệp thuộc UBND huyện",
        ],
    ),
    ("generic-plural", "- Các Cụm, Khối thi đua trên địa bàn tỉnh;", []),
    ("generic-by-whom", "Đối tượng: Đơn vị thành viên thuộc các Cụm, Khối thi đua do tỉnh tổ chức.", []),
    ("generic-lower-case", "Mỗi một khối thi đua đề nghị xét tặng: 02 Cờ và 01 Bằng khen.", []),
    ("heading-in-capitals", "A. KHỐI THI ĐUA DO UBND TỈNH QUYẾT ĐỊNH THÀNH LẬP", []),
    (
        "coordinated-numbered-groups",
        "Khối thi đua các Doanh nghiệp I, Doanh nghiệp II tổ chức hội nghị",
        ["Khối thi đua các Doanh nghiệp I", "Khối thi đua các Doanh nghiệp II"],
    ),
    (
        "a-noun-after-cac",
        "kết quả chấm điểm của Khối thi đua các tổ chức tín dụng trên địa bàn tỉnh Sóc Trăng,",
        ["Khối thi đua các tổ chức tín dụng"],
    ),
    (
        "a-group-after-a-group",
        "Khối thi đua các doanh nghiệp Khối thi đua số 5 tỉnh Đắk Nông",
        ["Khối thi đua các doanh nghiệp", "Khối thi đua số 5"],
    ),
    ("no-name-but-a-verb", "Khối thi đua lập hồ sơ đề nghị tặng Cờ thi đua gửi về Sở Nội vụ", []),
    ("no-name-but-an-adjective", "các Cụm thi đua tương ứng; Khối thi đua trực thuộc tổ chức bình xét", []),
    ("number-in-lower-case", "Trưởng cụm thi đua số 3 chủ trì hội nghị sơ kết.", ["Cụm thi đua số 3"]),
    (
        "numbers-in-lower-case",
        "các đơn vị trong khối thi đua số 5, số 6 và số 7",
        ["Khối thi đua số 5", "Khối thi đua số 6", "Khối thi đua số 7"],
    ),
    ("no-number-in-lower-case", "mỗi cụm thi đua số lượng thành viên không quá 15", []),
    ("described-in-lower-case", "thành lập 01 cụm thi đua các phòng, ban, đơn vị thuộc thẩm quyền quản lý", []),
    (
        "a-name-that-folds-to-a-stop-word",
        "Khối thi đua Cơ quan Dân chính Đảng và Cụm thi đua Nam Trung Bộ",
        ["Khối thi đua Cơ quan Dân chính Đảng", "Cụm thi đua Nam Trung Bộ"],
    ),
    ("a-stop-word-without-marks", "Khoi thi dua do tinh to chuc", []),
    (
        "a-province-named-without-its-level",
        "Cụm thi đua các tỉnh Đồng bằng sông Cửu Long và Cần Thơ họp tổng kết",
        ["Cụm thi đua các tỉnh Đồng bằng sông Cửu Long và Cần Thơ"],
    ),
    (
        "a-verb-after-a-proper-name",
        "Khối thi đua Kinh tế - Tổng hợp thực hiện chấm điểm chéo giữa các đơn vị",
        ["Khối thi đua Kinh tế - Tổng hợp"],
    ),
    (
        "verbs-glued-to-names",
        "Khối thi đua các cơ quan Tổng hợp tiến hành bình xét; Khối thi đua các Sở, ban, ngành suy tôn Sở Tư pháp",
        ["Khối thi đua các cơ quan Tổng hợp", "Khối thi đua các Sở, ban, ngành"],
    ),
    (
        "numerals-without-so",
        "Cụm thi đua I, II và III tổ chức ký kết giao ước",
        ["Cụm thi đua I", "Cụm thi đua II", "Cụm thi đua III"],
    ),
    (
        "a-rank-is-no-list",
        "+ Cụm thi đua các trường THPT hạng II, III: 01 Cụm;",
        ["Cụm thi đua các trường THPT hạng II, III"],
    ),
    (
        "number-in-a-heading-in-capitals",
        "BÁO CÁO TỔNG KẾT CÔNG TÁC THI ĐUA, KHEN THƯỞNG NĂM 2022 CỦA KHỐI THI ĐUA SỐ 5 TỈNH ĐẮK NÔNG",
        ["Khối thi đua số 5"],
    ),
    (
        "name-in-quotes",
        'Khối thi đua “Văn hóa - Xã hội” tổ chức hội nghị; Khối thi đua "Kinh tế - Tổng hợp" và '
        "“Khối thi đua” được hiểu là",
        ["Khối thi đua Văn hóa - Xã hội", "Khối thi đua Kinh tế - Tổng hợp"],
    ),
    ("a-quoted-phrase-is-no-name", "Khối thi đua “phải đảm bảo đủ điều kiện”", []),
    (
        "a-kind-of-group-after-cac",
        "Ban Thi đua - Khen thưởng Trung ương hướng dẫn các Khối thi đua Trung ương "
        "tổ chức tổng kết; Mỗi Cụm thi đua Trung ương bình xét 02 đơn vị",
        [],
    ),
    ("two-heads-name-a-kind", "Trưởng các Cụm, Khối thi đua Bộ Nội vụ; Khối và Cụm thi đua Bộ Xây dựng", []),
    (
        "a-number-after-cac",
        "các cụm thi đua số 1, 2 và Khối thi đua các doanh nghiệp",
        ["Cụm thi đua số 1", "Cụm thi đua số 2", "Khối thi đua các doanh nghiệp"],
    ),
    ("a-ministry-is-no-name", "đơn vị thuộc Cụm thi đua Bộ Công Thương", []),
    (
        "a-table-cell",
        "1 | Cụm thi đua các huyện miền núi | 5 đơn vị | Khối thi đua số 5",
        ["Cụm thi đua các huyện miền núi", "Khối thi đua số 5"],
    ),
    ("a-footnote-mark", "Khối thi đua các doanh nghiệp[1] tổ chức hội nghị", ["Khối thi đua các doanh nghiệp"]),
    (
        "thi-dua-abbreviated",
        "Cụm TĐ số 3 và Khối TĐ các doanh nghiệp; khối td",
        ["Cụm thi đua số 3", "Khối thi đua các doanh nghiệp"],
    ),
    ("industrial-cluster", "các khu chế xuất, khu, cụm công nghiệp đã được cung cấp nước", []),
]


@pytest.mark.parametrize("text, expected", [(t, e) for _, t, e in GROUPS], ids=[i for i, _, _ in GROUPS])
def test_find_emulation_groups(text: str, expected: list[str]) -> None:
    assert [g.name for g in find_emulation_groups(_doc(text))] == expected


def test_one_group_many_spans() -> None:
    text = "Khối thi đua số 5 tỉnh Đắk Nông\n\nkết quả của Khối thi đua số 5."
    assert find_emulation_groups(_doc(text)) == (
        EmulationGroup(
            "Khối thi đua số 5", (Span(0, 0, 17, "Khối thi đua số 5"), Span(1, 12, 29, "Khối thi đua số 5"))
        ),
    )


@pytest.mark.parametrize("row", list(data.rows("group_words.tsv")), ids=lambda r: f"{r['list']}:{r['entry']}")
def test_each_group_word_is_in_its_example(row: dict[str, str]) -> None:
    """Every word of data/group_words.tsv is written, as a word, in its example."""
    example = fold(row["example"].removeprefix("shape: "))
    assert re.search(rf"(?<!\w){re.escape(fold(row['entry']))}(?!\w)", example), row


@pytest.mark.parametrize(
    "row",
    [r for r in data.rows("group_words.tsv") if r["list"] in ("ends_name", "ends_at_comma")],
    ids=lambda r: r["entry"],
)
def test_each_word_that_ends_a_name_ends_it_in_its_example(row: dict[str, str]) -> None:
    """The group named in the example stops before the word."""
    example = row["example"].removeprefix("shape: ")
    names = [g.name for g in find_emulation_groups(_doc(example))]
    word = re.compile(rf"(?<!\w){re.escape(fold(row['entry']))}(?!\w)")
    assert names and not any(word.search(fold(name)) for name in names), names


def test_groups_of_a_long_paragraph_are_those_of_its_parts() -> None:
    """A paragraph without "." or ";" that names groups again and again names the same groups: a
    descriptor is sought near its group, and one longer than a name is none."""
    part = "Khối thi đua các doanh nghiệp, Khối thi đua số 5 và Cụm thi đua các trường học, "
    names = ["Khối thi đua các doanh nghiệp", "Khối thi đua số 5", "Cụm thi đua các trường học"]
    assert [g.name for g in find_emulation_groups(_doc(part))] == names
    assert [g.name for g in find_emulation_groups(_doc(part * 300))] == names
    assert find_emulation_groups(_doc("Khối thi đua " + "các doanh nghiệp nhà nước " * 300)) == ()


@pytest.mark.parametrize(
    "row", [r for r in data.rows("group_words.tsv") if r["list"] == "ends_after_name"], ids=lambda r: r["entry"]
)
def test_each_word_that_ends_a_name_after_a_capital_keeps_it_after_a_noun(row: dict[str, str]) -> None:
    """The group named in the example stops before the word after a capitalised word; in the
    example's "but" case, after a common noun, the word is part of the name."""
    example, but = row["example"].removeprefix("shape: ").split(' (but "')
    word = re.compile(rf"(?<!\w){re.escape(fold(row['entry']))}(?!\w)")
    names = [g.name for g in find_emulation_groups(_doc(example))]
    assert names and not any(word.search(fold(name)) for name in names), names
    names = [g.name for g in find_emulation_groups(_doc(but.removesuffix('")')))]
    assert names and all(word.search(fold(name)) for name in names), names


@pytest.mark.parametrize(
    "row",
    [r for r in data.rows("group_words.tsv") if r["list"] in ("generic_before", "not_first")],
    ids=lambda r: f"{r['list']}:{r['entry']}",
)
def test_each_word_that_makes_a_kind_of_group_names_none_in_its_example(row: dict[str, str]) -> None:
    """The group head in the example, after or before the word, names no group."""
    assert find_emulation_groups(_doc(row["example"].removeprefix("shape: "))) == ()


@pytest.mark.parametrize(
    "row", [r for r in data.rows("group_words.tsv") if r["list"] == "own_line"], ids=lambda r: r["entry"]
)
def test_a_line_of_its_own_does_not_go_on_a_name_in_capitals(row: dict[str, str]) -> None:
    line, below = row["example"].removeprefix("shape: ").split(" / ")
    assert [g.name for g in find_emulation_groups(_doc(f"{line}\n{below}"))] == [
        line[:1] + line[1:12].lower() + line[12:]
    ]


def test_a_name_in_capitals_over_two_header_lines() -> None:
    text = "UBND TỈNH ĐẮK NÔNG\nKHỐI THI ĐUA CÁC CƠ QUAN\nĐẢNG, ĐOÀN THỂ\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert find_emulation_groups(_doc(text)) == (
        EmulationGroup("Khối thi đua CÁC CƠ QUAN ĐẢNG, ĐOÀN THỂ", (Span(1, 0, 24, "KHỐI THI ĐUA CÁC CƠ QUAN"),)),
    )
    body = "\n".join(["Nội dung"] * 12) + "\nKHỐI THI ĐUA CÁC CƠ QUAN\nNHIỆM VỤ CHUNG"
    assert [g.name for g in find_emulation_groups(_doc(body))] == ["Khối thi đua CÁC CƠ QUAN"]


@pytest.mark.parametrize(
    "row", [r for r in data.rows("group_words.tsv") if r["list"] == "named_first"], ids=lambda r: r["entry"]
)
def test_a_description_in_lower_case_that_starts_with_a_member_word_names_a_group(row: dict[str, str]) -> None:
    example = row["example"].removeprefix("shape: ")
    head = re.search(r"(?:Khối|Cụm) thi đua ", example)
    names = [g.name for g in find_emulation_groups(_doc(example[head.start() :]))]
    assert names and names[0].startswith(head.group() + row["entry"]), names
