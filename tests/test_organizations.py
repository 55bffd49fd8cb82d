"""Organisations: canonical names and the bodies found in real snippets."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest

from miner import data
from miner.document import Document, Paragraph
from miner.organizations import canonical_org, find_organizations, province_level
from miner.organizations.words import scanner_words
from miner.record import Header

CANONICAL = [
    # (written, province of the document, canonical name)
    ("UBND tỉnh", "Đắk Nông", "Ủy ban nhân dân tỉnh Đắk Nông"),
    ("Bộ tài chính", None, "Bộ Tài chính"),
    ("Bộ tài chính", "Đắk Nông", "Bộ Tài chính"),
    ("Cục QLTT Tỉnh Đắk Nông", None, "Cục Quản lý thị trường tỉnh Đắk Nông"),
    ("Kho bạc nhà nước tỉnh Đắk Nông", None, "Kho bạc Nhà nước tỉnh Đắk Nông"),
    ("Cục thuế", None, "Cục Thuế"),
    ("Tỉnh Đắk Nông", None, "tỉnh Đắk Nông"),
    ("Sở Nội vụ", "Bắc Ninh", "Sở Nội vụ tỉnh Bắc Ninh"),
    ("Công an tỉnh", "Bắc Ninh", "Công an tỉnh Bắc Ninh"),
    ("Tỉnh ủy", "Đắk Nông", "Tỉnh ủy Đắk Nông"),
    ("TTTU", "Bắc Ninh", "Thường trực Tỉnh ủy Bắc Ninh"),
    ("TT HĐND tỉnh", "Bắc Ninh", "Thường trực Hội đồng nhân dân tỉnh Bắc Ninh"),
    ("VP Đoàn ĐBQH và HĐND tỉnh", "Bắc Ninh", "Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh Bắc Ninh"),
    ("UBMTTQVN tỉnh", "Bắc Ninh", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Bắc Ninh"),
    ("VP UBND tỉnh", "Bắc Ninh", "Văn phòng Ủy ban nhân dân tỉnh Bắc Ninh"),
    ("Ban TĐKT Trung ương", None, "Ban Thi đua - Khen thưởng Trung ương"),
    ("Cục Kiểm tra văn bản và QLXLVPHC", None, "Cục Kiểm tra văn bản và Quản lý xử lý vi phạm hành chính"),
    ("Hội đồng TĐKT tỉnh", "Nghệ An", "Hội đồng Thi đua - Khen thưởng tỉnh Nghệ An"),
    ("SỞ NỘI VỤ", "Bình Thuận", "Sở Nội vụ tỉnh Bình Thuận"),
    ("ỦY BAN NHÂN DÂN TỈNH BẮC NINH", None, "Ủy ban nhân dân tỉnh Bắc Ninh"),
    ("Sở GD&ĐT", "Hà Tĩnh", "Sở Giáo dục và Đào tạo tỉnh Hà Tĩnh"),
    ("Sở LĐ-TB&XH", "Hưng Yên", "Sở Lao động - Thương binh và Xã hội tỉnh Hưng Yên"),
    ("Sở VH-TT&DL", None, "Sở Văn hóa, Thể thao và Du lịch"),
    ("UBND TP.HCM", None, "Ủy ban nhân dân thành phố Hồ Chí Minh"),
    ("Chính phủ", "Đắk Nông", "Chính phủ"),
    ("UBND huyện Quảng Ninh", "Quảng Bình", "Ủy ban nhân dân huyện Quảng Ninh"),
    ("UBND HUYỆN CƯ JÚT", None, "Ủy ban nhân dân huyện Cư Jút"),
    ("UBND huyện", "Đắk Nông", "Ủy ban nhân dân huyện"),
    ("Phòng Xây dựng chính quyền Sở Nội vụ", "Đắk Lắk", "Phòng Xây dựng chính quyền Sở Nội vụ tỉnh Đắk Lắk"),
    ("Ủy ban nhân dân thành phố", "Cần Thơ", "Ủy ban nhân dân thành phố Cần Thơ"),
    ("Ủy ban nhân dân thành phố", "Bình Thuận", "Ủy ban nhân dân thành phố"),
    ("Uỷ ban nhân dân tỉnh Hoà Bình", None, "Ủy ban nhân dân tỉnh Hòa Bình"),
    (
        "Hội đồng Thi đua - Khen thưởng Bộ Nông nghiệp và Môi trường",
        "Hà Nội",
        "Hội đồng Thi đua - Khen thưởng Bộ Nông nghiệp và Môi trường",
    ),
    ("CỤC QUẢN LÝ THỊ TRƯỜNG TỈNH ĐẮK NÔNG", None, "Cục Quản lý thị trường tỉnh Đắk Nông"),
    ("Cục Thuế", "Đắk Nông", "Cục Thuế tỉnh Đắk Nông"),
    ("Vụ Pháp chế", "Bắc Ninh", "Vụ Pháp chế"),
    ("Đoàn ĐB Quốc hội TP Hà Nội", None, "Đoàn đại biểu Quốc hội thành phố Hà Nội"),
    ("Hội Khuyến học Việt Nam", "Bình Thuận", "Hội Khuyến học Việt Nam"),
    ("HỘI LIÊN HIỆP PHỤ NỮ TỈNH ĐẮK NÔNG", None, "Hội Liên hiệp Phụ nữ tỉnh Đắk Nông"),
    ("SỞ LAO ĐỘNG – THƯƠNG BINH VÀ XÃ HỘI", "Quảng Bình", "Sở Lao động - Thương binh và Xã hội tỉnh Quảng Bình"),
    ("Ủy ban MTTQ Việt Nam thành phố", "Cần Thơ", "Ủy ban Mặt trận Tổ quốc Việt Nam thành phố Cần Thơ"),
    ("Tỉnh đoàn", "Lai Châu", "Tỉnh đoàn Lai Châu"),
    ("Thành ủy", "Bình Thuận", "Thành ủy"),
    ("Liên minh Hợp tác xã tỉnh", "Đắk Nông", "Liên minh Hợp tác xã tỉnh Đắk Nông"),
    ("VIETTEL", None, "Tập đoàn Công nghiệp - Viễn thông Quân đội"),
    ("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Quảng Bình", "Ủy ban nhân dân tỉnh Quảng Bình"),
    (
        "Đội Cảnh sát PCCC và CNCH khu vực Sầm Sơn",
        "Thanh Hóa",
        "Đội Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ khu vực Sầm Sơn",
    ),
    ("Ban CHQS huyện Ba Tri", "Bến Tre", "Ban Chỉ huy Quân sự huyện Ba Tri"),
    ("Ngân hàng TMCP Công Thương Việt Nam", None, "Ngân hàng Thương mại Cổ phần Công Thương Việt Nam"),
    ("Phòng TCCB Sở GD&ĐT", "Ninh Thuận", "Phòng Tổ chức cán bộ Sở Giáo dục và Đào tạo tỉnh Ninh Thuận"),
    ("Cục Kiểm tra văn bản QPPL", None, "Cục Kiểm tra văn bản quy phạm pháp luật"),
    ("Huyện Đoàn Ngọc Hiển", "Cà Mau", "Huyện đoàn Ngọc Hiển"),
    ("Huyện đoàn", "Cà Mau", "Huyện đoàn"),
    ("Đoàn TNCS Hồ Chí Minh", "Cà Mau", "Đoàn Thanh niên Cộng sản Hồ Chí Minh"),
    ("Bộ Kế hoạch & Đầu tư", None, "Bộ Kế hoạch và Đầu tư"),
    ("Tạp chí Xưa & Nay", None, "Tạp chí Xưa & Nay"),
    ("THƯ VIỆN PHÁP LUẬT", "Hà Tĩnh", "Thư viện Pháp luật"),
    ("Báo Quân khu 3", "Hà Tĩnh", "Báo Quân khu 3"),
]


@pytest.mark.parametrize("written, province, expected", CANONICAL, ids=[f"{w} / {p or '-'}" for w, p, _ in CANONICAL])
def test_canonical_org(written: str, province: str | None, expected: str) -> None:
    assert canonical_org(written, province) == expected


def _doc(*texts: str) -> Document:
    return Document(
        path="snippet.txt",
        format="txt",
        paragraphs=tuple(Paragraph(seq=i, text=t) for i, t in enumerate(texts)),
    )


def _found(texts: tuple[str, ...], province: str | None) -> list[str]:
    return sorted(o.name for o in find_organizations(_doc(*texts), _header(province)))


def _header(province: str | None) -> Header:
    """The header of a document of `province`: its people's committee issues it (a page without a
    header block is of no province unless its issuer names one)."""
    if province is None:
        return Header()
    return Header(province=province, issuer=f"Ủy ban nhân dân {province_level(province)} {province}")


# (id, paragraphs, the document's province, every body found)
FOUND = [
    (
        "seed-sentence",
        (
            "đơn vị Kho bạc nhà nước tỉnh Đắk Nông đạt danh hiệu cờ thi đua của Bộ tài chính; đơn vị Cục "
            "Thuế tỉnh Đắk Nông nhận giấy khen của Tổng Cục trưởng Cục thuế",
        ),
        "Đắk Nông",
        ["Bộ Tài chính", "Cục Thuế tỉnh Đắk Nông", "Kho bạc Nhà nước tỉnh Đắk Nông", "Tổng cục Thuế"],
    ),
    (
        "header-block",
        ("UBND TỈNH BÌNH THUẬN", "SỞ NỘI VỤ", "Số: 3367/TTr-SNV"),
        None,
        ["Sở Nội vụ tỉnh Bình Thuận", "Ủy ban nhân dân tỉnh Bình Thuận"],
    ),
    (
        "unit-under-ministry-header",
        ("BỘ TƯ PHÁP", "VĂN PHÒNG", "Số: 935/VP-TCKT"),
        None,
        ["Bộ Tư pháp", "Văn phòng Bộ Tư pháp"],
    ),
    (
        "noi-nhan-abbreviations",
        (
            "- Vụ Pháp chế - Bộ Nội vụ;",
            "- Ban TĐKT Trung ương - Bộ Nội vụ;",
            "- TTTU, TT HĐND tỉnh;",
            "- VP Đoàn ĐBQH và HĐND tỉnh;",
            "- UBMTTQVN tỉnh;",
            "- Các cơ quan, đơn vị Trung ương trên địa bàn tỉnh;",
        ),
        "Bắc Ninh",
        [
            "Ban Thi đua - Khen thưởng Trung ương",
            "Bộ Nội vụ",
            "Thường trực Hội đồng nhân dân tỉnh Bắc Ninh",
            "Thường trực Tỉnh ủy Bắc Ninh",
            "Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh Bắc Ninh",
            "Vụ Pháp chế",
            "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Bắc Ninh",
        ],
    ),
    (
        "unit-in-brackets",
        ("gửi hồ sơ đến Sở Nội vụ (qua Phòng Thi đua, khen thưởng) trước 10 ngày",),
        "Bắc Ninh",
        ["Phòng Thi đua, khen thưởng Sở Nội vụ tỉnh Bắc Ninh", "Sở Nội vụ tỉnh Bắc Ninh"],
    ),
    (
        "unit-after-comma",
        ("1. Phòng Phổ biến, giáo dục pháp luật, Sở Tư pháp;",),
        "Quảng Bình",
        ["Phòng Phổ biến, giáo dục pháp luật Sở Tư pháp tỉnh Quảng Bình"],
    ),
    (
        "associations-listed",
        (
            "gồm: Câu lạc bộ võ thuật Bộ Chỉ huy Quân sự tỉnh, Hội Y học, Hiệp Hội Du lịch, Liên đoàn cầu "
            "lông và Hội Golf.",
        ),
        "Bình Thuận",
        [
            "Câu lạc bộ Võ thuật Bộ Chỉ huy Quân sự tỉnh Bình Thuận",
            "Hiệp hội Du lịch tỉnh Bình Thuận",
            "Hội Golf tỉnh Bình Thuận",
            "Hội Y học tỉnh Bình Thuận",
            "Liên đoàn Cầu lông tỉnh Bình Thuận",
        ],
    ),
    (
        "lower-case-name-and-city",
        (
            "Hội Cựu giáo chức, Hội Bảo vệ thiên nhiên và môi trường nhưng đến nay Hiệp hội Nước mắm Phan "
            "Thiết vẫn chưa",
        ),
        "Bình Thuận",
        [
            "Hiệp hội Nước mắm Phan Thiết",
            "Hội Bảo vệ thiên nhiên và môi trường tỉnh Bình Thuận",
            "Hội Cựu giáo chức tỉnh Bình Thuận",
        ],
    ),
    (
        "ministries-listed",
        (
            "8. Các Bộ, cơ quan: Tài chính, Xây dựng, Văn hóa, Thể thao và Du lịch, Ngoại giao, Tập đoàn "
            "Điện lực Việt Nam theo chức năng",
        ),
        None,
        [
            "Bộ Ngoại giao",
            "Bộ Tài chính",
            "Bộ Văn hóa, Thể thao và Du lịch",
            "Bộ Xây dựng",
            "Tập đoàn Điện lực Việt Nam",
        ],
    ),
    (
        "provinces-listed",
        ("[3] UBND các tỉnh: Tuyên Quang, Cao Bằng, Khánh Hòa.",),
        None,
        ["Ủy ban nhân dân tỉnh Cao Bằng", "Ủy ban nhân dân tỉnh Khánh Hòa", "Ủy ban nhân dân tỉnh Tuyên Quang"],
    ),
    (
        "enterprises-listed",
        ("Các tập đoàn, Tổng công ty: (i) VIETTEL, (ii) Xăng dầu, (iii) Hàng hải Việt Nam, (vii) SCIC.",),
        None,
        [
            "Tập đoàn Công nghiệp - Viễn thông Quân đội",
            "Tập đoàn Xăng dầu Việt Nam",
            "Tổng công ty Hàng hải Việt Nam",
            "Tổng công ty Đầu tư và Kinh doanh vốn nhà nước",
        ],
    ),
    (
        "shared-place",
        ("- Tỉnh ủy, HĐND, UBND tỉnh Điện Biên;",),
        None,
        ["Hội đồng nhân dân tỉnh Điện Biên", "Tỉnh ủy Điện Biên", "Ủy ban nhân dân tỉnh Điện Biên"],
    ),
    (
        "quoted-name",
        ("đề xuất với Ban Chỉ đạo Cuộc vận động “Tiếp bước cho em đến trường” tỉnh kế hoạch vận động",),
        "Bình Thuận",
        ["Ban Chỉ đạo Cuộc vận động “Tiếp bước cho em đến trường” tỉnh Bình Thuận"],
    ),
    (
        "generic-not-bodies",
        (
            "Thủ trưởng các sở, ban, ngành; Chủ tịch Ủy ban nhân dân các xã, phường; cấp ủy đảng, Trung "
            "ương; Trường hợp Quỹ bị giải thể; Báo cáo Ủy ban nhân dân cấp tỉnh",
        ),
        "Bắc Ninh",
        [],
    ),
    (
        "person-and-posts",
        ("Phó Chủ tịch UBND tỉnh Lê Trường Sơn; Vụ trưởng Vụ Tổ chức cán bộ; KT. BỘ TRƯỞNG",),
        None,
        ["Vụ Tổ chức cán bộ"],
    ),
    (
        "central-document-keeps-central",
        ("Giao Bộ Tài chính chủ trì, phối hợp với Bộ Y tế",),
        None,
        ["Bộ Tài chính", "Bộ Y tế"],
    ),
    (
        "post-2025-tax-office",
        ("d) Thuế tỉnh, Bảo hiểm xã hội tỉnh: Xác nhận việc thực hiện",),
        "Bắc Ninh",
        ["Bảo hiểm xã hội tỉnh Bắc Ninh", "Thuế tỉnh Bắc Ninh"],
    ),
    (
        "two-spellings-one-body",
        ("Sở Tài nguyên Môi trường, Sở Giáo dục và Đào tạo", "Sở Tài nguyên và Môi trường đề xuất"),
        "Bình Thuận",
        ["Sở Giáo dục và Đào tạo tỉnh Bình Thuận", "Sở Tài nguyên và Môi trường tỉnh Bình Thuận"],
    ),
]


FOUND += [
    (
        "provincial-bodies",
        (
            "Giao Tỉnh đoàn, Ủy ban Kiểm tra Tỉnh ủy, Ban Dân vận Tỉnh ủy, Hội Liên hiệp Phụ nữ tỉnh, Kho bạc "
            "Nhà nước khu vực XII, Chi cục Thuế khu vực Gia Nghĩa, Liên minh Hợp tác xã tỉnh, Đoàn Thanh niên "
            "Cộng sản Hồ Chí Minh tỉnh, Ngân hàng Nhà nước chi nhánh tỉnh Đắk Nông phối hợp thực hiện.",
        ),
        "Đắk Nông",
        [
            "Ban Dân vận Tỉnh ủy Đắk Nông",
            "Chi cục Thuế khu vực Gia Nghĩa",
            "Hội Liên hiệp Phụ nữ tỉnh Đắk Nông",
            "Kho bạc Nhà nước khu vực XII",
            "Liên minh Hợp tác xã tỉnh Đắk Nông",
            "Ngân hàng Nhà nước chi nhánh tỉnh Đắk Nông",
            "Tỉnh đoàn Đắk Nông",
            "Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh Đắk Nông",
            "Ủy ban Kiểm tra Tỉnh ủy Đắk Nông",
        ],
    ),
    (
        "lower-case-compounds",
        (
            "Ngân hàng Chính sách xã hội chi nhánh tỉnh, Đài PT-TH tỉnh, Ban Chỉ đạo phát triển kinh tế - xã "
            "hội tỉnh; Công ty TNHH MTV Cà phê Đức Lập",
        ),
        "Đắk Nông",
        [
            "Ban Chỉ đạo phát triển kinh tế - xã hội tỉnh Đắk Nông",
            "Công ty TNHH Một thành viên Cà phê Đức Lập",
            "Ngân hàng Chính sách xã hội chi nhánh tỉnh Đắk Nông",
            "Đài Phát thanh - Truyền hình tỉnh Đắk Nông",
        ],
    ),
    (
        "award-list-units",
        (
            "1. Phòng Tổ chức cán bộ, Sở Giáo dục và Đào tạo;",
            "2. Phòng Hành chính - Tổng hợp, Văn phòng UBND tỉnh;",
            "3. Hạt Kiểm lâm huyện Tuy Đức;",
            "4. giao Phòng Tài chính - Kế hoạch, Sở Nội vụ, Công an huyện phối hợp",
        ),
        "Đắk Nông",
        [
            "Hạt Kiểm lâm huyện Tuy Đức",
            "Phòng Hành chính - Tổng hợp Văn phòng Ủy ban nhân dân tỉnh Đắk Nông",
            "Phòng Tổ chức cán bộ Sở Giáo dục và Đào tạo tỉnh Đắk Nông",
            "Sở Nội vụ tỉnh Đắk Nông",
        ],
    ),
    (
        "district-document",
        (
            "UBND HUYỆN CƯ JÚT",
            "PHÒNG NỘI VỤ",
            "Số: 12/BC-PNV",
            "Căn cứ Quyết định của UBND tỉnh Đắk Nông; UBND huyện giao Phòng Tài chính - Kế hoạch, Sở Nội vụ, "
            "Công an huyện",
        ),
        None,
        [
            "Công an huyện Cư Jút",
            "Phòng Nội vụ huyện Cư Jút",
            "Phòng Tài chính - Kế hoạch huyện Cư Jút",
            "Sở Nội vụ tỉnh Đắk Nông",
            "Ủy ban nhân dân huyện Cư Jút",
            "Ủy ban nhân dân tỉnh Đắk Nông",
        ],
    ),
    (
        "ministry-document",
        (
            "BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG",
            "Hà Nội, ngày 24 tháng 11 năm 2025",
            "- Văn phòng Bộ (để đăng tải trên Cổng TTĐT của Bộ);",
            "Hội đồng Thi đua - Khen thưởng Bộ có trách nhiệm",
        ),
        "Hà Nội",
        [
            "Bộ Nông nghiệp và Môi trường",
            "Cổng Thông tin điện tử Bộ Nông nghiệp và Môi trường",
            "Hội đồng Thi đua - Khen thưởng Bộ Nông nghiệp và Môi trường",
            "Văn phòng Bộ Nông nghiệp và Môi trường",
        ],
    ),
    (
        "party-document",
        (
            "TỈNH ỦY ĐẮK NÔNG",
            "BAN TUYÊN GIÁO",
            "*",
            "Số 12-BC/BTGTU",
            "ĐẢNG CỘNG SẢN VIỆT NAM",
            "Ban Thường vụ Tỉnh ủy chỉ đạo",
        ),
        None,
        ["Ban Thường vụ Tỉnh ủy Đắk Nông", "Ban Tuyên giáo Tỉnh ủy Đắk Nông", "Tỉnh ủy Đắk Nông"],
    ),
    (
        "office-abbreviations",
        ("- Chánh, các PCVP UBND tỉnh;", "- Chánh VP, Phó CVP (NC) UBND tỉnh;"),
        "Nghệ An",
        ["Văn phòng Ủy ban nhân dân tỉnh Nghệ An"],
    ),
    (
        "long-school-name",
        ("dự Lễ khởi công xây dựng Trường Phổ thông nội trú liên cấp Tiểu học và Trung học cơ sở Thanh Nưa;",),
        None,
        ["Trường Phổ thông nội trú liên cấp Tiểu học và Trung học cơ sở Thanh Nưa"],
    ),
    (
        "school-and-faculty",
        (
            "TRƯỜNG ĐẠI HỌC MỞ HÀ NỘI",
            "KHOA CÔNG NGHỆ THÔNG TIN",
            "Tại: KGĐ Khoa Công nghệ Thông tin, Trường Đại học Mở Hà Nội",
        ),
        None,
        ["Khoa Công nghệ thông tin Trường Đại học Mở Hà Nội", "Trường Đại học Mở Hà Nội"],
    ),
    (
        "posts-are-no-bodies",
        (
            "LĐLĐ thị xã An Nhơn được Chủ tịch nước tặng thưởng Huân chương Lao động hạng Ba; đề nghị Thủ tướng "
            "Chính phủ tặng Bằng khen.",
            "Văn phòng Chủ tịch nước; Nghị định số 91/2017/NĐ-CP của Chính phủ",
        ),
        "Bình Định",
        ["Chính phủ", "Liên đoàn Lao động thị xã An Nhơn", "Văn phòng Chủ tịch nước"],
    ),
    ("president-heading", ("CHỦ TỊCH NƯỚC", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 1055/QĐ-CTN"), None, []),
    (
        "family-name-doan",
        (
            "7 | Ông Đoàn Minh Chiến | Hiệu trưởng | Trường THPT Di Linh",
            "KT. BỘ TRƯỞNG",
            "THỨ TRƯỞNG",
            "Đoàn Minh Hải",
            "Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh",
        ),
        "Lâm Đồng",
        ["Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh Lâm Đồng", "Trường Trung học phổ thông Di Linh"],
    ),
    (
        "units-of-the-issuing-department",
        (
            "UBND TỈNH QUẢNG NAM",
            "SỞ Y TẾ",
            "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG",
            "Số: 28/BB-HĐTĐKT",
            "Thư ký cuộc họp: CN. Huỳnh Văn Quý - Chuyên viên Phòng Tổ chức cán bộ.",
            "Giao Văn phòng Sở hoàn chỉnh hồ sơ, trình Hội đồng Thi đua - Khen thưởng tỉnh.",
        ),
        None,
        [
            "Hội đồng Thi đua - Khen thưởng Sở Y tế tỉnh Quảng Nam",
            "Hội đồng Thi đua - Khen thưởng tỉnh Quảng Nam",
            "Phòng Tổ chức cán bộ Sở Y tế tỉnh Quảng Nam",
            "Sở Y tế tỉnh Quảng Nam",
            "Văn phòng Sở Y tế tỉnh Quảng Nam",
            "Ủy ban nhân dân tỉnh Quảng Nam",
        ],
    ),
    (
        "provincial-police-under-the-ministry",
        (
            "BỘ CÔNG AN",
            "CÔNG AN TỈNH LÀO CAI",
            "Số: 125/TB-CAT",
            "Ngày 20/12/2023, Hội đồng Thi đua - Khen thưởng Công an tỉnh đã họp; giao Phòng Cảnh sát hình sự.",
        ),
        None,
        [
            "Bộ Công an",
            "Công an tỉnh Lào Cai",
            "Hội đồng Thi đua - Khen thưởng Công an tỉnh Lào Cai",
            "Phòng Cảnh sát hình sự Công an tỉnh Lào Cai",
        ],
    ),
    (
        "table-unit-and-its-body",
        (
            "1 | Phòng Tổ chức - Biên chế | Sở Nội vụ |",
            "2 | Văn phòng Sở | Sở Tài chính |",
            "10 | Phòng Văn hóa và Thông tin | UBND thành phố Đà Lạt |",
        ),
        "Lâm Đồng",
        [
            "Phòng Tổ chức - Biên chế Sở Nội vụ tỉnh Lâm Đồng",
            "Phòng Văn hóa và Thông tin thành phố Đà Lạt",
            "Văn phòng Sở Tài chính tỉnh Lâm Đồng",
        ],
    ),
    (
        "district-named-without-its-level",
        (
            "Năm 2020, KBNN Quảng Ninh được tặng Cờ thi đua; KBNN Hạ Long và KBNN Cẩm Phả được tặng Giấy khen.",
            "Thường trực Huyện ủy Mộc Châu; các Huyện ủy, Thị ủy.",
        ),
        None,
        [
            "Kho bạc Nhà nước Cẩm Phả",
            "Kho bạc Nhà nước Hạ Long",
            "Kho bạc Nhà nước Quảng Ninh",
            "Thường trực Huyện ủy Mộc Châu",
        ],
    ),
    (
        "unions-and-provincial-units",
        (
            "2. Văn phòng Sở phối hợp với Công đoàn ngành Giáo dục tổ chức phát động thi đua;",
            "Công đoàn Viên chức tỉnh; Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh; Đoàn viên Công đoàn cơ sở",
            "6. Viễn thông Thái Nguyên;",
            "7. Bưu điện tỉnh Thái Nguyên;",
        ),
        "Thái Nguyên",
        [
            "Bưu điện tỉnh Thái Nguyên",
            "Công đoàn Viên chức tỉnh Thái Nguyên",
            "Công đoàn ngành Giáo dục tỉnh Thái Nguyên",
            "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Thái Nguyên",
            "Viễn thông Thái Nguyên",
        ],
    ),
    (
        "funds-rooms-and-standards-are-no-bodies",
        (
            "Kinh phí khen thưởng trích từ Quỹ thi đua, khen thưởng của tỉnh do Sở Nội vụ quản lý.",
            "Họp tại Phòng họp Sở Y tế; 05 trường đạt Trường chuẩn quốc gia.",
        ),
        "Lâm Đồng",
        ["Sở Nội vụ tỉnh Lâm Đồng", "Sở Y tế tỉnh Lâm Đồng"],
    ),
    (
        "two-column-district-header",
        (
            "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "HUYỆN GIAO THỦY Độc lập - Tự do - Hạnh phúc",
            "Số: 156/TTr-UBND Giao Thủy, ngày 20 tháng 10 năm 2022",
            "Kính gửi: UBND tỉnh Nam Định; Phòng Nội vụ; Hội đồng nhân dân tỉnh; UBND huyện Xuân Trường.",
        ),
        None,
        [
            "Hội đồng nhân dân tỉnh Nam Định",
            "Phòng Nội vụ huyện Giao Thủy",
            "Ủy ban nhân dân huyện Giao Thủy",
            "Ủy ban nhân dân huyện Xuân Trường",
            "Ủy ban nhân dân tỉnh Nam Định",
        ],
    ),
    (
        "commune-party-committee-and-office",
        (
            "ỦY BAN NHÂN DÂN",
            "PHƯỜNG THỦ DẦU MỘT",
            "Số: 312/TB-UBND",
            "3. Thành phần: Thường trực Đảng ủy phường; Thường trực HĐND phường.",
            "Giao Văn phòng HĐND và UBND phường chuẩn bị hội trường.",
        ),
        "Hồ Chí Minh",
        [
            "Thường trực Hội đồng nhân dân phường Thủ Dầu Một",
            "Thường trực Đảng ủy phường Thủ Dầu Một",
            "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân phường Thủ Dầu Một",
            "Ủy ban nhân dân phường Thủ Dầu Một",
        ],
    ),
    (
        "official-unit-names-with-stop-words",
        (
            "2 | Đội Cảnh sát giao thông - Trật tự, Công an huyện Bảo Thắng |",
            "Đội Cảnh sát điều tra tội phạm về ma túy Công an huyện Mộc Châu; Vụ Thị trường trong nước;",
            "Đội Quản lý thị trường số 3, Cục Quản lý thị trường tỉnh Bắc Ninh;",
            "10. Công ty TNHH MTV Xổ số kiến thiết Thái Nguyên; Sở Nội vụ giao thông báo",
        ),
        "Thái Nguyên",
        [
            "Công ty TNHH Một thành viên Xổ số kiến thiết Thái Nguyên",
            "Sở Nội vụ tỉnh Thái Nguyên",
            "Đội Cảnh sát giao thông - Trật tự Công an huyện Bảo Thắng",
            "Đội Cảnh sát điều tra tội phạm về ma túy Công an huyện Mộc Châu",
            "Đội Quản lý thị trường số 3 Cục Quản lý thị trường tỉnh Bắc Ninh",
            "Vụ Thị trường trong nước",
        ],
    ),
    (
        "units-named-in-a-post",
        (
            "- Bà Phạm Thị Kim Yến, Trưởng phòng Nội vụ huyện Sơn Hà được tặng danh hiệu Chiến sĩ thi đua cơ sở.",
            "7 | ThS.BS. Trần Quốc Bảo, Trưởng khoa Hồi sức tích cực - Chống độc, Bệnh viện Đa khoa tỉnh |",
            "Phó trưởng phòng chuyên môn",
        ),
        "Quảng Ngãi",
        ["Khoa Hồi sức tích cực - Chống độc Bệnh viện Đa khoa tỉnh Quảng Ngãi", "Phòng Nội vụ huyện Sơn Hà"],
    ),
    (
        "district-party-committee-in-a-district-report",
        (
            "ỦY BAN NHÂN DÂN",
            "HUYỆN GIAO THỦY",
            "Số: 156/TTr-UBND",
            "- TT Huyện ủy, TT HĐND huyện (b/c);",
            "Đồn Biên phòng Lóng Sập phối hợp",
        ),
        "Nam Định",
        [
            "Thường trực Hội đồng nhân dân huyện Giao Thủy",
            "Thường trực Huyện ủy Giao Thủy",
            "Ủy ban nhân dân huyện Giao Thủy",
            "Đồn Biên phòng Lóng Sập",
        ],
    ),
    (
        "same-body-of-each-place-listed",
        (
            "- UBND huyện Thủy Nguyên, huyện An Dương lưu ý: từ ngày 01/01/2025 thành lập thành phố Thủy Nguyên.",
            "4 | Ông Nguyễn Bá Thụ | Chủ tịch UBND xã Quảng Hải, huyện Quảng Xương",
        ),
        None,
        ["Ủy ban nhân dân huyện An Dương", "Ủy ban nhân dân huyện Thủy Nguyên", "Ủy ban nhân dân xã Quảng Hải"],
    ),
    (
        "member-posts-and-rehabilitation-centres",
        (
            "6. BSCKI. Phạm Ngọc Ánh - Trưởng phòng Nghiệp vụ Y, Ủy viên (vắng, có lý do).",
            "8 | Cơ sở Cai nghiện ma túy tỉnh Tiền Giang | Bằng khen của Chủ tịch UBND tỉnh |",
            "tra cứu trên Cơ sở Dữ liệu quốc gia về văn bản pháp luật; Chiến sĩ thi đua cơ sở",
        ),
        "Tiền Giang",
        ["Cơ sở Cai nghiện ma túy tỉnh Tiền Giang", "Ủy ban nhân dân tỉnh Tiền Giang"],
    ),
    (
        "hall-is-no-association",
        ("Khối tổ chức ký kết giao ước thi đua tại Hội trường UBMTTQVN tỉnh",),
        "Quảng Trị",
        ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Quảng Trị"],
    ),
    (
        "board-of-a-central-body",
        (
            "- Ban Thi đua - Khen thưởng Tổng LĐLĐ VN;",
            "- Ban Thi đua - Khen thưởng Bộ Tài chính;",
            "Đề nghị Hội đồng Thi đua - Khen thưởng tỉnh tăng số lượng Cờ thi đua",
        ),
        "Thái Bình",
        [
            "Ban Thi đua - Khen thưởng Bộ Tài chính",
            "Ban Thi đua - Khen thưởng Tổng Liên đoàn Lao động Việt Nam",
            "Hội đồng Thi đua - Khen thưởng tỉnh Thái Bình",
        ],
    ),
    (
        "youth-union-committees",
        (
            "5 | Đ/c Lý Thanh Tùng, Bí thư Huyện Đoàn Ngọc Hiển | Chỉ huy trưởng Chiến dịch cấp huyện",
            "6 | Đ/c Lâm Bảo Ngân, Phó Bí thư Đoàn xã Khánh Bình Tây | Vận động 180 triệu đồng",
            "- Căn cứ Điều lệ Đoàn TNCS Hồ Chí Minh;",
        ),
        "Cà Mau",
        ["Huyện đoàn Ngọc Hiển", "Đoàn Thanh niên Cộng sản Hồ Chí Minh", "Đoàn xã Khánh Bình Tây"],
    ),
    (
        "one-body-per-listed-district",
        (
            "2. Cụm thi đua số 2 gồm LĐLĐ các huyện Quỳnh Phụ, Hưng Hà, Đông Hưng, Thái Thụy; Cụm trưởng năm 2024 là "
            "LĐLĐ huyện Hưng Hà.",
            "UBND các huyện Quỳnh Phụ và Hưng Hà báo cáo kết quả",
        ),
        "Thái Bình",
        [
            "Liên đoàn Lao động huyện Hưng Hà",
            "Liên đoàn Lao động huyện Quỳnh Phụ",
            "Liên đoàn Lao động huyện Thái Thụy",
            "Liên đoàn Lao động huyện Đông Hưng",
            "Ủy ban nhân dân huyện Hưng Hà",
            "Ủy ban nhân dân huyện Quỳnh Phụ",
        ],
    ),
    (
        "name-ends-before-a-verb",
        ("Trường THPT chuyên Lê Quý Đôn thông báo kết quả bình xét thi đua, khen thưởng năm học 2023 - 2024 như sau:",),
        "Ninh Thuận",
        ["Trường Trung học phổ thông chuyên Lê Quý Đôn"],
    ),
    (
        "board-in-brackets-after-qua",
        (
            "Hồ sơ gửi về Liên đoàn Lao động tỉnh (qua Ban Tổ chức - Kiểm tra) trước ngày 10/12/2024;",
            "Tờ trình gửi UBND tỉnh (qua Sở Nội vụ)",
        ),
        "Thái Bình",
        [
            "Ban Tổ chức - Kiểm tra Liên đoàn Lao động tỉnh Thái Bình",
            "Liên đoàn Lao động tỉnh Thái Bình",
            "Sở Nội vụ tỉnh Thái Bình",
            "Ủy ban nhân dân tỉnh Thái Bình",
        ],
    ),
    (
        "central-committees-of-the-unions",
        (
            "Căn cứ Chỉ thị số 24-CT/TW ngày 13/12/2023 của Ban Bí thư về tăng cường sự lãnh đạo của Đảng;",
            "Căn cứ Hướng dẫn số 12-HD/TWĐTN-VP của Ban Bí thư Trung ương Đoàn về công tác thi đua;",
            "Hồ sơ đề nghị Bằng khen của Ban Chấp hành Trung ương Đoàn gồm: tờ trình, biên bản họp xét",
            "Đề nghị Ban Thường vụ Trung ương Hội Cựu chiến binh Việt Nam tặng Bằng khen",
            "Đoàn Chủ tịch Trung ương Hội LHPN Việt Nam tặng Bằng khen",
            "- Tỉnh đoàn được Ban Chấp hành Trung ương Đoàn TNCS Hồ Chí Minh tặng Bằng khen.",
        ),
        "Phú Yên",
        [
            "Ban Bí thư Trung ương Đoàn",
            "Ban Bí thư Trung ương Đảng",
            "Ban Chấp hành Trung ương Đoàn",
            "Ban Chấp hành Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh",
            "Tỉnh đoàn Phú Yên",
            "Ban Thường vụ Trung ương Hội Cựu chiến binh Việt Nam",
            "Đoàn Chủ tịch Trung ương Hội Liên hiệp Phụ nữ Việt Nam",
        ],
    ),
    (
        "lower-case-bo-before-a-body",
        ("5 | Thiếu úy Trần Văn Nam | Cán bộ Công an xã Phúc Thọ, huyện Lâm Hà | Phát hiện 02 vụ",),
        "Lâm Đồng",
        ["Công an xã Phúc Thọ"],
    ),
    (
        "police-fire-rooms-whole-and-their-parent",
        (
            "1 | Phòng Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ, Công an tỉnh Thanh Hóa | Có thành tích",
            "3 | Đội Cảnh sát PCCC và CNCH khu vực Sầm Sơn, Phòng Cảnh sát PCCC và CNCH | Có thành tích",
        ),
        "Thanh Hóa",
        [
            "Phòng Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ Công an tỉnh Thanh Hóa",
            "Đội Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ khu vực Sầm Sơn",
        ],
    ),
    (
        "police-post-takes-its-city-police-after-a-comma",
        (
            "3 | Đồn Công an Lộc Châu, Công an thành phố Bảo Lộc | Phát hiện, xử lý 06 vụ",
            "Đồn Biên phòng Bu Prăng phối hợp với Đồn Công an Lộc Châu.",
        ),
        "Lâm Đồng",
        ["Đồn Biên phòng Bu Prăng", "Đồn Công an Lộc Châu Công an thành phố Bảo Lộc"],
    ),
    (
        "logistics-rooms-not-cut-at-can",
        (
            "c) Thiếu tá QNCN Nguyễn Thị Kim Loan, Nhân viên Phòng Hậu cần - Kỹ thuật, Bộ Chỉ huy Quân sự tỉnh;",
            "kinh phí khen thưởng do Phòng Hậu cần Công an tỉnh chi từ quỹ thi đua",
        ),
        "Bến Tre",
        ["Phòng Hậu cần - Kỹ thuật Bộ Chỉ huy Quân sự tỉnh Bến Tre", "Phòng Hậu cần Công an tỉnh Bến Tre"],
    ),
    (
        "school-issuer-owns-its-groups-and-union",
        (
            "SỞ GD&ĐT TỈNH NGHỆ AN        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "TRƯỜNG THPT ANH SƠN       Độc lập - Tự do",
            "Căn cứ biên bản họp Hội đồng Thi đua - Khen thưởng nhà trường ngày 20/5/2024,",
            '- Tổ Lịch sử - Địa lí - GDCD: đề nghị công nhận danh hiệu "Tập thể lao động tiên tiến".',
            "2 | Trần Văn An | Tổ trưởng tổ Hóa - Sinh | 40/42",
            "Tổ công tác của nhà trường rà soát hồ sơ.",
            "- Công đoàn trường;",
        ),
        "Nghệ An",
        [
            "Công đoàn Trường Trung học phổ thông Anh Sơn",
            "Hội đồng Thi đua - Khen thưởng Trường Trung học phổ thông Anh Sơn",
            "Sở Giáo dục và Đào tạo tỉnh Nghệ An",
            "Trường Trung học phổ thông Anh Sơn",
            "Tổ Hóa - Sinh Trường Trung học phổ thông Anh Sơn",
            "Tổ Lịch sử - Địa lí - GDCD Trường Trung học phổ thông Anh Sơn",
        ],
    ),
]


# Official names with commas inside, read whole where something ends them (a place, a parent, the end
# of the clause), and units numbered in a list (issue 13).
FOUND += [
    (
        "comma-names-end-at-a-parent-or-the-clause",
        (
            "Phó Cục trưởng Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao, Bộ Công an 16",
            "Theo ước tính của Viện Nghiên cứu xã hội, kinh tế và môi trường (iSEE), có hơn một nghìn người",
            "[7]– Uỷ viên Uỷ ban Khoa học, công nghệ và môi trường Quốc hội.",
            "- Vụ Thanh tra, giải quyết khiếu nại, tố cáo và phòng, chống tham nhũng;",
        ),
        None,
        [
            "Bộ Công an",
            "Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao",
            "Viện Nghiên cứu xã hội, kinh tế và môi trường",
            "Ủy ban Khoa học, Công nghệ và Môi trường Quốc hội",
            "Vụ Thanh tra, giải quyết khiếu nại, tố cáo và phòng, chống tham nhũng",
        ],
    ),
    (
        "capitalised-comma-lists-closed-by-va-or-cua-a-body-go-on-with-the-name",
        (
            "Ông là Ủy viên Ủy ban Văn hóa, Giáo dục, Thanh niên, Thiếu niên và Nhi đồng của Quốc hội khóa XII.",
            "Phó Chủ nhiệm Ủy ban Quốc phòng, An ninh và Đối ngoại của Quốc hội.",
            "Ủy viên Ủy ban Tài chính, Ngân sách của Quốc hội.",
            "Phòng Nội vụ, Tư pháp và Lao động cùng UBND huyện Đông Anh",
            "Ban Tuyên giáo, Văn phòng của Tỉnh ủy Bắc Ninh",
        ),
        None,
        [
            "Quốc hội",
            "Tỉnh ủy Bắc Ninh",
            "Ủy ban nhân dân huyện Đông Anh",
            "Ủy ban Quốc phòng, An ninh và Đối ngoại",
            "Ủy ban Tài chính, Ngân sách",
            "Ủy ban Văn hóa, Giáo dục, Thanh niên, Thiếu niên và Nhi đồng",
        ],
    ),
    (
        "a-region-or-a-city-is-read-whole-inside-a-name",
        (
            "Ông làm việc tại Trung tâm Vật lý lý thuyết châu Á - Thái Bình Dương ở Seoul.",
            "Ông học tại Trường Đại học Thái Bình Dương ở Nha Trang.",
            "Trường Đại học Nha Trang tuyển sinh",
            "giám mục phó Giáo phận Nha Trang Giuse Võ Đức Minh",
            "Ông là Cục trưởng Cục Chính trị lực lượng Công an vũ trang từ năm 1970.",
        ),
        None,
        [
            "Cục Chính trị lực lượng Công an vũ trang",
            "Trung tâm Vật lý lý thuyết châu Á - Thái Bình Dương",
            "Trường Đại học Nha Trang",
            "Trường Đại học Thái Bình Dương",
        ],
    ),
    (
        "an-international-bodys-foreign-initials-are-no-part-of-its-name",
        (
            "Việt Nam gia nhập Liên hiệp Viễn thông Quốc tế ITU (1951), Quỹ Tiền tệ Quốc tế IMF và Hiệp hội "
            "Phát triển Quốc tế IDA.",
            "Ông học tại Trường Đại học Quốc tế RMIT Việt Nam.",
        ),
        None,
        [
            "Hiệp hội Phát triển Quốc tế",
            "Liên hiệp Viễn thông Quốc tế",
            "Quỹ Tiền tệ Quốc tế",
            "Trường Đại học Quốc tế RMIT Việt Nam",
        ],
    ),
    (
        "a-sentence-glued-to-a-name-without-a-space-ends-it",
        ("Cục Địch vận, Nhà xuất bản Vệ quốc quân.Thứ ba là Tổng cục Cung cấp.",),
        None,
        ["Cục Địch vận", "Nhà xuất bản Vệ quốc quân"],
    ),
    (
        "comma-name-ends-at-its-place-and-standing-agency-names-the-board",
        (
            "Đề nghị các đơn vị gửi về Công an tỉnh, Cơ quan Thường trực Ban Chỉ đạo phòng, chống tội phạm, tệ nạn "
            "xã hội và xây dựng phong trào toàn dân bảo vệ an ninh tổ quốc tỉnh (qua Phòng Tham mưu - Công an tỉnh) "
            "để theo dõi.",
        ),
        "Đồng Nai",
        [
            "Ban Chỉ đạo phòng, chống tội phạm, tệ nạn xã hội và xây dựng phong trào toàn dân bảo vệ an ninh tổ quốc "
            "tỉnh Đồng Nai",
            "Công an tỉnh Đồng Nai",
            "Phòng Tham mưu Công an tỉnh Đồng Nai",
        ],
    ),
    (
        "commas-that-list-kinds-or-posts-end-the-name",
        (
            "Thủ trưởng Sở Nội vụ, cơ quan, đơn vị có liên quan chịu trách nhiệm thi hành.",
            "- PGS.TS. Đinh Văn Thành: Viện trưởng Viện Nghiên cứu Thương mại, cựu sinh viên.",
            "Điều 2. Chánh Văn phòng, Trưởng Ban Kế toán - Tài chính, Trưởng Ban Chất lượng Tập đoàn chịu trách nhiệm",
            "1. Văn phòng Bộ Nội vụ, Thủ trưởng các cơ quan, đơn vị thuộc Bộ Nội vụ;",
        ),
        "Bắc Ninh",
        [
            "Ban Chất lượng tỉnh Bắc Ninh",
            "Ban Kế toán - Tài chính tỉnh Bắc Ninh",
            "Bộ Nội vụ",
            "Sở Nội vụ tỉnh Bắc Ninh",
            "Văn phòng Bộ Nội vụ",
            "Văn phòng Ủy ban nhân dân tỉnh Bắc Ninh",
            "Viện Nghiên cứu Thương mại",
        ],
    ),
    (
        "science-is-no-faculty",
        (
            "trên cơ sở ý kiến tham mưu của Phòng Quản lý Khoa học và Đối ngoại, Trường Đại học Mở Hà Nội.",
            "Hội đồng Khoa học, sáng kiến tỉnh Bắc Ninh họp xét",
        ),
        None,
        ["Hội đồng Khoa học, sáng kiến tỉnh Bắc Ninh", "Phòng Quản lý Khoa học và Đối ngoại Trường Đại học Mở Hà Nội"],
    ),
    (
        "units-numbered-in-a-list-and-names-ending-at-a-number",
        (
            "- Cục Thanh tra, giám sát ngân hàng I, II, III;",
            "20–12.2022 | Nguyên Phó Tổng cục trưởng Tổng cục II, Phó Chủ nhiệm Tổng cục Chính trị",
            '"Bệnh viện Quân y 175 đón nhận Huân chương Độc lập hạng Nhất".',
        ),
        None,
        [
            "Bệnh viện Quân y 175",
            "Cục Thanh tra, giám sát ngân hàng I",
            "Cục Thanh tra, giám sát ngân hàng II",
            "Cục Thanh tra, giám sát ngân hàng III",
            "Tổng cục Chính trị",
            "Tổng cục II",
        ],
    ),
]


# Coordinated lists that name several bodies, one body per item (annotation rule R6).
FOUND += [
    (
        "lists-of-provinces-and-of-fields",
        (
            "Nơi nhận:",
            "- UBND các tỉnh, thành phố: Đồng Nai, Bình Dương, Hà Nội;",
            "- Sở: NN&MT, TC, VH,TT&DL, GD&ĐT;",
            "Giám đốc các Sở: Nội vụ, Tài chính, Kế hoạch và Đầu tư chịu trách nhiệm thi hành.",
            "đối với danh hiệu cấp Nhà nước và cấp Bộ: thực hiện theo quy định tại Luật Thi đua, khen thưởng",
        ),
        "Cần Thơ",
        [
            "Sở Giáo dục và Đào tạo thành phố Cần Thơ",
            "Sở Kế hoạch và Đầu tư thành phố Cần Thơ",
            "Sở Nông nghiệp và Môi trường thành phố Cần Thơ",
            "Sở Nội vụ thành phố Cần Thơ",
            "Sở Tài chính thành phố Cần Thơ",
            "Sở Văn hóa, Thể thao và Du lịch thành phố Cần Thơ",
            "Ủy ban nhân dân thành phố Hà Nội",
            "Ủy ban nhân dân tỉnh Bình Dương",
            "Ủy ban nhân dân tỉnh Đồng Nai",
        ],
    ),
    (
        "abbreviated-ministry-and-procedures-in-noi-nhan",
        ("Nơi nhận:", "- Ban TĐKT Trung ương - BNV;", "- Cục Kiểm soát TTHC, VPCP;"),
        None,
        [
            "Ban Thi đua - Khen thưởng Trung ương",
            "Bộ Nội vụ",
            "Cục Kiểm soát thủ tục hành chính",
            "Văn phòng Chính phủ",
        ],
    ),
]


# Abbreviations: written out from the document's own long names, or left out when nothing explains them.
FOUND += [
    (
        "abbreviations-written-out-from-the-documents-long-names",
        (
            "Nơi nhận:",
            "- Trung tâm PV HCC tỉnh;",
            "Niêm yết công khai tại Trung tâm Phục vụ hành chính công tỉnh, trên Cổng Dịch vụ công quốc gia;",
            "- Lưu: VT, Ban CLG.",
            "- Trung tâm TT, DL và CNS Thành phố;",
        ),
        "Hà Tĩnh",
        ["Cổng Dịch vụ công quốc gia", "Trung tâm Phục vụ hành chính công tỉnh Hà Tĩnh"],
    ),
    (
        "school-abbreviated-by-its-initials",
        (
            "Căn cứ Quyết định số 85/QĐ-ĐHM ngày 09/01/2024 của Hiệu trưởng Trường Đại học Mở Hà Nội về việc ban hành;",
            "2 Hướng dẫn 2345/HD-ĐHM ngày 18/06/2024 về việc ĐGXL chất lượng đối với đơn vị và VC, NLĐ thuộc Trường ĐHM HN",
            "- Cục Kiểm tra văn bản và Quản lý XLVP hành chính - Bộ Tư pháp;",
            "- Trường THCS&THPT Tố Hữu;",
        ),
        None,
        [
            "Bộ Tư pháp",
            "Cục Kiểm tra văn bản và Quản lý XLVP hành chính",
            "Trường Trung học cơ sở và Trung học phổ thông Tố Hữu",
            "Trường Đại học Mở Hà Nội",
        ],
    ),
    (
        "abbreviated-board-of-a-central-department",
        ("BỘ TÀI CHÍNH", "CỤC HẢI QUAN", "Số: 39992/CHQ-GSQL", "KT. TRƯỞNG BAN GIÁM SÁT QUẢN LÝ VỀ HQ", "VỤ CQĐP"),
        None,
        ["Ban Giám sát quản lý về Hải quan", "Bộ Tài chính", "Cục Hải quan"],
    ),
]


# Sub-units completed with their real parent: a school's rooms and councils are the school's, a
# ministry's units stand alone (rule R11), a room is no province's own but in a people's committee's
# "Nơi nhận" its office's.
FOUND += [
    (
        "school-under-a-ministry-owns-its-rooms-and-councils",
        (
            "BỘ GIÁO DỤC VÀ ĐÀO TẠO TRƯỜNG ĐẠI HỌC MỞ HÀ NỘI",
            "Số: 2346 /HD-ĐHM CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "a) Hội đồng xét sáng kiến của trường tổ chức xét và công nhận sáng kiến",
            "trên cơ sở ý kiến tham mưu của Phòng Quản lý Khoa học và Đối ngoại.",
            "b) Đối với Chủ tịch Hội đồng trường, Hiệu trưởng, các Phó Hiệu trưởng",
            "theo hướng dẫn của Phòng TCHC (đơn vị thường trực Hội đồng TĐKT trường)",
            "về Phòng Tổ chức Hành chính (trừ văn bản có nội dung thuộc bí mật nhà nước).",
            "theo quy định của Hội đồng Chức danh Giáo sư nhà nước.",
        ),
        "Hà Nội",
        [
            "Bộ Giáo dục và Đào tạo",
            "Hội đồng Chức danh Giáo sư nhà nước",
            "Hội đồng Thi đua - Khen thưởng Trường Đại học Mở Hà Nội",
            "Hội đồng Trường Đại học Mở Hà Nội",
            "Hội đồng xét sáng kiến Trường Đại học Mở Hà Nội",
            "Phòng Quản lý Khoa học và Đối ngoại Trường Đại học Mở Hà Nội",
            "Phòng Tổ chức Hành chính Trường Đại học Mở Hà Nội",
            "Trường Đại học Mở Hà Nội",
        ],
    ),
    (
        "ministry-circular-names-its-units-alone-and-no-provinces-departments",
        (
            "BỘ XÂY DỰNG",
            "Số: 55/2025/TT-BXD",
            "8. Hồ sơ được lập thành 01 bộ gửi đến Bộ Xây dựng (Vụ Tổ chức cán bộ);",
            "e) Cá nhân có quá trình công tác tại Bộ Xây dựng, Sở Xây dựng, Sở Quy hoạch - Kiến trúc các tỉnh",
            "b) Căn cứ quy định, Văn phòng Bộ xây dựng báo cáo tổng hợp",
            "Chủ tịch Hội đồng là Lãnh đạo Bộ phụ trách Văn phòng Bộ;",
            "c) Thường trực Hội đồng Thi đua - Khen thưởng gồm Chủ tịch Hội đồng",
        ),
        "Hà Nội",
        [
            "Bộ Xây dựng",
            "Thường trực Hội đồng Thi đua - Khen thưởng Bộ Xây dựng",
            "Văn phòng Bộ Xây dựng",
            "Vụ Tổ chức cán bộ",
        ],
    ),
    (
        "rooms-of-a-committees-office-and-no-provinces-rooms",
        (
            "ỦY BAN NHÂN DÂN",
            "THÀNH PHỐ HỒ CHÍ MINH",
            "Số: 4085/UBND-ĐT",
            "Hằng năm, Phòng Nội vụ cấp huyện phối hợp với Phòng Tài chính - Kế hoạch tham mưu",
            "Điều 3. Chánh Văn phòng Ủy ban nhân dân Thành phố chịu trách nhiệm thi hành.",
            "Nơi nhận:",
            "- VPUB: CVP, các PVP;",
            "- Phòng Đô thị, TTHCC;",
        ),
        None,
        [
            "Phòng Đô thị Văn phòng Ủy ban nhân dân thành phố Hồ Chí Minh",
            "Văn phòng Ủy ban nhân dân thành phố Hồ Chí Minh",
            "Ủy ban nhân dân thành phố Hồ Chí Minh",
        ],
    ),
    (
        "national-enterprise-names-its-boards-alone",
        (
            "TẬP ĐOÀN BƯU CHÍNH VIỄN THÔNG VIỆT NAM",
            "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Số: Hà Nội, ngày tháng năm",
            "Điều 2. Chánh Văn phòng, Trưởng Ban Kế toán - Tài chính, Trưởng Ban Chất lượng, Trưởng Ban Công nghệ Tập "
            "đoàn và Tổng Giám đốc/Giám đốc các đơn vị có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.",
        ),
        "Hà Nội",
        [
            "Ban Chất lượng",
            "Ban Công nghệ",
            "Ban Kế toán - Tài chính",
            "Tập đoàn Bưu chính Viễn thông Việt Nam",
            "Văn phòng Tập đoàn Bưu chính Viễn thông Việt Nam",
        ],
    ),
]


# Words glued to names: the verb a body does ends its name, and "cùng cấp" makes a kind of body.
FOUND += [
    (
        "verbs-after-a-body-end-its-name",
        (
            "[143] - Báo Nhân dân đưa tin liên tục về kỳ bầu cử.",
            "Tháng 8 năm 1954, Hội đồng Chính phủ họp kỳ trung tuần tháng 8 năm 1954",
            "Ngày nay, Đại học Đà Lạt trở thành một trường đại học đa ngành",
            "chính thức giao quyền cho Hội Thừa sai Paris phụ trách.",
            "UBND cấp xã có trách nhiệm phối hợp chặt chẽ với Thường trực Ủy ban MTTQ Việt Nam cùng cấp thực hiện",
        ),
        None,
        ["Báo Nhân dân", "Hội Thừa sai Paris", "Hội đồng Chính phủ", "Đại học Đà Lạt"],
    ),
]


# Names inside a law's name are no mentions; a national body and its provincial committees; an
# enterprise's units named by its brand.
FOUND += [
    (
        "bodies-in-law-names-and-the-national-front",
        (
            "Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương",
            "Mặt trận Tổ quốc Việt Nam, các tổ chức thành viên của Mặt trận và các tổ chức xã hội khác",
        ),
        None,
        ["Mặt trận Tổ quốc Việt Nam"],
    ),
    (
        "front-committee-of-a-province",
        (
            "gửi kết quả đến Thường trực HĐND tỉnh, Ban Thường trực MTTQ Việt Nam tỉnh; đến cơ quan, tổ chức",
            "các Sở, ban, ngành, Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội tỉnh; UBND các xã",
        ),
        "Nghệ An",
        ["Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Nghệ An", "Thường trực Hội đồng nhân dân tỉnh Nghệ An"],
    ),
    (
        "enterprise-units-named-by-its-brand",
        (
            "Căn cứ Nghị định số 25/2016/NĐ-CP về Điều lệ tổ chức và hoạt động của Tập đoàn Bưu chính Viễn thông Việt Nam;",
            "1 | VNPT IT | Giải Nhất | 3.000.000 đ",
            "2 | VNPT Đà Nẵng | Giải Nhì | 2.000.000 đ",
        ),
        None,
        ["Tập đoàn Bưu chính Viễn thông Việt Nam", "VNPT IT", "VNPT Đà Nẵng"],
    ),
]


# Official names that hold a function word or a local body's field ("có công", "Bảo hiểm xã hội").
FOUND += [
    (
        "ministry-units-named-with-function-words-and-fields",
        (
            "BỘ NỘI VỤ",
            "Số: 12/2025/TT-BNV",
            "a) Các Vụ, Văn phòng Bộ, Cục Văn thư và Lưu trữ nhà nước, Cục Tiền lương và Bảo hiểm xã hội, Cục Việc làm, "
            "Cục Người có công;",
            "b) Viện Khoa học Tổ chức nhà nước và Lao động, Tạp chí Tổ chức nhà nước và Lao động, Báo Dân trí;",
            "d) Văn phòng Bộ là Cơ quan Thường trực Hội đồng. Trưởng phòng Phòng Thi đua - Khen thưởng và Truyền "
            "thông, Văn phòng Bộ là Ủy viên kiêm Thư ký Hội đồng.",
        ),
        "Hà Nội",
        [
            "Báo Dân trí",
            "Bộ Nội vụ",
            "Cục Người có công",
            "Cục Tiền lương và Bảo hiểm xã hội",
            "Cục Việc làm",
            "Cục Văn thư và Lưu trữ nhà nước",
            "Phòng Thi đua - Khen thưởng và Truyền thông Văn phòng Bộ Nội vụ",
            "Tạp chí Tổ chức nhà nước và Lao động",
            "Viện Khoa học Tổ chức nhà nước và Lao động",
            "Văn phòng Bộ Nội vụ",
        ],
    ),
    (
        "customs-team-and-its-branch",
        (
            "BỘ TÀI CHÍNH",
            "TỔNG CỤC HẢI QUAN",
            "CỤC HẢI QUAN TP. HẢI PHÒNG",
            "Số: 845/HQHP-TCCB",
            "- Đội Kiểm soát chống buôn lậu, Chi cục Kiểm tra sau thông quan: phát hiện, xử lý 37 vụ vi phạm",
        ),
        "Hải Phòng",
        [
            "Bộ Tài chính",
            "Cục Hải quan thành phố Hải Phòng",
            "Tổng cục Hải quan",
            "Đội Kiểm soát chống buôn lậu Chi cục Kiểm tra sau thông quan thành phố Hải Phòng",
        ],
    ),
]


# Names cut or doubled by the page: a line that ends in "và", a post's word before the board's.
FOUND += [
    (
        "names-cut-by-a-line-or-doubled-by-a-post",
        (
            "1. Trách nhiệm của Sở Nông nghiệp và",
            "KT. TRƯỞNG BAN BAN CHÍNH SÁCH,",
            "thuộc phạm vi, chức năng quản lý của Sở Văn hóa, Thể thao và Du lịch tỉnh Bắc Ninh Tiếng Anh",
        ),
        "Ninh Bình",
        ["Ban Chính sách tỉnh Ninh Bình", "Sở Văn hóa, Thể thao và Du lịch tỉnh Bắc Ninh"],
    ),
]


# Bodies of the public taxonomy and the press merged in 2025; a plural taking in a list of types.
FOUND += [
    (
        "former-government-associations-merged-press-and-plural-lists",
        (
            "d) Quyết định số 176-HĐBT ngày 09 tháng 9 năm 1989 của Hội đồng Bộ trưởng nay là Chính phủ",
            "đ) Giấy chứng nhận thanh niên xung phong của Tổng hội Thanh niên xung phong được cấp",
            "a) Các Tập đoàn, Tổng công ty nhà nước và các doanh nghiệp cổ phần",
            "4. Báo và Đài Phát thanh, Truyền hình Lâm Đồng tăng cường công tác tuyên truyền",
            "- Báo và Phát thanh, Truyền hình Lâm Đồng;",
        ),
        "Lâm Đồng",
        [
            "Báo và Phát thanh, Truyền hình Lâm Đồng",
            "Chính phủ",
            "Hội đồng Bộ trưởng",
            "Tổng hội Thanh niên xung phong",
        ],
    ),
]


# A type standing bare inside a name ("và Thư viện"), a list of representatives.
FOUND += [
    (
        "bare-type-inside-a-name-and-representatives-listed",
        (
            "BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH",
            "Số: 10/2025/TT-BVHTTDL",
            "Điều 3. Cục trưởng Cục Văn hóa cơ sở, Gia đình và Thư viện và Chánh Văn phòng Bộ.*",
            "- Thành phần: Đại diện Lãnh đạo Chi cục Thủy sản và Biển đảo, đại diện Chi cục Chăn nuôi và Thú y;",
        ),
        "Hà Nội",
        [
            "Bộ Văn hóa, Thể thao và Du lịch",
            "Chi cục Chăn nuôi và Thú y",
            "Chi cục Thủy sản và Biển đảo",
            "Cục Văn hóa cơ sở, Gia đình và Thư viện",
            "Văn phòng Bộ Văn hóa, Thể thao và Du lịch",
        ],
    ),
]


# Words that make a type's word part of another word or name: "dịch vụ", "cán bộ", places listed after
# a plural level; proper names that end before a lower-case word; a known name never read across a comma.
FOUND += [
    (
        "type-words-inside-other-words-and-place-lists",
        (
            "NINH, TRẬT TỰ - CẤP GIẤY PHÉP ĐỦ ĐIỀU KIỆN KINH DOANH DỊCH VỤ KARAOKE",
            "quy mô dân số của các xã Hoa Sơn, Hội Sơn và Tường Sơn thành xã mới có tên gọi là xã Hội Sơn.",
            "2.10. Đề nghị Viện kiểm sát nhân dân tỉnh, Tòa án nhân dân tỉnh",
            "Chỉ đạo lực lượng các cấp, phối hợp với Công an tỉnh, Ủy ban nhân dân các xã",
        ),
        "Đồng Nai",
        ["Công an tỉnh Đồng Nai", "Tòa án nhân dân tỉnh Đồng Nai", "Viện kiểm sát nhân dân tỉnh Đồng Nai"],
    ),
    (
        "proper-names-end-before-lower-case-words",
        (
            "dự kiến vào, ra Cảng quốc tế Cam Ranh, Công ty Tân Cảng - Petro Cam Ranh lập 01 bộ hồ sơ",
            "gửi trực tiếp đến Công ty Tân Cảng - Petro Cam Ranh và cơ quan, đơn vị chủ trì kế hoạch",
            "tổ chức của Ban Quản lý Khu Công nghệ cao Hòa Lạc thuộc Bộ Khoa học và Công nghệ.",
            "Nông nghiệp và Môi trường, Thuế Thành phố Hà Nội, Văn phòng Đăng ký đất đai Hà Nội, một số",
        ),
        None,
        [
            "Ban Quản lý Khu Công nghệ cao Hòa Lạc",
            "Bộ Khoa học và Công nghệ",
            "Công ty Tân Cảng - Petro Cam Ranh",
            "Thuế thành phố Hà Nội",
            "Văn phòng Đăng ký đất đai Hà Nội",
        ],
    ),
]


# Read on public texts (benchmarks/audit.py): names cut by a word that is a stop word elsewhere, a
# national force inside a name, a post written like a body, a page of no province naming a "Sở".
FOUND += [
    (
        "names-read-on-public-texts",
        (
            "Sân bay được khai thác bởi Công ty Cổ phần Hàng không VietJet.",
            "các nhà thầu như Công ty Xây dựng - Thương mại Sài Gòn 5 thi công",
            "Bà từng là Phó Chủ tịch Ủy ban Quốc gia về thanh niên Việt Nam.",
            "Ông từng giữ chức Phó Tổng cục trưởng, Cục trưởng Cục Du lịch Quốc gia Việt Nam.",
            "Giám đốc Học viện Chính trị Công an nhân dân",
            "Bên cạnh đó, Tạp chí Truyền hình được sáp nhập vào Ban Thư ký biên tập.",
            "Ông là Ủy viên Bộ Chính trị, Thường trực Ban Bí thư.",
            "Câu lạc bộ Thư pháp ban đầu chỉ có nhà thư pháp Nguyễn Đình.",
        ),
        None,
        [
            "Ban Thư ký biên tập",
            "Bộ Chính trị",
            "Câu lạc bộ Thư pháp",
            "Công ty Cổ phần Hàng không VietJet",
            "Công ty Xây dựng - Thương mại Sài Gòn 5",
            "Cục Du lịch Quốc gia Việt Nam",
            "Học viện Chính trị Công an nhân dân",
            "Tạp chí Truyền hình",
            "Ủy ban Quốc gia về thanh niên Việt Nam",
        ],
    ),
]


# Markdown emphasis that splits a word of a name never reaches the name.
FOUND += [
    (
        "emphasis-inside-a-name",
        ("**BỘ C****ÔNG THƯƠNG**", "Số: 05/2025/TT-BCT", "- Cổng thông tin điện tử Bộ Công Thương;"),
        None,
        ["Bộ Công Thương", "Cổng Thông tin điện tử Bộ Công Thương"],
    ),
]


# The re-audit of public texts (/work/notes/audit2-findings.md, O1-O7), as classes.
FOUND += [
    (
        "verbs-and-issues-glued",
        (
            "Tài liệu do Bộ Quốc gia Giáo dục ấn hành năm 1959.",
            "Năm 1954 Liên hiệp Pháp chấm dứt tồn tại.",
            "Báo Nhân văn số 6 có bài kích động.",
            "Nguyễn Ngọc Hà, Tạp chí Triết học, số 4 (203), tháng 4 - 2008.",
            "Theo Tạp chí Time, quân Việt Nam tiến hành tấn công.",
            "Báo Tin tức - Kênh thông tin Chính phủ do Thông tấn xã Việt Nam quản lý",
            "Hà Nội: Nhà xuất bản Khoa học xã hội - Ngô Sĩ Liên (1998)",
            "Quỹ Tiền tệ Quốc tế, Ngân hàng Phát triển châu Á và Chương trình Colombo.",
        ),
        None,
        [
            "Bộ Quốc gia Giáo dục",
            "Báo Nhân văn",
            "Báo Tin tức",
            "Chính phủ",
            "Liên hiệp Pháp",
            "Ngân hàng Phát triển châu Á",
            "Nhà xuất bản Khoa học xã hội",
            "Quỹ Tiền tệ Quốc tế",
            "Thông tấn xã Việt Nam",
            "Tạp chí Time",
            "Tạp chí Triết học",
        ],
    ),
    (
        "names-that-stay-whole",
        (
            "Báo Bà Rịa-Vũng Tàu.",
            "- Tạp chí Kinh tế - Tài chính",
            "Học viện Mác-Lê Nin, sau đó",
            "- Vụ Trung Đông - Châu Phi;",
            "Trường Cao đẳng Kinh tế - Kế hoạch Đà Nẵng",
        ),
        None,
        [
            "Báo Bà Rịa - Vũng Tàu",
            "Học viện Mác - Lê Nin",
            "Trường Cao đẳng Kinh tế - Kế hoạch Đà Nẵng",
            "Tạp chí Kinh tế - Tài chính",
            "Vụ Trung Đông - Châu Phi",
        ],
    ),
    (
        "persons-named-doan",
        (
            "Các nhạc sĩ Từ Linh, Đoàn Chuẩn, Văn Cao.",
            "Đoàn Khuê - Đại tướng",
            "Đoàn Luật sư tỉnh Bình Thuận",
            "Xét xử vụ Trịnh Xuân Thanh.",
            "TOÀN CẢNH XÉT XỬ VỤ TRỊNH XUÂN THANH",
            "Ngoài Trưởng Ban Phan Đình Trạc, còn có",
            "- Vụ Châu Âu;",
            "Viện Trần Nhân Tông tổ chức hội thảo.",
        ),
        None,
        ["Viện Trần Nhân Tông", "Vụ Châu Âu", "Đoàn Luật sư tỉnh Bình Thuận"],
    ),
    (
        "foreign-bodies",
        (
            "Bộ Ngoại giao Trung Quốc yêu cầu bổ sung.",
            "Quốc hội Châu Âu lên án.",
            "Chính phủ Việt Nam Cộng hòa ban hành.",
            "Trung tâm Hội nghị Quốc gia Mỹ Đình, Hà Nội",
            "BỘ TƯ PHÁP",
        ),
        None,
        ["Bộ Tư pháp", "Trung tâm Hội nghị Quốc gia"],
    ),
    (
        "offices-and-posts",
        (
            "Ủy viên Bộ Chính trị, Thường trực Ban Bí thư Trung ương Đảng",
            "Ông Du (Trưởng phòng Ban Quản lý dự án tỉnh Bắc Giang)",
        ),
        None,
        ["Ban Bí thư Trung ương Đảng", "Ban Quản lý dự án tỉnh Bắc Giang", "Bộ Chính trị"],
    ),
    (
        "page-of-no-province",
        (
            "- Khối nội chính: Sở Tư pháp, Thanh tra, Công an.",
            "Ông từng là Trưởng Phòng Trồng trọt, Phó Giám đốc Sở Du lịch.",
            "Ủy ban nhân dân tỉnh Bình Phước đã đề nghị Sở Tư pháp thu hồi hai quyết định.",
            "Ông công tác tại Phòng Tình báo Bộ Tham mưu B2.",
            "Cơ quan này có nhiều tên gọi khác nhau, như Sở Liêm phóng (ở Bắc Bộ).",
        ),
        None,
        [
            "Phòng Tình báo Bộ Tham mưu B2",
            "Sở Liêm phóng",
            "Sở Tư pháp tỉnh Bình Phước",
            "Ủy ban nhân dân tỉnh Bình Phước",
        ],
    ),
    (
        "places-that-start-like-bodies",
        (
            "Sáp nhập xã Trường Xuân và xã Trường Sơn thành xã mới có tên gọi là xã Trạm Thản.",
            "phía nam sông Trường Giang",
            "Thủ tướng yêu cầu Đài Truyền hình Việt Nam báo cáo.",
            "Tòa án nhân dân khu vực 17- tỉnh Lâm Đồng | Đối với 04 đơn vị hành chính",
        ),
        None,
        ["Tòa án nhân dân khu vực 17 tỉnh Lâm Đồng", "Đài Truyền hình Việt Nam"],
    ),
    (
        "codes-sites-and-law-names",
        (
            "Bộ luật được xây dựng căn cứ theo Bộ Hoàng Việt Hộ luật (1936-39) và Bộ Dân luật Bắc Kỳ.",
            "Viếng Đài Tổ quốc ghi công ở nghĩa trang Mai Dịch.",
            "Lớn nhất là Đại học Quốc gia Moskva nằm trên Đồi Chim sẻ.",
            "*Căn cứ Luật Tổ chức",
            "Chính phủ số 63/2025/QH15;*",
            "Bộ Tư pháp luật hóa quy định.",
        ),
        None,
        ["Bộ Tư pháp", "Đại học Quốc gia Moskva"],
    ),
    (
        "central-written-tu",
        (
            "Ban Đối ngoại T.Ư tổ chức hội thảo.",
            "Ban Tuyên giáo TƯ, Ủy ban Kiểm tra TƯ.",
            "Tổng Bí thư BCH TƯ Đảng",
            "BỘ KẾ HOẠCH VÀ ĐẦU TƯ",
        ),
        None,
        [
            "Ban Chấp hành Trung ương Đảng",
            "Ban Tuyên giáo Trung ương",
            "Ban Đối ngoại Trung ương",
            "Bộ Kế hoạch và Đầu tư",
            "Ủy ban Kiểm tra Trung ương",
        ],
    ),
    # A name whose next words go on with it is cut: its end is not certain, so it is left out.
    (
        "cut-inside-a-word",
        ("- Cục Tần số vô tuyến điện", "Cục trưởng Cục Điều tra dân số và Thống kê Sri Lanka cho biết"),
        None,
        [],
    ),
    (
        "one-syllable-runs-on",
        (
            "Ngày 15 tháng 6 năm 1951, thành lập Trường Sĩ quan Hậu cần, sau sáp nhập vào Học viện Hậu cần (1974).",
            "- Tập hợp, đoàn kết, động viên người cao tuổi tham gia sinh hoạt Hội Người cao tuổi, góp phần thực "
            "hiện các chương trình kinh tế - văn hóa - xã hội.",
            "Cục Tình báo (Cục II), Bộ Tổng tham mưu năm 1995",
        ),
        None,
        ["Cục II", "Cục Tình báo", "Học viện Hậu cần"],
    ),
    (
        "capitalised-run-on",
        (
            "Tuy nhiên, chính quyền Mặt trận Dân tộc Giải phóng Miền Nam Việt Nam và sau này là Chính phủ Cách "
            "mạng lâm thời Cộng hòa Miền Nam Việt Nam cùng với Việt Nam Dân chủ Cộng hòa không công nhận tên gọi "
            "tỉnh Vĩnh Bình.",
            "Một số khác tham gia Chính phủ Liên hiệp Kháng chiến Việt Nam hoặc đi theo Việt Minh.",
            "Đại hội đã bầu ra Ủy ban Dân tộc Giải phóng Việt Nam, do Hồ Chí Minh làm Chủ tịch.",
            "- Chính phủ Lâm thời Trung Hoa Dân Quốc (1937–1940)",
        ),
        None,
        [],
    ),
    (
        "run-on-words-that-end-no-name",
        (
            "Ông nguyên là Ủy viên Ban Chấp hành Trung ương Đảng Cộng sản Việt Nam khóa XI.",
            "Căn cứ Thông tư số 01/2024/TT-BNV ngày 24/02/2024 của Bộ Nội Vụ Quy định biện pháp thi hành Luật Thi "
            "đua, khen thưởng.",
            "Chủ nhiệm Ủy ban Thanh tra của Chính phủ (1969 - tháng 3 năm 1974)",
        ),
        None,
        ["Ban Chấp hành Trung ương Đảng", "Bộ Nội vụ", "Chính phủ", "Ủy ban Thanh tra"],
    ),
    (
        "type-word-inside-a-word",
        (
            "Năm 1949, ông ra chiến khu, giữ chức Ủy viên Ủy ban Kháng chiến Hành chánh Nam Bộ, Giám đốc Sở Thông "
            "tin Nam Bộ.",
            "Ngày 14 tháng 6 năm 1966, Thủ tướng ký Quyết định thành lập Phân hiệu II Đại học Bách Khoa.",
        ),
        None,
        ["Sở Thông tin Nam Bộ", "Đại học Bách Khoa", "Ủy ban Kháng chiến Hành chánh Nam Bộ"],
    ),
    (
        "closing-quote-ends-the-name",
        (
            'Cùng các hình thức tổ chức "Quỹ Độc lập", "Tuần lễ Vàng", chính quyền cách mạng còn kêu gọi nhân dân.',
            '^"VIỆN Y HỌC CỔ TRUYỀN QUÂN ĐỘI".^"Giới thiệu chung TCT319".^"Kỷ niệm 30 năm Ngày truyền thống"',
        ),
        None,
        ["Quỹ Độc lập", "Viện Y học cổ truyền quân đội"],
    ),
    (
        "year-ends-the-name",
        ("Tuyển tập văn học, tập 3, Nhà xuất bản Văn học 1995; Hồ Chí Minh toàn tập, tập 3.",),
        None,
        ["Nhà xuất bản Văn học"],
    ),
    (
        "verb-after-the-name",
        (
            "Hội đồng Thẩm phán đương nhiệm gồm 15 thành viên:[6][7]",
            "Năm 2017, ông được Trường Đại học Khoa học Xã hội và Nhân văn ghi danh vào danh sách 10 gương mặt "
            "cựu sinh viên tiêu biểu.",
            "Đô thị Sài Gòn sẽ bị ngập lụt. Ngân hàng Phát triển Á châu ước lượng hậu quả là thiệt hại lớn.",
            "Năm 1958, Bộ Thương nghiệp tách ra thành Bộ Nội thương và Bộ Ngoại thương",
        ),
        None,
        [
            "Bộ Ngoại thương",
            "Bộ Nội thương",
            "Bộ Thương nghiệp",
            "Ngân hàng Phát triển Á châu",
            "Trường Đại học Khoa học Xã hội và Nhân văn",
        ],
    ),
    (
        "acting-post-after-a-dash",
        ("- Ban Truyền hình Đối ngoại – Quyền Trưởng ban: Trần Thị Thu Hà.",),
        None,
        ["Ban Truyền hình Đối ngoại"],
    ),
    (
        "school-board-without-its-school",
        (
            "- Ban Giám hiệu",
            "Ban Giám hiệu Trường Cao đẳng Kỹ thuật Cao Thắng",
            "bí thư Ban Cán sự đảng Tổng cục; phó chủ nhiệm",
            "nguyên Bí thư Ban cán sự Đảng Bộ Tư pháp, Phó Bí thư Tỉnh ủy Hà Nam",
        ),
        None,
        ["Ban Cán sự đảng Bộ Tư pháp", "Ban Giám hiệu Trường Cao đẳng Kỹ thuật Cao Thắng", "Tỉnh ủy Hà Nam"],
    ),
    (
        "a-city-is-no-body",
        (
            "Quảng Nam có 2 thị xã: Tam Kỳ (tỉnh lị), Hội An.",
            "Ông sinh ngày 26 tháng 3, 1959 Vụ Bản, Hà Nam.",
            "- Juan Amat, vận động viên khúc côn cầu người Tây Ban Nha và huy chương bạc Olympic (s. 1946)",
            "Tổng thống Mỹ Richard Nixon tới Trung Quốc hội kiến Mao Trạch Đông.",
            "Chuyên án 516E, Vụ án Vũ nhôm và đồng phạm",
        ),
        None,
        [],
    ),
    (
        "board-and-its-topic",
        (
            "Năm 2021, Bộ trưởng Bộ Công an Tô Lâm được bổ nhiệm làm Phó trưởng Ban Chỉ đạo Trung ương về phòng, "
            "chống tham nhũng, tiêu cực.",
            "làm Phó chủ tịch Hội đồng Giáo hoàng về Công lý và Hòa bình đến năm 2001",
            "Thủ tướng bổ nhiệm ông Lê Thành Long làm Ủy viên Ban chỉ đạo Quốc gia phòng, chống dịch COVID-19.",
            "Ban Chỉ đạo Trung ương đã họp phiên thứ nhất.",
        ),
        None,
        ["Bộ Công an"],  # bare "Ban Chỉ đạo Trung ương": which of the central steering committees, no name says
    ),
    (
        "another-government-than-viet-nams",
        (
            "Chính phủ Trung Hoa Dân quốc tuyên bố có chủ quyền không thể xâm phạm ở 2 quần đảo",
            "Thống đốc quân sự Quảng Đông Trần Quýnh Minh cho biết là Chính phủ quân sự miền Nam Trung Quốc ra "
            "quyết định sáp nhập",
            "Pháp thành lập Cộng hòa Tự trị Nam Kỳ do Nguyễn Văn Thinh lãnh đạo. Chính phủ này dùng quốc ca là 1 "
            "bài hát của giáo sư Võ Văn Lúa",
            "Ngày 2/9/1945, thay mặt Chính phủ lâm thời, Chủ tịch Hồ Chí Minh đọc Tuyên ngôn độc lập",
            "Quốc gia Việt Nam tổ chức bầu cử Quốc hội Lập hiến. Quốc hội này ban hành Hiến pháp",
            "Nghị định số 91/2017/NĐ-CP của Chính phủ quy định chi tiết",
        ),
        None,
        ["Chính phủ"],
    ),
    (
        "a-type-and-one-syllable-is-a-place-or-a-person",
        (
            "Khai thác, nuôi trồng thủy sản Lập Lễ; Sản xuất cá giống Hội Am; Con rối Nhân Mục",
            "Đại Việt sử lược chép Lê Hoàn người Trường Châu (thuộc tỉnh Hà Nam Ninh cũ).",
            "Sử gia Ngô Sĩ Liên viết: Vua Đinh, tên Bộ Lĩnh, người làng Đại Hoàng",
            "Ông được táng ở sơn lăng Trường Yên, kinh đô Hoa Lư.",
            "Tổng Thư ký Liên Hợp Quốc Ban Ki-moon từng đánh giá cao",
            "tốt nghiệp Trường trung học Bảo hộ (tức Trường Bưởi, còn gọi là trường Chu Văn An)",
            "Ngày 23 tháng 9 năm 2022, thành lập Trường Đại học Luật trên cơ sở Khoa Luật.",
            "Phó Vụ trưởng Vụ III",
        ),
        None,
        ["Khoa Luật", "Trường Bưởi", "Trường Đại học Luật", "Vụ III"],
    ),
    (
        "defence-and-security-council",
        (
            "Chủ tịch nước Cộng hòa xã hội chủ nghĩa Việt Nam, Chủ tịch Hội đồng Quốc phòng và an ninh nhiệm kỳ "
            "2021 - 2026.",
        ),
        None,
        ["Hội đồng Quốc phòng và An ninh"],
    ),
    (
        "ampersand",
        (
            "Báo cáo của Bộ Kế hoạch & Đầu tư về tình hình kinh tế",
            "Thanh Thư biên dịch. Nhà xuất bản Văn học & Omega Plus. ISBN 9786044779621.",
        ),
        None,
        ["Bộ Kế hoạch và Đầu tư", "Nhà xuất bản Văn học"],
    ),
    (
        "initials-after-a-dash",
        ("Theo Đài Á Châu Tự Do- RFA, ông đã bị bắt", "Viện Hàn lâm Khoa học Thế giới - TWAS"),
        None,
        ["Viện Hàn lâm Khoa học Thế giới", "Đài Á Châu Tự Do"],
    ),
    (
        "a-verb-after-the-name",
        (
            "Năm 1977, Cục Quân báo thu được tài liệu cho thấy Khmer Đỏ coi Việt Nam là đối thủ truyền kiếp",
            "Năm 1987, Bộ Điện lực và Bộ Mỏ và Than hợp nhất thành Bộ Năng lượng (Bộ trưởng: Vũ Ngọc Hải)",
            "đồng thời họ đổi tên Nam Sa thành Trung Sa và đổi tên Đoàn Sa thành Nam Sa.",
            "Công ty TNHH Một thành viên Xổ số kiến thiết Hà Nội; Nhà xuất bản Tổng hợp TP. HCM, 2018.",
            "Tổng thống Ngô Đình Diệm không kiểm soát nổi khủng hoảng chính trị và bị Hội đồng Quân nhân Cách "
            "mạng đảo chính.",
        ),
        None,
        [
            "Bộ Mỏ và Than",
            "Hội đồng Quân nhân Cách mạng",
            "Bộ Năng lượng",
            "Bộ Điện lực",
            "Công ty TNHH Một thành viên Xổ số kiến thiết Hà Nội",
            "Cục Quân báo",
            "Nhà xuất bản Tổng hợp thành phố Hồ Chí Minh",
        ],
    ),
    (
        "a-national-body-of-another-country",
        (
            "Trong văn kiện NSC51 của Bộ Ngoại giao Mỹ gửi Hội đồng An ninh Quốc gia Mỹ (ngày 1 tháng 7 năm 1949)",
            "Theo nguồn tin từ Cục Tình báo Trung ương Hoa Kỳ (CIA), thì từ giữa năm 1967",
            "- Bí thư Tỉnh ủy Việt Nam nhiệm kì 2015–2020",
            "Đứng đầu Viện kiểm sát là Viện trưởng do Viện trưởng Viện Kiểm sát Tối cao bổ nhiệm.",
            "Ông giữ chức Bí thư Đảng ủy Công an Trung ương, Bộ trưởng Bộ Công an",
        ),
        None,
        ["Bộ Công an", "Công an Trung ương", "Viện Kiểm sát Tối cao"],
    ),
    (
        "a-standards-title-in-capitals-is-no-office",
        ("PHÒNG CHÁY CHỮA CHÁY - XE Ô TÔ CHỮA CHÁY - PHẦN 14: XE CỨU NẠN, CỨU HỘ", "Số: 12/2024/TT-BCA"),
        None,
        [],
    ),
    (
        "a-central-committee-of-a-body-named-after-it",
        (
            "Zinoviev và Lev Kamenev khi Ủy ban Trung ương Bolshevik thảo luận việc chuẩn bị một cuộc nổi dậy",
            "Tháng 8 năm 1979, ông làm Phó Văn phòng Trung ương Đoàn; Phó Ban thanh niên xung phong",
            "- Văn phòng Trung ương và các Ban của Đảng;",
        ),
        None,
        ["Văn phòng Trung ương"],
    ),
    (
        "a-friendship-society-of-two-countries",
        (
            "Chủ tịch Liên hiệp các hội khoa học và kỹ thuật Việt Nam, Chủ tịch Hội Hữu nghị Việt Nam - Nhật Bản, "
            "Chủ tịch Hội các ngành sinh học Việt Nam",
            "Ông từng giữ chức Chủ tịch Hội Hữu nghị Việt Nam – Campuchia.",
        ),
        None,
        [
            "Hội Hữu nghị Việt Nam - Campuchia",
            "Hội Hữu nghị Việt Nam - Nhật Bản",
            "Liên hiệp các Hội Khoa học và Kỹ thuật Việt Nam",
        ],
    ),
    (
        "a-headline-verb-ends-the-name",
        (
            "Các chính quyền địa phương thường xuyên tịch thu Báo Việt Nam và bắt giữ những người đọc báo này.",
            '"Đoàn Algeria viếng Tổng Bí thư Nguyễn Phú Trọng".Thông tấn xã Việt Nam.',
        ),
        None,
        ["Báo Việt Nam", "Thông tấn xã Việt Nam"],
    ),
    (
        "an-enterprise-number-ends-its-name",
        ("đổi tên là Đoàn 11 (5/1988), Công ty xây dựng 11 (10/1989), Tổng công ty Xây dựng 11 (4/1991)",),
        None,
        ["Công ty Xây dựng 11", "Tổng công ty Xây dựng 11"],
    ),
    (
        "a-type-inside-a-known-name-in-capitals",
        (
            '"CÔNG BỐ QUYẾT ĐỊNH THÀNH LẬP QUÂN ĐOÀN 12 - QUÂN ĐOÀN ĐẦU TIÊN CỦA QUÂN ĐỘI NHÂN DÂN VIỆT NAM".chinhphu.vn.',
            '"DANH SÁCH NGƯỜI TRÚNG CỬ ĐẠI BIỂU QUỐC HỘI KHOÁ XV". https://quochoi.vn.',
        ),
        None,
        [],
    ),
    (
        "press-and-library-named-by-their-own-names",
        (
            "Mọi hành vi sao chép, đăng tải lại mà không có sự đồng ý của THƯ VIỆN PHÁP LUẬT là vi phạm pháp luật",
            "Xưởng 10 Công binh được Báo Quân khu 3 đưa tin",
        ),
        "Hà Tĩnh",
        ["Báo Quân khu 3", "Thư viện Pháp luật"],
    ),
]


FOUND += [
    (
        "a-common-sub-unit-on-a-page-without-a-header-says-not-whose",
        (
            "Trong bữa tiệc ngay sau khi kết thúc lễ nhậm chức chỉ mời một số linh mục trong Ban Tư vấn, linh mục hạt trưởng",
            "Ông cũng cho thiết lập Hội đồng Giáo dân từ Giáo xứ lên Giáo phận",
            "Tư lệnh Bộ Tư lệnh Quân khu 7 và Bộ Tư lệnh",
            "Ngày 27 tháng 12 năm 1980, Hội đồng Chính phủ ban hành Quyết định số 382-CP",
            "- Hội đồng Dân tộc và các Ủy ban của Quốc hội;",
            "Chủ nhiệm Ủy ban Thống nhất của Chính phủ (28/3/1974 – 1976)",
            "Lực lượng Cảnh sát biển đổi tên thành Bộ Tư lệnh Cảnh sát biển theo Nghị định số 96/2013/NĐ-CP",
            "các bảo tàng nổi tiếng thế giới như Bảo tàng Tretyakov và Bảo tàng Ermitazh",
        ),
        None,
        [
            "Bảo tàng Ermitazh",
            "Bảo tàng Tretyakov",
            "Bộ Tư lệnh Cảnh sát biển",
            "Bộ Tư lệnh Quân khu 7",
            "Hội đồng Chính phủ",
            "Chính phủ",
            "Hội đồng Dân tộc",
            "Quốc hội",
            "Ủy ban Thống nhất",
        ],
    ),
    (
        "another-countrys-parliament-or-a-new-government",
        (
            "dành cho người đứng đầu Chính phủ tại tòa Nhà Quốc hội Australia. Ngay sau đó",
            "Chính phủ New Zealand và Nghị định thư 1 của Hiệp định",
            "Trước đó, 1 Chính phủ mới được thành lập được báo Cứu quốc đưa tin",
        ),
        None,
        ["Chính phủ"],
    ),
    (
        "a-title-a-city-or-an-amount-is-no-body",
        (
            "Việt Nam đã chủ động thông báo với Hội đồng Bảo an vào ngày 11/1/1979",
            "- Nguyễn Duy Quý, Giáo sư, Viện sĩ Việt Nam (s. 1932)",
            "bắt sống quận trưởng quận Đức Lập, chiếm đài phát thanh Ban Mê Thuột kêu gọi thành lập quốc gia độc lập",
            "thông báo đã kết án tỷ phú và phạt Tập đoàn Tomorrow Holding 55,03 tỷ Nhân dân tệ (8,09 tỷ USD)",
        ),
        None,
        ["Hội đồng Bảo an", "Tập đoàn Tomorrow Holding"],
    ),
]


FOUND += [
    (
        "a-heads-full-name-glued-after-the-body-is-no-part-of-it",
        (
            "trong công văn số 1393/VHTT-BTCM do Thứ trưởng Bộ Văn hóa - Thông tin Lưu Trần Tiêu ký ngày 18 tháng 4",
            "còn có Phó Chủ nhiệm Văn phòng Phủ Thủ tướng Nguyễn Văn Ngọc và ông Phạm Quang Hiệu",
            "Bộ trưởng Bộ Nông nghiệp Nguyễn Ngọc Trìu và Trần Đức Lương",
            "Chủ tịch Ủy ban Mục vụ Giới trẻ Giuse Vũ Văn Thiên",
            "Hiệu trưởng Trường THPT Nguyễn Văn Cừ",
            "Bí thư Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh",
        ),
        None,
        [
            "Bộ Nông nghiệp",
            "Bộ Văn hóa - Thông tin",
            "Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh",
            "Trường Trung học phổ thông Nguyễn Văn Cừ",
            "Văn phòng Phủ Thủ tướng",
            "Ủy ban Mục vụ Giới trẻ",
        ],
    ),
]


FOUND += [
    (
        "a-date-after-a-name-is-no-unit-number",
        ("Hội thảo khoa học tại Trường ĐH Lâm nghiệp 22/2/2017 đã thu hút nhiều nhà khoa học",),
        None,
        ["Trường Đại học Lâm nghiệp"],
    ),
    (
        "units-listed-by-commas-are-none-the-others-parent",
        (
            "các phân khoa được tách thành 4 khoa riêng biệt: Khoa Nga văn, Khoa Anh văn, Khoa Trung văn và Khoa Pháp văn",
        ),
        None,
        [],
    ),
    (
        "a-headlines-predicate-is-no-part-of-the-name",
        (
            "Trường Đại học Khoa học Xã hội và Nhân văn tự chủ đại học từ năm học 2022-2023",
            "Đài TNVN phát sóng Hệ phát thanh có hình",
        ),
        None,
        ["Trường Đại học Khoa học Xã hội và Nhân văn", "Đài Tiếng nói Việt Nam"],  # TNVN: Tiếng nói Việt Nam
    ),
    (
        "a-gloss-or-an-issue-after-a-dash-is-no-part-of-the-name",
        (
            "La Escuela de Cadetes (Viện Quân sự Cuba - West Point)",
            "TẠP CHÍ KHOA HỌC VÀ CÔNG NGHỆ, ĐẠI HỌC ĐÀ NẴNG - SỐ 5(40), 2010",
            "Hội Hữu nghị Việt Nam - Nhật Bản",
        ),
        None,
        ["Hội Hữu nghị Việt Nam - Nhật Bản", "Tạp chí Khoa học và Công nghệ", "Viện Quân sự Cuba", "Đại học Đà Nẵng"],
    ),
    (
        "a-name-glued-to-the-next-sentence-is-not-certain",
        (
            "VTV8.Cơ quan thường trú Đài Tiếng nói Việt Nam khu vực Miền Trung.Thông tấn xã Việt Nam khu vực miền Trung",
            "Ủy ban nhân dân TP.HCM",
        ),
        None,
        ["Ủy ban nhân dân thành phố Hồ Chí Minh"],
    ),
    (
        "a-state-committee-about-a-topic-is-not-cut-before-it",
        (
            "GS.TSKH Nguyễn Mại: nguyên Phó Chủ nhiệm Ủy ban Nhà nước về hợp tác và đầu tư (nay là Bộ Kế hoạch và Đầu tư)",
            "Cuối tháng 3 năm 2012, AsiaNews và Thông tấn xã Pháp loan tin chính quyền Việt Nam đã hủy bỏ visa",
        ),
        None,
        ["Bộ Kế hoạch và Đầu tư", "Thông tấn xã Pháp"],
    ),
    (
        "a-government-named-after-its-leader-is-not-viet-nams",
        ("Chính phủ Trần Trọng Kim được thành lập ngày 17/4/1945", "theo đề nghị của Chính phủ Việt Nam"),
        None,
        ["Chính phủ"],
    ),
]


@pytest.mark.parametrize("texts, province, expected", [c[1:] for c in FOUND], ids=[c[0] for c in FOUND])
def test_find_organizations(texts: tuple[str, ...], province: str | None, expected: list[str]) -> None:
    assert _found(texts, province) == sorted(expected)


def test_a_page_about_a_province_gives_its_infobox_bodies_the_province() -> None:
    """An encyclopedia page titled with a province's name alone and typed "Tỉnh" in its infobox: the bare
    bodies every province has are that province's; other bodies get no province."""
    doc = _doc(
        "Quảng Trị",
        "Tỉnh",
        "Trụ sở UBND | 06 - 08 Hùng Vương, phường Đồng Hới",
        "Hội đồng nhân dân | 50 đại biểu",
        "Viện trưởng VKSND | Trần Hưng Bình",
        "Theo Báo Tuổi Trẻ, Hội đồng Phật giáo Châu Á họp tại đây.",
    )
    header = Header(title="Quảng Trị", kind="other", province="Quảng Trị")
    assert [o.name for o in find_organizations(doc, header)] == [
        "Ủy ban nhân dân tỉnh Quảng Trị",
        "Hội đồng nhân dân tỉnh Quảng Trị",
        "Viện kiểm sát nhân dân tỉnh Quảng Trị",
        "Báo Tuổi Trẻ",
        "Hội đồng Phật giáo Châu Á",
    ]
    assert [o.name for o in find_organizations(doc, replace(header, title="Lịch sử Quảng Trị"))] == [
        "Báo Tuổi Trẻ",
        "Hội đồng Phật giáo Châu Á",
    ]


def test_every_mention_is_a_span_of_its_paragraph() -> None:
    doc = _doc(
        "UBND TỈNH BÌNH THUẬN",
        "SỞ NỘI VỤ",
        "Kính trình Chủ tịch UBND tỉnh xem xét; Sở Nội vụ (qua "
        "Phòng Tổ chức) tổng hợp; Sở Nội vụ tỉnh Bình Thuận báo cáo.",
    )
    orgs = find_organizations(doc, _header("Bình Thuận"))
    for org in orgs:
        for span in org.spans:
            assert span.text == doc.paragraphs[span.paragraph].text[span.start : span.end]
    by_name = {o.name: len(o.spans) for o in orgs}
    assert by_name == {
        "Ủy ban nhân dân tỉnh Bình Thuận": 2,
        "Sở Nội vụ tỉnh Bình Thuận": 3,
        "Phòng Tổ chức Sở Nội vụ tỉnh Bình Thuận": 1,
    }


def test_kind_and_province() -> None:
    doc = _doc("UBND TỈNH BÌNH THUẬN", "SỞ NỘI VỤ", "Bộ Tài chính, Hội Y học, Chính phủ, Tập đoàn Điện lực Việt Nam")
    found = [(o.name, o.kind, o.province) for o in find_organizations(doc, Header())]
    assert found == [
        ("Ủy ban nhân dân tỉnh Bình Thuận", "Ủy ban nhân dân", "Bình Thuận"),
        ("Sở Nội vụ tỉnh Bình Thuận", "Sở", "Bình Thuận"),
        ("Bộ Tài chính", "Bộ", None),
        ("Hội Y học tỉnh Bình Thuận", "Hội", "Bình Thuận"),
        ("Chính phủ", "Chính phủ", None),
        ("Tập đoàn Điện lực Việt Nam", "Tập đoàn", None),
    ]


def test_never_raises_and_spans_hold_on_noise() -> None:
    """Random snippets of body words, punctuation and any characters: no error, every span is its text."""
    rng = random.Random(7)
    words = (
        "UBND HĐND Sở Bộ Nội vụ tỉnh thành phố huyện xã Cư Jút Đắk Nông Hội Ban Chỉ đạo Văn phòng , ; : ( ) "
        "“ ” - – và các của Phòng TT. VP TP.HCM TTTU Tỉnh ủy Trường hợp Cục trưởng NĐ-CP / Hồ Chí Minh Quỹ "
        "Thường trực Đảng ủy Các tập đoàn Tổng công ty (i) VIETTEL Khoa Trường Đại học"
    ).split()
    for n in range(300):
        if n % 2:
            text = " ".join(rng.choice(words) for _ in range(rng.randint(0, 25)))
        else:
            text = "".join(chr(rng.randint(32, 0x1EFF)) for _ in range(rng.randint(0, 40)))
        doc = _doc(text, text.upper())
        for header in (Header(), Header(province="Bắc Ninh", issuer="Bộ Tài chính")):
            for org in find_organizations(doc, header):
                for span in org.spans:
                    assert span.text == doc.paragraphs[span.paragraph].text[span.start : span.end]


@pytest.mark.parametrize(
    "words, role, example", [(row["words"], row["role"], row["example"]) for row in data.rows("org_scanner_words.tsv")]
)
def test_scanner_word_examples(words: str, role: str, example: str) -> None:
    """Each word of data/org_scanner_words.tsv is written in its example, and read under its role."""
    assert words.lower() in example.lower()
    assert words in getattr(scanner_words(), role if role != "and" else "and_")


def test_a_page_without_a_header_claims_no_province() -> None:
    """A page with no header block (an article, a reference) whose header's province is only the one
    its text names most: its national bodies get no province."""
    doc = _doc(
        "Năm 2015, Trường Đại học Bách khoa Đà Nẵng được Báo Tiền Phong vinh danh.",
        "Báo Tiền Phong là cơ quan của Trung ương Đoàn.",
    )
    assert [o.name for o in find_organizations(doc, Header(province="Đà Nẵng"))] == [
        "Trường Đại học Bách khoa Đà Nẵng",
        "Báo Tiền Phong",
    ]


@pytest.mark.parametrize("row", list(data.rows("org_sub_units.tsv")), ids=lambda row: row["type"])
def test_sub_unit_examples(row: dict[str, str]) -> None:
    """Each type of data/org_sub_units.tsv is written in its example, with a known role."""
    assert row["type"] in row["example"]
    assert row["field"] in ("yes", "no", "name")


# -- where a name starts and ends: a word the scanner cannot place at an edge leaves the name out ----------

EDGES = [
    (
        "a-title-case-word-after-the-name-runs-it-on-or-makes-it-another-countrys",
        (
            "Tháng 11 năm 1989, thành lập Tổng Công ty Xây dựng Lũng Lô.",
            "Năm 2022, Bộ Y tế Uganda và Tổ chức Y tế Thế giới xác nhận dịch bệnh.",
            "Trong cuộc chiến chống lại Chính phủ Nicaragua, lực lượng Contras được Mỹ hỗ trợ.",
        ),
        [],
    ),
    (
        "words-that-may-follow-a-name-or-a-known-name-read-across-its-end-keep-it",
        (
            "năm 2011, tại Kỳ họp thứ nhất Quốc hội Khóa XIII, Nguyễn Xuân Phúc được bầu",
            "Ủy viên Ban Chấp hành Trung ương Đảng Cộng sản Việt Nam khóa XIII",
            "Chủ tịch Hội đồng Giám mục Việt Nam Giuse Nguyễn Chí Linh dâng thánh lễ",
            "Năm 1956, Bộ Văn hóa Việt Nam Dân chủ Cộng hòa tổ chức lần đầu tiên.",
            "Tổng cục Thống kê Việt Nam.b ^Niên giám",
        ),
        [
            "Quốc hội",
            "Ban Chấp hành Trung ương Đảng",
            "Hội đồng Giám mục Việt Nam",
            "Bộ Văn hóa Việt Nam",
            "Tổng cục Thống kê",
        ],
    ),
    (
        "a-title-case-word-before-the-type-makes-it-part-of-another-name",
        (
            "Hồng y Căn tham gia Thượng Hội đồng Giám mục Thế giới năm 1967.",
            "các tu sĩ Tu Hội Tận Hiến tại Baton Rouge",
            "Lê Giản - Giám đốc Nha Công an Trung ương tìm gặp Văn Cao",
        ),
        [],
    ),
    (
        "a-title-case-post-or-a-post-named-after-the-body-before-the-name-keeps-it",
        (
            "Năm 1981, ông là Phó Chủ tịch thứ Nhất Hội đồng Bộ trưởng nước Cộng hòa Xã hội Chủ nghĩa Việt Nam",
            "Kiểm toán viên nhà nước được Tổng Kiểm toán nhà nước quyết định cấp mới",
            "E.P. nguyên Đại diện Tông Tòa Hạt Đại diện Tông Tòa Huế.",
        ),
        ["Hội đồng Bộ trưởng", "Kiểm toán Nhà nước", "Hạt Đại diện Tông Tòa Huế"],
    ),
    (
        "fields-abbreviated-with-an-ampersand-after-a-comma-run-the-name-on",
        ("Nguyên Thứ trưởng Bộ Lao động, TB&XH, Chủ tịch UBND tỉnh Cà Mau",),
        ["Ủy ban nhân dân tỉnh Cà Mau"],
    ),
    (
        "a-name-in-lower-case-that-no-list-knows-may-go-on-with-its-topic",
        (
            "Cục trưởng Cục Cảnh sát phòng chống tội phạm về buôn lậu (C74)",
            "Báo cáo của UBND tỉnh về tình hình kinh tế - xã hội",
            "Báo cáo của Bộ Kế hoạch & Đầu tư về tình hình kinh tế",
            'c "Quyết định chuyển trả" của Cục Hợp tác quốc tế về lao động (nay là Cục Quản lý lao động ngoài nước)',
        ),
        ["Bộ Kế hoạch và Đầu tư", "Cục Quản lý lao động ngoài nước"],
    ),
    (
        "another-republics-body-or-a-name-whose-last-syllable-is-a-types-word",
        (
            "Ngày 17 tháng 6 năm 1969, Chính phủ Cộng hòa Hồi giáo Mauritanie công nhận",
            "Công ty Trách nhiệm Hữu hạn Thái Hòa và Công ty Cổ phần Phương Trang,[187] tổng cộng 79 đầu xe",
        ),
        ["Công ty Trách nhiệm hữu hạn Thái Hòa"],
    ),
    (
        "a-video-games-name-is-no-body",
        (
            "- Phan Tấn Trung (Thầy giáo Ba), cựu tuyển thủ chuyên nghiệp bộ môn Liên Minh Huyền Thoại Việt Nam.",
            "- 10 tháng 10 – 19 tháng 11: Giải vô địch thế giới Liên Minh Huyền Thoại 2023 tổ chức tại Hàn Quốc",
        ),
        [],
    ),
    (
        "a-colonial-inspection-district-is-a-place",
        (
            "Ngày 16 tháng 8 năm 1867, Pháp lập hạt Thanh tra Sa Đéc, là một trong 24 hạt thanh tra trên toàn cõi Nam Kỳ.",
        ),
        [],
    ),
    (
        "a-friendship-society-that-names-the-other-country-first",
        (
            "Ủy ban Hòa bình Ai Cập, Hội Hữu nghị Mông Cổ – Việt Nam, Hội Hữu nghị Úc – Việt Nam đã gửi các điện, thư chia buồn",
        ),
        ["Hội Hữu nghị Mông Cổ - Việt Nam", "Hội Hữu nghị Úc - Việt Nam", "Ủy ban Hòa bình Ai Cập"],
    ),
    (
        "a-reference-lists-footnote-letter-glued-to-the-name",
        (
            "Lưu trữ ngày 9 tháng 11 năm 2017 tại Wayback Machine, Nguyễn Văn Thức, Viện Triết họcb ^Strong, Anna Louise.",
            "Trang thông tin chính thức của Đài PT-TH Vĩnh Long.b ^Báo cáo của UBND tỉnh",
            "Ngày 11-8 năm 2020, Tổng thống Vladimir Putin đã phê duyệt vaccine COVID-19 đầu tiên trên thế giới do "
            "Trung tâm Nghiên cứu quốc gia về dịch tễ và vi sinh vật học Gamaleya của Nga phát triển.",
        ),
        [],
    ),
    (
        "a-name-that-starts-with-a-phrase-of-names-whose-first-word-ends-names-elsewhere",
        (
            "Trường hợp không có căn cứ từ chối thì Cục Hàng không Việt Nam tiếp nhận hồ sơ hợp lệ",
            '"Chuyện chưa kể về Thủ tướng Nguyễn Xuân Phúc". Báo Giao thông. Lưu trữ bản gốc ngày 24 tháng 5 năm 2017.',
        ),
        ["Cục Hàng không Việt Nam", "Báo Giao thông"],
    ),
]


@pytest.mark.parametrize("texts, expected", [c[1:] for c in EDGES], ids=[c[0] for c in EDGES])
def test_a_name_whose_edges_are_not_certain_is_left_out(texts: tuple[str, ...], expected: list[str]) -> None:
    assert _found(texts, None) == sorted(expected)
