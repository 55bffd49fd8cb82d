"""Markdown (.md) input: markup never reaches a paragraph's text; tables become table rows as a
.docx table's rows do. The snippets are cut from the real texts of
../shared/corpus/public/public-web.tar.xz (file names in the ids)."""

from __future__ import annotations

import re

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from miner.readers import read_document
from miner.readers.markdown import _INLINE_MARKUP_RE, _parsed_text, inline_text


def paragraphs(text: str) -> list[tuple[str, str]]:
    doc = read_document("van-ban.md", data=text.encode("utf-8"))
    assert doc.format == "md"
    assert [p.seq for p in doc.paragraphs] == list(range(len(doc.paragraphs)))
    return [(p.kind, p.text) for p in doc.paragraphs]


# 1e6fb98e16a75e3d.md / c6718d0835ffaaad.md (Thông tư 54/2025/TT-BCT): a letterhead table
# converted to lines between lone pipes, bold runs split inside a word, an underlined motto
# (a setext heading), italics that open or close beside a space.
THONG_TU = """|
**BỘ C****ÔNG THƯƠNG**
**-------**
|
**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**
Độc lập - Tự do - Hạnh phúc
---------------
|
|
Số: 54/2025/TT-BCT
|


**THÔNG TƯ**** **

*Căn cứ Luật Điện lực
số 61/2024/QH15; *

*Theo đề nghị của Cục trưởng Cục Điện lực; *

3. Sửa đổi khoản 3 Điều 2 như sau:

“3. *Nhà máy th**ủy điện t**ích năng* là nhà máy thủy
điện sử dụng hệ thống chứa nước.
"""

# 012b8a728c178e7a.md (Luật Dữ liệu 60/2024/QH15): a layout table without a delimiter row.
LUAT = """QUỐC HỘI | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAMĐộc lập - Tự do - Hạnh phúc |
Luật số: 60/2024/QH15 |
|

**LUẬT**

**DỮ LIỆU**
"""

# 00ba3098a4a4b461.md: a GFM table whose rows have fewer or more cells than its header, a link.
INFOBOX = """# Nguyễn Hữu Thọ

Nguyễn Hữu Thọ | |
|---|---|
Chức vụ | |
| Tiền nhiệm | Trường Chinh |
| Sinh | Chợ Lớn, Nam Kỳ, Liên bang Đông Dương | 10 tháng 7, 1910
| Vợ | Dương Thị Chung |

**Nguyễn Hữu Thọ** (10 tháng 7 năm 1910 – 24 tháng 12 năm 1996) là một [luật sư](https://vi.wikipedia.org/wiki/Lu%E1%BA%ADt_s%C6%B0), nhà cách mạng.

## Tiểu sử
"""

# 0670261e73fa62a5.md, 65fe198460ffa9d9.md: list items and the signature block of a decision.
LISTS = """* **Lễ viếng ở nước ngoài:**

Nơi nhận:
- Như Điều 4;
- TT Tỉnh ủy, TT HĐND tỉnh;
+ Lưu: VT, KSTT (N).

1. Bổ sung điểm c sau điểm b khoản 1 Điều 1 như sau:
2. Sửa đổi, bổ sung điểm a khoản 2 Điều 1 như sau:

|
**KT. CHỦ TỊCH**
**PHÓ CHỦ TỊCH**
**Phùng Thành Vinh**
|

* *
"""


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            THONG_TU,
            [
                ("heading", "BỘ CÔNG THƯƠNG"),
                ("body", "-------"),
                ("heading", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
                ("body", "Độc lập - Tự do - Hạnh phúc"),
                ("heading", "Số: 54/2025/TT-BCT"),
                ("heading", "THÔNG TƯ"),
                ("body", "Căn cứ Luật Điện lực số 61/2024/QH15;"),
                ("body", "Theo đề nghị của Cục trưởng Cục Điện lực;"),
                ("body", "3. Sửa đổi khoản 3 Điều 2 như sau:"),
                ("body", "“3. Nhà máy thủy điện tích năng là nhà máy thủy điện sử dụng hệ thống chứa nước."),
            ],
        ),
        (
            LUAT,
            [
                ("table_row", "QUỐC HỘI | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAMĐộc lập - Tự do - Hạnh phúc"),
                ("body", "Luật số: 60/2024/QH15"),
                ("heading", "LUẬT"),
                ("heading", "DỮ LIỆU"),
            ],
        ),
        (
            INFOBOX,
            [
                ("heading", "Nguyễn Hữu Thọ"),
                ("body", "Nguyễn Hữu Thọ"),  # a row of one filled cell is that cell's text
                ("body", "Chức vụ"),
                ("table_row", "Tiền nhiệm | Trường Chinh"),
                ("table_row", "Sinh | Chợ Lớn, Nam Kỳ, Liên bang Đông Dương | 10 tháng 7, 1910"),  # no cell lost
                ("table_row", "Vợ | Dương Thị Chung"),
                ("body", "Nguyễn Hữu Thọ (10 tháng 7 năm 1910 – 24 tháng 12 năm 1996) là một luật sư, nhà cách mạng."),
                ("heading", "Tiểu sử"),
            ],
        ),
        (
            LISTS,
            [
                ("body", "• Lễ viếng ở nước ngoài:"),
                ("body", "Nơi nhận:"),
                ("body", "- Như Điều 4;"),
                ("body", "- TT Tỉnh ủy, TT HĐND tỉnh;"),
                ("heading", "+ Lưu: VT, KSTT (N)."),  # the kind is the text's, as in a .txt file
                ("body", "1. Bổ sung điểm c sau điểm b khoản 1 Điều 1 như sau:"),
                ("body", "2. Sửa đổi, bổ sung điểm a khoản 2 Điều 1 như sau:"),
                ("heading", "KT. CHỦ TỊCH"),
                ("heading", "PHÓ CHỦ TỊCH"),
                ("body", "Phùng Thành Vinh"),
            ],
        ),
        (
            "# Kết quả\n\n| STT | Đơn vị |\n|---|---|\n| 1 | Cục Thuế tỉnh Đắk Nông |\n",
            [("heading", "Kết quả"), ("table_row", "STT | Đơn vị"), ("table_row", "1 | Cục Thuế tỉnh Đắk Nông")],
        ),
    ],
    ids=["thong-tu-letterhead", "luat-layout-table", "infobox-table", "lists-and-signature", "heading-and-table"],
)
def test_markdown_reads_to_paragraphs_without_markup(text, expected):
    assert paragraphs(text) == expected


@pytest.mark.parametrize(
    "source, text",
    [
        ("Tặng **Bằng khen** cho *Sở Tài chính*", "Tặng Bằng khen cho Sở Tài chính"),
        ("Xem [Quyết định 354](https://example.vn/qd-354.pdf) và ![con dấu](dau.png)", "Xem Quyết định 354 và "),
        ("Đơn vị (*) dẫn đầu, [**] ghi chú", "Đơn vị (*) dẫn đầu, [**] ghi chú"),  # note marks stay
        ("5 \\* 3 và A &amp; B, `QĐ-UBND`", "5 * 3 và A & B, QĐ-UBND"),  # escapes, entities, code
        ("<b>Quyết định</b><br>số 354", "Quyết định\nsố 354"),
        ("~~bãi bỏ~~ Điều 5", "bãi bỏ Điều 5"),
        ("Phan Đình Lam Sơn[13](Con người vợ đầu tiên)", "Phan Đình Lam Sơn[13](Con người vợ đầu tiên)"),  # no link
        ("Hà Nội, ngày **24** tháng** 11** năm 2025", "Hà Nội, ngày 24 tháng 11 năm 2025"),
    ],
    ids=[
        "emphasis",
        "link-image",
        "note-marks",
        "escapes-entities-code",
        "html",
        "strikethrough",
        "not-a-link",
        "split-bold",
    ],
)
def test_inline_markup_is_dropped(source, text):
    assert inline_text(source) == text


def test_indented_lines_are_text_not_code():
    assert paragraphs("Căn cứ Luật Thi đua, khen thưởng;\n\n    **Điều 1.** Tặng Bằng khen.\n") == [
        ("body", "Căn cứ Luật Thi đua, khen thưởng;"),
        ("body", "Điều 1. Tặng Bằng khen."),
    ]


def test_html_blocks_keep_their_text():
    assert paragraphs("<div><p>Tặng Bằng khen</p><script>x()</script><p>cho Sở Nội vụ</p></div>\n") == [
        ("body", "Tặng Bằng khen cho Sở Nội vụ")
    ]


def test_an_asterisk_before_a_pipe_is_no_list_item():
    # b5766b5f7caa1268.md (Điều lệ Đảng): italics opened before a layout table's pipe
    text = "**LẦN THỨ XI**\n* |\n|\n**ĐẢNG CỘNG SẢN VIỆT NAM**\n*Hà Nội, ngày 19 tháng 01 năm 2011*\n|\n"
    assert paragraphs(text) == [
        ("heading", "LẦN THỨ XI"),
        ("heading", "ĐẢNG CỘNG SẢN VIỆT NAM"),
        ("body", "Hà Nội, ngày 19 tháng 01 năm 2011"),
    ]


def test_a_heading_cut_from_a_table_row_loses_its_pipes():
    # 27ec699b5ebfcf2a.md
    assert paragraphs("## Thế lộ nan | ||\n") == [("heading", "Thế lộ nan")]


_WORDS = ["Bằng", "khen", "Sở", "Tài", "chính", "năm", "2024", "Quyết", "định", "số", "354/QĐ-UBND"]
_MARKS = ["*", "**", "***", "_", "__", " *", "* ", "** ", " **", ""]


@given(st.lists(st.tuples(st.sampled_from(_MARKS), st.sampled_from(_WORDS), st.sampled_from(_MARKS)), min_size=1))
def test_emphasis_in_any_arrangement_leaves_no_asterisk(pieces):
    """However a converter splits its bold and italic runs, no asterisk is left and every word stays."""
    source = " ".join(before + word + after for before, word, after in pieces)
    text = inline_text(source)
    assert "*" not in text
    assert re.sub(r"[\s_]+", "", text) == "".join(word for _, word, _ in pieces)


_PIECES = [
    "Bằng",
    "khen",
    "số",
    " ",
    "  ",
    "\n",
    "\n  ",
    "\t",
    "*",
    "**",
    "***",
    "(",
    ")",
    "[",
    "]",
    "(*)",
    "`",
    "``",
    "!",
    "&",
    "&amp;",
    "&#39;",
    "~",
    "~~",
    "<",
    ">",
    "<b>",
    "_",
    "\\",
    ".",
    ":",
    "-",
    ";",
    "](",
    "![",
    "<http://a.vn>",
]


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=30))
def test_inline_text_without_the_parser_is_the_parsers_reading(pieces):
    """The text of inline Markdown read without markdown-it where it holds only asterisks, brackets
    and marks that are text as written: what markdown-it's inline parser reads, whatever the text
    (text without any markup character is taken as written, parser or not)."""
    source = "".join(pieces)
    assume(_INLINE_MARKUP_RE.search(source))
    assert inline_text(source) == _parsed_text(source)
