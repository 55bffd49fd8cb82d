"""Segmentation: wrapped lines re-joined; letterheads, list items, articles, "Căn cứ" clauses and
table rows kept apart. Snippets are real lines of ../shared/corpus/docs, hard-wrapped here."""

from __future__ import annotations

import pytest

from miner.segment import (
    join_lines,
    paragraphs_from_blocks,
    split_paragraphs,
    starts_paragraph,
)

CASES = [
    (
        "hard-wrapped-report",  # 000-khoi5-daknong-2022.txt, wrapped at 76 columns
        "Đơn vị Khối trưởng và Khối phó phát huy được vai trò, vị trí, trách nhiệm của\n"
        "mình trong việc tổ chức thực hiện phong trào thi đua theo Quyết định số\n"
        "354/QĐ-UBND ngày 12/3/2018 của Ủy ban nhân dân tỉnh về việc ban hành Quy định\n"
        "tổ chức và hoạt động của Cụm, Khối.\n"
        "Cấp ủy đảng, Lãnh đạo, Thủ trưởng các cơ quan, đơn vị trong Khối luôn xác định\n"
        "rõ vị trí, vai trò, tầm quan trọng của công tác thi đua, khen thưởng.\n",
        [
            (
                "body",
                "Đơn vị Khối trưởng và Khối phó phát huy được vai trò, vị trí, trách nhiệm của mình trong việc "
                "tổ chức thực hiện phong trào thi đua theo Quyết định số 354/QĐ-UBND ngày 12/3/2018 của Ủy ban nhân "
                "dân tỉnh về việc ban hành Quy định tổ chức và hoạt động của Cụm, Khối.",
            ),
            (
                "body",
                "Cấp ủy đảng, Lãnh đạo, Thủ trưởng các cơ quan, đơn vị trong Khối luôn xác định rõ vị trí, vai "
                "trò, tầm quan trọng của công tác thi đua, khen thưởng.",
            ),
        ],
    ),
    (
        "letterhead",  # 001.txt
        "ỦY BAN NHÂN DÂN\nTỈNH BẮC NINH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 86/2025/QĐ-UBND\nBắc Ninh, ngày 03 tháng 12 năm 2025\nQUYẾT ĐỊNH\n",
        [
            ("heading", "ỦY BAN NHÂN DÂN"),
            ("heading", "TỈNH BẮC NINH"),
            ("heading", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
            ("body", "Độc lập - Tự do - Hạnh phúc"),
            ("heading", "Số: 86/2025/QĐ-UBND"),
            ("body", "Bắc Ninh, ngày 03 tháng 12 năm 2025"),
            ("heading", "QUYẾT ĐỊNH"),
        ],
    ),
    (
        "articles-and-list-items",  # 003.txt; "Điều 1 căn cứ" inside a sentence stays in it
        "Điều 1. Tặng Bằng khen của Chủ tịch UBND tỉnh cho 05 tập thể đã có thành tích\n"
        "xuất sắc trong 10 năm triển khai thực hiện Luật Phổ biến, giáo dục pháp luật\n"
        "trên địa bàn tỉnh, gồm:\n"
        "1. Phòng Phổ biến, giáo dục pháp luật, Sở Tư pháp;\n"
        "2. Công an tỉnh;\n"
        "Điều 2. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Nội vụ, Giám đốc Sở\n"
        "Tư pháp và các tập thể có tên tại Điều 1 căn cứ Quyết định thi hành tại các\n"
        "Điều 1 căn cứ Quyết định thi hành./.\n",
        [
            (
                "body",
                "Điều 1. Tặng Bằng khen của Chủ tịch UBND tỉnh cho 05 tập thể đã có thành tích xuất sắc trong 10 "
                "năm triển khai thực hiện Luật Phổ biến, giáo dục pháp luật trên địa bàn tỉnh, gồm:",
            ),
            ("body", "1. Phòng Phổ biến, giáo dục pháp luật, Sở Tư pháp;"),
            ("body", "2. Công an tỉnh;"),
            (
                "body",
                "Điều 2. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Nội vụ, Giám đốc Sở Tư pháp và các "
                "tập thể có tên tại Điều 1 căn cứ Quyết định thi hành tại các Điều 1 căn cứ Quyết định thi hành./.",
            ),
        ],
    ),
    (
        "can-cu-after-a-full-line",  # 001.txt: each "Căn cứ" clause is its own paragraph
        "Căn cứ Luật Ban hành văn bản quy phạm pháp luật số 64/2025/QH15; Luật Sửa đổi\n"
        "Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15;\n",
        [
            ("body", "Căn cứ Luật Ban hành văn bản quy phạm pháp luật số 64/2025/QH15; Luật Sửa đổi"),
            ("body", "Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15;"),
        ],
    ),
    (
        "wrapped-dash-is-not-a-list-item",  # 000-khoi5-daknong-2022.txt
        "Ảnh hưởng của đại dịch vẫn còn kéo dài, đã tác động tiêu cực đến phát triển kinh tế\n"
        "- xã hội và đời sống của người dân, doanh nghiệp.\n",
        [
            (
                "body",
                "Ảnh hưởng của đại dịch vẫn còn kéo dài, đã tác động tiêu cực đến phát triển kinh tế - xã hội và "
                "đời sống của người dân, doanh nghiệp.",
            )
        ],
    ),
    (
        "recipients-list",  # 005.txt: a wrapped item re-joins, the others stay apart
        "Nơi nhận:\n- Ban TĐKT TW;\n- Các cơ quan, đơn vị, địa phương thuộc\nkhối thi đua của tỉnh;\n- Lưu: Ban TĐKT.\n",
        [
            ("body", "Nơi nhận:"),
            ("body", "- Ban TĐKT TW;"),
            ("body", "- Các cơ quan, đơn vị, địa phương thuộc khối thi đua của tỉnh;"),
            ("body", "- Lưu: Ban TĐKT."),
        ],
    ),
    (
        "comma-continues",  # 036.txt
        "- VPCP: BTCN, các PCN,\nCổng TTĐT, các Vụ: KTTH, TKBT, TH;\n- Lưu: VT, KTTH.\n",
        [("body", "- VPCP: BTCN, các PCN, Cổng TTĐT, các Vụ: KTTH, TKBT, TH;"), ("body", "- Lưu: VT, KTTH.")],
    ),
    (
        "signature",  # 007.txt
        "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nĐào Mỹ\n",
        [("heading", "KT. CHỦ TỊCH"), ("heading", "PHÓ CHỦ TỊCH"), ("body", "Đào Mỹ")],
    ),
    (
        "table-rows",  # 060.txt
        "STT | Họ và tên | Danh hiệu | Số Phiếu đạt | Tỷ lệ\n"
        "1 | Đinh Tuấn long | Lao động TT | Hoàn thành xuất sắc nhiệm vụ | 19/19 | 100%\n",
        [
            ("table_row", "STT | Họ và tên | Danh hiệu | Số Phiếu đạt | Tỷ lệ"),
            ("table_row", "1 | Đinh Tuấn long | Lao động TT | Hoàn thành xuất sắc nhiệm vụ | 19/19 | 100%"),
        ],
    ),
    (
        "tab-separated-row",  # 060.txt, as a spreadsheet pastes it
        "2\tLê Hữu Dũng\tLao động TT\t19/19\n",
        [("table_row", "2 | Lê Hữu Dũng | Lao động TT | 19/19")],
    ),
    (
        "title-wrapped",  # 022.txt
        "V/v kết quả đại hội Hiệp hội\ndoanh nghiệp tỉnh Bình Thuận\nKính gửi: Hiệp hội Doanh nghiệp tỉnh Bình Thuận.\n",
        [
            ("body", "V/v kết quả đại hội Hiệp hội doanh nghiệp tỉnh Bình Thuận"),
            ("body", "Kính gửi: Hiệp hội Doanh nghiệp tỉnh Bình Thuận."),
        ],
    ),
    (
        "blank-line-always-ends",  # never merged across a blank line, whatever the next line looks like
        "Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15\n\nthực hiện phong trào thi đua\n \nĐơn vị Khối trưởng\n",
        [
            ("body", "Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15"),
            ("body", "thực hiện phong trào thi đua"),
            ("body", "Đơn vị Khối trưởng"),
        ],
    ),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_split_paragraphs(text, expected):
    paragraphs = split_paragraphs(text)
    assert [(p.kind, p.text) for p in paragraphs] == expected
    assert [p.seq for p in paragraphs] == list(range(len(expected)))


def test_join_lines_with_the_right_margin_known():
    """A PDF reader says which lines reach the right margin: only those continue."""
    lines = ["Căn cứ Quyết định số 354/QĐ-UBND ngày 12/3/2018 của Ủy ban", "Nhân dân tỉnh", "Khối thi đua số 5"]
    assert join_lines(lines, full=[True, False, False]) == [
        ("Căn cứ Quyết định số 354/QĐ-UBND ngày 12/3/2018 của Ủy ban Nhân dân tỉnh", "body"),
        ("Khối thi đua số 5", "body"),
    ]
    assert join_lines(lines) == [(line, "body") for line in lines]  # no width: only the text decides


def test_paragraphs_from_blocks_keeps_known_kinds():
    blocks = [
        ("ỦY BAN NHÂN DÂN\nTỈNH ĐẮK NÔNG", None),
        ("Về việc tặng Bằng khen\ncho các tập thể", None),
        ("1 | Kho bạc Nhà nước\ntỉnh Đắk Nông", "table_row"),
        ("Danh sách", "heading"),
        ("[1] Được sửa đổi năm 2020.", "footnote"),
        ("   ", None),
    ]
    assert [(p.seq, p.kind, p.text) for p in paragraphs_from_blocks(blocks)] == [
        (0, "heading", "ỦY BAN NHÂN DÂN"),
        (1, "heading", "TỈNH ĐẮK NÔNG"),
        (2, "body", "Về việc tặng Bằng khen cho các tập thể"),
        (3, "table_row", "1 | Kho bạc Nhà nước tỉnh Đắk Nông"),
        (4, "heading", "Danh sách"),
        (5, "footnote", "[1] Được sửa đổi năm 2020."),
    ]


@pytest.mark.parametrize(
    "line",
    ["Điều 5 của Luật này", "2022. Các đơn vị", "nhân dân tỉnh", "Quyết định số 354/QĐ-UBND"],
    ids=["article-in-a-sentence", "year-then-full-stop", "lower-case", "citation"],
)
def test_continuation_lines_do_not_start_a_paragraph(line):
    assert not starts_paragraph(line)
