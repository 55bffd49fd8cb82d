"""Cited documents: every way the dev documents cite them, with type, date, issuer and subject."""

from __future__ import annotations

from dataclasses import replace

import pytest

from miner.document import Document, Paragraph
from miner.legal_refs import find_legal_refs, issuer_of_code, symbol_key, type_named, type_of_code
from miner.record import Header, LegalRef


def refs_in(
    *paragraphs: str, province: str | None = None, symbol: str | None = None, issuer: str | None = None
) -> tuple[LegalRef, ...]:
    doc = Document(
        path="t.txt", format="txt", paragraphs=tuple(Paragraph(seq=i, text=t) for i, t in enumerate(paragraphs))
    )
    return find_legal_refs(doc, Header(province=province, symbol=symbol, issuer=issuer))


def without_spans(refs: tuple[LegalRef, ...]) -> list[LegalRef]:
    return [replace(r, spans=()) for r in refs]


def ref(doc_type, symbol, number, issued_date, issuer, subject, year, code) -> LegalRef:
    return LegalRef(
        doc_type=doc_type,
        symbol=symbol,
        number=number,
        issued_date=issued_date,
        issuer=issuer,
        subject=subject,
        year=year,
        code=code,
    )


CITATIONS = [
    (
        "decision-of-the-provincial-committee",
        [
            "Đơn vị Khối trưởng phát huy vai trò theo Quyết định số 354/QĐ-UBND ngày 12/3/2018 của Ủy ban nhân "
            "dân tỉnh về việc ban hành Quy định tổ chức và hoạt động của Cụm, Khối."
        ],
        "Đắk Nông",
        [
            ref(
                "Quyết định",
                "354/QĐ-UBND",
                "354",
                "2018-03-12",
                "Ủy ban nhân dân tỉnh Đắk Nông",
                "ban hành Quy định tổ chức và hoạt động của Cụm, Khối",
                2018,
                "QĐ-UBND",
            )
        ],
    ),
    (
        "law-with-number",
        ["Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15;"],
        "Bắc Ninh",
        [ref("Luật", "06/2022/QH15", "06", None, "Quốc hội", "Luật Thi đua, khen thưởng", 2022, "QH15")],
    ),
    (
        "decree-words-for-date-government",
        [
            "Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định về phân cấp, "
            "phân quyền trong lĩnh vực thi đua, khen thưởng;"
        ],
        None,
        [
            ref(
                "Nghị định",
                "152/2025/NĐ-CP",
                "152",
                "2025-06-14",
                "Chính phủ",
                "quy định về phân cấp, phân quyền trong lĩnh vực thi đua, khen thưởng",
                2025,
                "NĐ-CP",
            )
        ],
    ),
    (
        "decree-without-so-issuer-from-code",
        [
            "Điều 83 Nghị định 08/2015/NĐ-CP ngày 21/1/2015 của Chính phủ; Mục 2 Chương II, Điều 91 Thông tư số "
            "38/2015/TT- BTC ngày 25/3/2015 được sửa đổi, bổ sung."
        ],
        None,
        [
            ref("Nghị định", "08/2015/NĐ-CP", "08", "2015-01-21", "Chính phủ", None, 2015, "NĐ-CP"),
            ref("Thông tư", "38/2015/TT-BTC", "38", "2015-03-25", "Bộ Tài chính", None, 2015, "TT-BTC"),
        ],
    ),
    (
        "proposal-issuer-written-before-no-ngay",
        [
            "Theo đề nghị của Giám đốc Sở Tư pháp tại Tờ trình số 2753/TTr-STP 28/9/2022 và Giám đốc Sở Nội vụ "
            "tại Tờ trình số /TTr-SNV-TĐKT ngày /10/2022."
        ],
        "Quảng Bình",
        [ref("Tờ trình", "2753/TTr-STP", "2753", "2022-09-28", "Sở Tư pháp tỉnh Quảng Bình", None, 2022, "TTr-STP")],
    ),
    (
        "list-sharing-date-style-and-issuer",
        [
            "Khắc phục hậu quả bão lũ theo các Nghị quyết số 347/NQ-CP ngày 24 tháng 10 năm 2025, số 380/NQ-CP "
            "ngày 25 tháng 11 năm 2025 của Chính phủ và các Công điện của Thủ tướng Chính phủ."
        ],
        None,
        [
            ref("Nghị quyết", "347/NQ-CP", "347", "2025-10-24", "Chính phủ", None, 2025, "NQ-CP"),
            ref("Nghị quyết", "380/NQ-CP", "380", "2025-11-25", "Chính phủ", None, 2025, "NQ-CP"),
        ],
    ),
    (
        "party-directive-dash-form",
        [
            "Thực hiện Chỉ thị số 46-CT/TW ngày 16/5/2025 của Bộ Chính trị về lãnh đạo cuộc bầu cử đại biểu "
            "Quốc hội khoá XVI; Kế hoạch số 319-KH/TU ngày 10/4/2025 của Tỉnh ủy về tăng cường sự lãnh đạo "
            "của Đảng."
        ],
        "Nghệ An",
        [
            ref(
                "Chỉ thị",
                "46-CT/TW",
                "46",
                "2025-05-16",
                "Bộ Chính trị",
                "lãnh đạo cuộc bầu cử đại biểu Quốc hội khoá XVI",
                2025,
                "CT/TW",
            ),
            ref(
                "Kế hoạch",
                "319-KH/TU",
                "319",
                "2025-04-10",
                "Tỉnh ủy Nghệ An",
                "tăng cường sự lãnh đạo của Đảng",
                2025,
                "KH/TU",
            ),
        ],
    ),
    (
        "spaced-dash-and-guidance",
        [
            "Căn cứ Hướng dẫn số 2346/HD - ĐHM ngày 18 tháng 6 năm 2024 của Trường Đại học Mở Hà Nội về bình xét "
            "thi đua, khen thưởng năm học 2023-2024;",
            "a) Xếp loại Hoàn thành xuất sắc nhiệm vụ, theo Quyết định số 2346/QĐ-ĐHM;",
        ],
        "Hà Nội",
        [
            ref(
                "Hướng dẫn",
                "2346/HD-ĐHM",
                "2346",
                "2024-06-18",
                "Trường Đại học Mở Hà Nội",
                "bình xét thi đua, khen thưởng năm học 2023-2024",
                2024,
                "HD-ĐHM",
            )
        ],
    ),
    (
        "footnote-mark-and-date-before",
        [
            "Sau khi rà soát hồ sơ và căn cứ Nghị định số 126/2024/NĐ-CP1, Sở Nội vụ báo cáo như sau:",
            "Ngày 08/10/2024, Chính phủ ban hành Nghị định số 126/2024/NĐ-CP quy định về tổ chức, hoạt động và "
            "quản lý hội, có hiệu lực thi hành từ 26/11/2024.",
        ],
        "Bình Thuận",
        [
            ref(
                "Nghị định",
                "126/2024/NĐ-CP",
                "126",
                "2024-10-08",
                "Chính phủ",
                "quy định về tổ chức, hoạt động và quản lý hội",
                2024,
                "NĐ-CP",
            )
        ],
    ),
    (
        "slip-in-year-fixed-by-later-mention",
        [
            "Thay thế Nghị định số 45/25010/NĐ-CP ngày 21/4/2010 Chính phủ quy định về tổ chức, hoạt động và "
            "quản lý hội và Nghị định số 33/2012/NĐ-CP ngày 13/4/2012 của Chính phủ sửa đổi, bổ sung một số điều "
            "của Nghị định số 45/2010/NĐ-CP."
        ],
        "Bình Thuận",
        [
            ref("Nghị định", "45/2010/NĐ-CP", "45", "2010-04-21", "Chính phủ", None, 2010, "NĐ-CP"),
            ref(
                "Nghị định",
                "33/2012/NĐ-CP",
                "33",
                "2012-04-13",
                "Chính phủ",
                "sửa đổi, bổ sung một số điều của Nghị định số 45/2010/NĐ-CP",
                2012,
                "NĐ-CP",
            ),
        ],
    ),
    (
        "body-has-a-document-and-officer-forwards",
        [
            "Bộ Nông nghiệp và Môi trường nhận được kiến nghị của cử tri tỉnh Hà Tĩnh do Ủy ban Dân nguyện và "
            "Giám sát Quốc hội khóa XV chuyển đến tại Văn bản số 1691/UBDNGS15 ngày 28 tháng 10 năm 2025.",
            "Ngày 30/8/2024, Sở Nội vụ có Công văn số 2328/SNV-TCCC trả lời các hội.",
        ],
        "Bình Thuận",
        [
            ref(
                "Văn bản",
                "1691/UBDNGS15",
                "1691",
                "2025-10-28",
                "Ủy ban Dân nguyện và Giám sát Quốc hội",
                None,
                2025,
                "UBDNGS15",
            ),
            ref("Công văn", "2328/SNV-TCCC", "2328", "2024-08-30", "Sở Nội vụ tỉnh Bình Thuận", None, 2024, "SNV-TCCC"),
        ],
    ),
    (
        "generic-van-ban-takes-the-code-type",
        [
            "Ủy ban nhân dân tỉnh nhận được Văn bản số 01/BC-HHDN-K5 ngày 28/6/2025 của Hiệp hội Doanh nghiệp "
            "tỉnh về việc báo cáo kết quả đại hội và ý kiến của Sở Nội vụ."
        ],
        "Bình Thuận",
        [
            ref(
                "Báo cáo",
                "01/BC-HHDN-K5",
                "01",
                "2025-06-28",
                "Hiệp hội Doanh nghiệp tỉnh Bình Thuận",
                "báo cáo kết quả đại hội",
                2025,
                "BC-HHDN-K5",
            )
        ],
    ),
    (
        "qd-abbreviation-and-unaccented-code",
        ["Thực hiện QĐ 354/QD-UBND ngày 12/3/2018 của UBND tỉnh."],
        "Đắk Nông",
        [ref("Quyết định", "354/QD-UBND", "354", "2018-03-12", "Ủy ban nhân dân tỉnh Đắk Nông", None, 2018, "QD-UBND")],
    ),
    (
        "joint-plan-of-two-ministries",
        [
            "Rà soát dữ liệu số nhà trên cơ sở Kế hoạch số 515/KH-BCA-BNN&MT ngày 31 tháng 8 năm 2025 của Bộ Công "
            "an và Bộ Nông nghiệp và Môi trường, cùng Kế hoạch số 94/KH-UBND ngày 19 tháng 9 năm 2025."
        ],
        "Hồ Chí Minh",
        [
            ref(
                "Kế hoạch",
                "515/KH-BCA-BNN&MT",
                "515",
                "2025-08-31",
                "Bộ Công an và Bộ Nông nghiệp và Môi trường",
                None,
                2025,
                "KH-BCA-BNN&MT",
            ),
            ref(
                "Kế hoạch",
                "94/KH-UBND",
                "94",
                "2025-09-19",
                "Ủy ban nhân dân thành phố Hồ Chí Minh",
                None,
                2025,
                "KH-UBND",
            ),
        ],
    ),
    (
        "number-without-code-then-with-code",
        [
            "Căn cứ Quyết định số 1234 ngày 5/6/2020 của UBND tỉnh về việc khen thưởng.",
            "Thực hiện Quyết định số 1234/QĐ-UBND ngày 05/6/2020.",
        ],
        "Đắk Nông",
        [
            ref(
                "Quyết định",
                "1234/QĐ-UBND",
                "1234",
                "2020-06-05",
                "Ủy ban nhân dân tỉnh Đắk Nông",
                "khen thưởng",
                2020,
                "QĐ-UBND",
            )
        ],
    ),
    (
        "date-after-the-issuer",
        ["Căn cứ Quyết định số 12/QĐ-UBND của UBND tỉnh ngày 5/6/2020 về việc khen thưởng;"],
        "Đắk Nông",
        [
            ref(
                "Quyết định",
                "12/QĐ-UBND",
                "12",
                "2020-06-05",
                "Ủy ban nhân dân tỉnh Đắk Nông",
                "khen thưởng",
                2020,
                "QĐ-UBND",
            )
        ],
    ),
    (
        "citation-broken-across-paragraphs",
        [
            "Quyết định này thay thế Quyết định số 22/201 /QĐ-UBND",
            "ngày 13 tháng 9 năm 2019 của Ủy ban nhân dân tỉnh về sửa đổi, bổ sung một số điều.",
        ],
        "Lai Châu",
        [
            ref(
                "Quyết định",
                "22/201/QĐ-UBND",
                "22",
                "2019-09-13",
                "Ủy ban nhân dân tỉnh Lai Châu",
                None,
                2019,
                "QĐ-UBND",
            )
        ],
    ),
    (
        "one-date-for-a-listed-series",
        [
            "các trường hợp đã được tặng thưởng (tại các Quyết định số 11/QĐ-UBND, 12/QĐ-UBND và 13/QĐ-UBND "
            "ngày 10/01/2024 của UBND thành phố) không đề nghị lại."
        ],
        "Hải Phòng",
        [
            ref(
                "Quyết định",
                f"{n}/QĐ-UBND",
                str(n),
                "2024-01-10",
                "Ủy ban nhân dân thành phố Hải Phòng",
                None,
                2024,
                "QĐ-UBND",
            )
            for n in (11, 12, 13)
        ],
    ),
    (
        "next-sentence-not-in-the-code",
        ["mức thưởng theo quy định tại Nghị định số 98/2023/NĐ-CP. Kinh phí khen thưởng trích từ Quỹ thi đua."],
        None,
        [ref("Nghị định", "98/2023/NĐ-CP", "98", None, "Chính phủ", None, 2023, "NĐ-CP")],
    ),
    (
        "submission-issued-by-its-proposer",
        [
            "Xét đề nghị của Giám đốc Sở Giáo dục và Đào tạo tại Tờ trình số 1562/TTr-SGDĐT ngày 26/7/2023 và của "
            "Trưởng ban Ban Thi đua - Khen thưởng tỉnh tại Tờ trình số 987/TTr-BTĐKT ngày 08/8/2023."
        ],
        "Thanh Hóa",
        [
            ref(
                "Tờ trình",
                "1562/TTr-SGDĐT",
                "1562",
                "2023-07-26",
                "Sở Giáo dục và Đào tạo tỉnh Thanh Hóa",
                None,
                2023,
                "TTr-SGDĐT",
            ),
            ref(
                "Tờ trình",
                "987/TTr-BTĐKT",
                "987",
                "2023-08-08",
                "Ban Thi đua - Khen thưởng tỉnh Thanh Hóa",
                None,
                2023,
                "TTr-BTĐKT",
            ),
        ],
    ),
    (
        "next-citation-is-no-second-issuer",
        [
            "theo Nghị quyết số 68/NQ-CP ngày 01/7/2021 của Chính phủ và Quyết định số 23/2021/QĐ-TTg ngày 07/7/2021 "
            "của Thủ tướng Chính phủ; đã chi hỗ trợ cho người lao động."
        ],
        "Tiền Giang",
        [
            ref("Nghị quyết", "68/NQ-CP", "68", "2021-07-01", "Chính phủ", None, 2021, "NQ-CP"),
            ref("Quyết định", "23/2021/QĐ-TTg", "23", "2021-07-07", "Thủ tướng Chính phủ", None, 2021, "QĐ-TTg"),
        ],
    ),
    (
        "laws-by-name-only",
        [
            "Căn cứ Luật Thi đua, Khen thưởng ngày 26/11/2003 và Luật sửa đổi, bổ sung một số Điều của Luật Thi "
            "đua, Khen thưởng ngày 16/11/2013;",
            "Trường hợp cán bộ vi phạm thì xử lý theo Luật Cán bộ, công chức, Luật Viên chức và các văn bản khác.",
        ],
        None,
        [
            ref("Luật", None, None, "2003-11-26", "Quốc hội", "Luật Thi đua, Khen thưởng", 2003, None),
            ref(
                "Luật",
                None,
                None,
                "2013-11-16",
                "Quốc hội",
                "Luật sửa đổi, bổ sung một số Điều của Luật Thi đua, Khen thưởng",
                2013,
                None,
            ),
            ref("Luật", None, None, None, "Quốc hội", "Luật Cán bộ, công chức", None, None),
            ref("Luật", None, None, None, "Quốc hội", "Luật Viên chức", None, None),
        ],
    ),
    (
        # corpus/new 108: Cyrillic С and Р in a symbol typed on another layout.
        "cyrillic-look-alikes-in-a-symbol",
        [
            "Căn cứ Nghị quyết số 66/NQ-СР ngày 26/3/2025 của Chính phủ về Chương trình cắt giảm, đơn giản hóa "
            "thủ tục hành chính;"
        ],
        None,
        [
            ref(
                "Nghị quyết",
                "66/NQ-CP",
                "66",
                "2025-03-26",
                "Chính phủ",
                "Chương trình cắt giảm, đơn giản hóa thủ tục hành chính",
                2025,
                "NQ-CP",
            )
        ],
    ),
    (
        # corpus/new 101: footnote marks glued to symbols the text also writes without them.
        "footnote-marks-glued-to-a-symbol-written-elsewhere",
        [
            "Thực hiện theo Hướng dẫn 2345/HD-ĐHM2 và Quyết định 5969/QĐ-ĐHM1.",
            "Căn cứ Hướng dẫn số 2345/HD-ĐHM ngày 18/6/2024 và Quyết định số 5969/QĐ-ĐHM ngày 20/12/2023.",
        ],
        None,
        [
            ref("Hướng dẫn", "2345/HD-ĐHM", "2345", "2024-06-18", None, None, 2024, "HD-ĐHM"),
            ref("Quyết định", "5969/QĐ-ĐHM", "5969", "2023-12-20", None, None, 2023, "QĐ-ĐHM"),
        ],
    ),
    (
        # Party symbols: the code after a dash; "QĐ" there is a Quy định unless a type word says otherwise.
        "party-symbols",
        [
            "Theo Quy định (Bổ sung) số 216-QĐ/TW ngày 01 tháng 4 năm 2009 và Chỉ thị số 46-CT/TW; "
            "Quyết định Số: 44-QĐ/TW về việc quản lý cán bộ.",
            "Tiêu chuẩn chức danh thực hiện theo 214-QĐ/TW.",
        ],
        None,
        [
            ref("Quy định", "216-QĐ/TW", "216", "2009-04-01", None, None, 2009, "QĐ/TW"),
            ref("Chỉ thị", "46-CT/TW", "46", None, None, None, None, "CT/TW"),
            ref("Quyết định", "44-QĐ/TW", "44", None, None, "quản lý cán bộ", None, "QĐ/TW"),
            ref("Quy định", "214-QĐ/TW", "214", None, None, None, None, "QĐ/TW"),
        ],
    ),
    (
        # corpus/new 110: a symbol written before the "/" came in, dated.
        "old-symbol-with-a-dash-only",
        [
            "Quyết định hưởng chế độ một lần theo Quyết định số 176-HĐBT ngày 09 tháng 9 năm 1989 của Hội đồng "
            "Bộ trưởng nay là Chính phủ về sắp xếp lại lao động trong các đơn vị kinh tế quốc doanh."
        ],
        None,
        [ref("Quyết định", "176-HĐBT", "176", "1989-09-09", "Hội đồng Bộ trưởng", None, 1989, "HĐBT")],
    ),
    (
        # corpus/new 104, 110 and 108: the issuer's name runs into the next words; a joint title.
        "issuer-name-run-on-cut-where-the-code-ends-it",
        [
            "Nghị định số 145/2013/NĐ-CP của Chính phủ đảm bảo yêu cầu trang trọng; Quyết định số 98/2006/QĐ-TTg "
            "của Thủ tướng Chính phủ và kèm theo bản khai thành tích.",
            "Căn cứ Thông tư số 03/2025/TT-VPCP ngày 15/9/2025 của Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ hướng "
            "dẫn thi hành một số nội dung;",
        ],
        None,
        [
            ref("Nghị định", "145/2013/NĐ-CP", "145", None, "Chính phủ", None, 2013, "NĐ-CP"),
            ref("Quyết định", "98/2006/QĐ-TTg", "98", None, "Thủ tướng Chính phủ", None, 2006, "QĐ-TTg"),
            ref(
                "Thông tư",
                "03/2025/TT-VPCP",
                "03",
                "2025-09-15",
                "Văn phòng Chính phủ",
                "hướng dẫn thi hành một số nội dung",
                2025,
                "TT-VPCP",
            ),
        ],
    ),
    (
        # corpus/new 111: a joint resolution names its three issuers.
        "joint-resolution-names-every-issuer",
        [
            "Căn cứ Nghị quyết liên tịch số 72/2025/NQLT/UBTVQH15-CP-ĐCTUBTWMTTQVN ngày 20 tháng 02 năm 2025 của "
            "Ủy ban Thường vụ Quốc hội, Chính phủ và Đoàn Chủ tịch Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam quy "
            "định chi tiết việc tổ chức tiếp xúc cử tri;"
        ],
        None,
        [
            ref(
                "Nghị quyết liên tịch",
                "72/2025/NQLT/UBTVQH15-CP-ĐCTUBTWMTTQVN",
                "72",
                "2025-02-20",
                "Ủy ban Thường vụ Quốc hội, Chính phủ và Đoàn Chủ tịch Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam",
                "quy định chi tiết việc tổ chức tiếp xúc cử tri",
                2025,
                "NQLT/UBTVQH15-CP-ĐCTUBTWMTTQVN",
            )
        ],
    ),
    (
        # Public legal Q&A: what names no law, a law's name that ends at its year, a school of law.
        "what-names-no-law",
        [
            "Hiện tại, Luật Việt Nam đã công nhận các trường hợp này; Bộ luật này cũng cho phép các bên thỏa thuận.",
            "Theo Điều 50 Luật Công chứng 2024 như sau: ông là Thạc sĩ Luật Quốc tế của Trường Đại học Luật Hà Nội.",
            "Luật Thi đua, khen thưởng và không làm căn cứ để tính điểm.",
        ],
        None,
        [
            ref("Luật", None, None, None, "Quốc hội", "Luật Công chứng 2024", None, None),
            ref("Luật", None, None, None, "Quốc hội", "Luật Thi đua, khen thưởng", None, None),
        ],
    ),
    (
        # Public texts: a date cut by a line break, after a footnote mark, or given by the clause.
        "the-date-given",
        [
            "Căn cứ Nghị định số 87/2011/NĐ-CP ngày",
            "27 tháng 9 năm 2011 của Chính phủ;",
            "Căn cứ Luật Du lịch ngày 14 tháng 6 năm",
            "2005;",
            "Khi Bộ Chính trị có Chỉ thị 35-CT/TW[5] ngày 30/5/2019, các đảng bộ tiến hành đại hội.",
            "Nghị quyết số 203/2025/QH15 ban hành ngày 16/06/2025 về việc sửa đổi, bổ sung một số điều của Hiến pháp.",
            "Công văn số 1393/VHTT-BTCM do Thứ trưởng Lưu Trần Tiêu ký ngày 18 tháng 4 năm 2001.",
            "Luật Thi đua - Khen thưởng được ban hành ngày 26 tháng 11 năm 2003.",
        ],
        None,
        [
            ref("Nghị định", "87/2011/NĐ-CP", "87", "2011-09-27", "Chính phủ", None, 2011, "NĐ-CP"),
            ref("Luật", None, None, "2005-06-14", "Quốc hội", "Luật Du lịch", 2005, None),
            ref("Chỉ thị", "35-CT/TW", "35", "2019-05-30", "Bộ Chính trị", None, 2019, "CT/TW"),
            ref(
                "Nghị quyết",
                "203/2025/QH15",
                "203",
                "2025-06-16",
                "Quốc hội",
                "sửa đổi, bổ sung một số điều của Hiến pháp",
                2025,
                "QH15",
            ),
            ref("Công văn", "1393/VHTT-BTCM", "1393", "2001-04-18", None, None, 2001, "VHTT-BTCM"),
            ref("Luật", None, None, "2003-11-26", "Quốc hội", "Luật Thi đua - Khen thưởng", 2003, None),
        ],
    ),
    (
        # Public texts: the type a "Sắc lệnh", a "Bộ Luật" and a code contradicting the type word say.
        "the-document-type",
        [
            "Sắc lệnh số 254/NV ngày 12/11/1946 quy định về tổ chức chính quyền.",
            "Theo Bộ Luật Hình sự năm 2015, hành vi này bị xử lý.",
            "Nghị định số 11/NQ-CP ngày 30/01/2022 của Chính phủ về Chương trình phục hồi.",
        ],
        None,
        [
            ref("Sắc lệnh", "254/NV", "254", "1946-11-12", None, "quy định về tổ chức chính quyền", 1946, "NV"),
            ref("Bộ luật", None, None, None, "Quốc hội", "Bộ Luật Hình sự năm 2015", None, None),
            ref("Nghị quyết", "11/NQ-CP", "11", "2022-01-30", "Chính phủ", "Chương trình phục hồi", 2022, "NQ-CP"),
        ],
    ),
    (
        # Public texts: an issuer written with a word short, as its code names it in full; a meeting's
        # resolution is the body's that holds it; a meeting of no body issues nothing.
        "issuers-written-short-and-meetings",
        [
            "Căn cứ Thông tư số 12/2024/TT-BNNPTNT ngày 5/6/2024 của Bộ Nông nghiệp và PTNT quy định về rừng;",
            "Thực hiện Nghị quyết số 27-NQ/TW của Hội nghị Trung ương 7 khóa XII, Nghị quyết số 18-NQ/TW ngày "
            "25/10/2017 của Hội nghị lần thứ sáu Ban Chấp hành Trung ương Đảng và Kết luận số 5-KL/HN của Hội nghị "
            "tổng kết năm 2024.",
        ],
        None,
        [
            ref(
                "Thông tư",
                "12/2024/TT-BNNPTNT",
                "12",
                "2024-06-05",
                "Bộ Nông nghiệp và Phát triển nông thôn",
                "quy định về rừng",
                2024,
                "TT-BNNPTNT",
            ),
            ref("Nghị quyết", "27-NQ/TW", "27", None, "Ban Chấp hành Trung ương Đảng", None, None, "NQ/TW"),
            ref("Nghị quyết", "18-NQ/TW", "18", "2017-10-25", "Ban Chấp hành Trung ương Đảng", None, 2017, "NQ/TW"),
            ref("Kết luận", "5-KL/HN", "5", None, None, None, None, "KL/HN"),
        ],
    ),
    (
        # Public texts: the dash left out between the type's and the issuer's codes, a footnote mark after
        # it ("NĐCP4"), and what follows the mark.
        "codes-glued",
        ["Theo Nghị định 115/2020/NĐCP4 về tuyển dụng, Công điện 129/CĐTTg và Nghị định số 126/2024/NĐ-CP1 về hội."],
        None,
        [
            ref("Nghị định", "115/2020/NĐ-CP", "115", None, "Chính phủ", "tuyển dụng", 2020, "NĐ-CP"),
            ref("Công điện", "129/CĐ-TTg", "129", None, "Thủ tướng Chính phủ", None, None, "CĐ-TTg"),
            ref("Nghị định", "126/2024/NĐ-CP", "126", None, "Chính phủ", "hội", 2024, "NĐ-CP"),
        ],
    ),
    (
        # Public texts: subjects end where a reference list glues its next entry or a footnote mark on, before
        # the next citation of a list, and "quy định như sau" is no subject.
        "subjects-in-reference-lists",
        [
            '^"Nghị quyết số 1655/NQ-UBTVQH15 về việc sắp xếp các đơn vị hành chính cấp xã của tỉnh Cà Mau năm 2025"'
            ".Cổng thông tin điện tử Quốc hội Việt Nam.^Thúy Quỳnh",
            "Quyết định số 889/QĐ-TTg về việc công nhận thành phố Cần Thơ là đô thị loại I trực thuộc trung ương.[1] "
            "Ngày 18 tháng 9 năm 2020",
            "Theo Nghị định 168/2024/NĐ-CP quy định như sau:",
            "Nghị định số 99/2016/NĐ-CP ngày 01 tháng 7 năm 2016 về quản lý và sử dụng con dấu, Nghị định số "
            "137/2020/NĐ-CP ngày 27 tháng 11 năm 2020 quy định về quản lý, sử dụng pháo.",
        ],
        None,
        [
            ref(
                "Nghị quyết",
                "1655/NQ-UBTVQH15",
                "1655",
                None,
                "Ủy ban Thường vụ Quốc hội",
                "sắp xếp các đơn vị hành chính cấp xã của tỉnh Cà Mau năm 2025",
                None,
                "NQ-UBTVQH15",
            ),
            ref(
                "Quyết định",
                "889/QĐ-TTg",
                "889",
                None,
                "Thủ tướng Chính phủ",
                "công nhận thành phố Cần Thơ là đô thị loại I trực thuộc trung ương",
                None,
                "QĐ-TTg",
            ),
            ref("Nghị định", "168/2024/NĐ-CP", "168", None, "Chính phủ", None, 2024, "NĐ-CP"),
            ref(
                "Nghị định",
                "99/2016/NĐ-CP",
                "99",
                "2016-07-01",
                "Chính phủ",
                "quản lý và sử dụng con dấu",
                2016,
                "NĐ-CP",
            ),
            ref(
                "Nghị định",
                "137/2020/NĐ-CP",
                "137",
                "2020-11-27",
                "Chính phủ",
                "quy định về quản lý, sử dụng pháo",
                2020,
                "NĐ-CP",
            ),
        ],
    ),
    (
        # Public Q&A: "không", "cùng" end a law's name, but not inside "Phòng không", "Hàng không".
        "law-names-end-before-khong",
        [
            "Luật Căn cước không quy định việc này; Luật Đấu thầu cùng các văn bản hướng dẫn.",
            "Theo Luật Phòng không nhân dân năm 2024 và Luật Hàng không dân dụng Việt Nam 2006.",
        ],
        None,
        [
            ref("Luật", None, None, None, "Quốc hội", "Luật Căn cước", None, None),
            ref("Luật", None, None, None, "Quốc hội", "Luật Đấu thầu", None, None),
            ref("Luật", None, None, None, "Quốc hội", "Luật Phòng không nhân dân năm 2024", None, None),
            ref("Luật", None, None, None, "Quốc hội", "Luật Hàng không dân dụng Việt Nam 2006", None, None),
        ],
    ),
    (
        # Public news: the date a clause opens with for what it says was passed; "sửa đổi bởi ..." is no subject.
        "passed-that-day",
        [
            "- Ngày 2 tháng 12 năm 1997, Quốc hội khóa X thông qua Luật Ngân hàng Nhà nước Việt Nam và Luật Các tổ chức "
            "tín dụng; theo quy định của Bộ luật này và luật khác có liên quan.",
            "Ngày 29/6/2024, Kỳ họp thứ 7, Quốc hội khóa XV đã thông qua Luật Bảo hiểm xã hội số 41/2024/QH15.",
            "- Ngày 21 tháng 6 năm 2012: Quốc hội Việt Nam khóa XIII, kỳ họp thứ 3 bỏ phiếu thông qua Luật Biển, gồm 7 chương, 55 điều.",
            "Theo Điều 5 Nghị định 38/2021/NĐ-CP sửa đổi bởi khoản 2 Điều 1 Nghị định 128/2022/NĐ-CP quy định như sau:",
        ],
        None,
        [
            ref("Luật", None, None, "1997-12-02", "Quốc hội", "Luật Ngân hàng Nhà nước Việt Nam", 1997, None),
            ref("Luật", None, None, None, "Quốc hội", "Luật Các tổ chức tín dụng", None, None),
            ref("Luật", "41/2024/QH15", "41", "2024-06-29", "Quốc hội", "Luật Bảo hiểm xã hội", 2024, "QH15"),
            ref("Luật", None, None, "2012-06-21", "Quốc hội", "Luật Biển", 2012, None),
            ref("Nghị định", "38/2021/NĐ-CP", "38", None, "Chính phủ", None, 2021, "NĐ-CP"),
            ref("Nghị định", "128/2022/NĐ-CP", "128", None, "Chính phủ", None, 2022, "NĐ-CP"),
        ],
    ),
    (
        # Public texts (audit seed 14): where a law's name ends ("bao gồm", "từ", "do", "chứ", a footnote mark), goes on
        # ("và Gia đình", "sửa đổi năm 2014": the amended law), or is no law ("Báo Pháp Luật Việt Nam").
        "law-names-as-the-public-texts-write-them",
        [
            "Các chế độ theo Luật Bảo hiểm xã hội bao gồm: ốm đau; giải quyết theo Luật Bảo hiểm xã hội từ trước "
            "ngày 01 tháng 7 năm 2025.",
            "Điều 1 Luật Sở hữu trí tuệ sửa đổi 2022; Luật Hôn nhân và Gia đình sửa đổi năm 2014 có hiệu lực; ban "
            "hành Luật Bầu cử Quốc hội và Hội đồng nhân dân. Theo Luật Giáo dục đại học 2012[69] và Luật Đầu tư và "
            "Luật Doanh nghiệp.",
            "Báo Pháp Luật Việt Nam 13:06 - 26/07/2016.",
            "Điều 304 của Bộ luật Hình sự do Hội đồng Thẩm phán ban hành; thuộc Bộ luật Dân sự chứ không phải Luật Đấu "
            "thầu, lý do là",
        ],
        None,
        [
            ref("Luật", None, None, None, "Quốc hội", "Luật Bảo hiểm xã hội", None, None),
            ref("Luật", None, None, None, "Quốc hội", "Luật Sở hữu trí tuệ sửa đổi 2022", None, None),
            ref("Luật", None, None, None, "Quốc hội", "Luật Hôn nhân và Gia đình sửa đổi năm 2014", None, None),
            ref("Luật", None, None, None, "Quốc hội", "Luật Bầu cử Quốc hội và Hội đồng nhân dân", None, None),
            ref("Luật", None, None, None, "Quốc hội", "Luật Giáo dục đại học 2012", None, None),
            ref("Luật", None, None, None, "Quốc hội", "Luật Đầu tư", None, None),
            ref("Luật", None, None, None, "Quốc hội", "Luật Doanh nghiệp", None, None),
            ref("Bộ luật", None, None, None, "Quốc hội", "Bộ luật Hình sự", None, None),
            ref("Bộ luật", None, None, None, "Quốc hội", "Bộ luật Dân sự", None, None),
            ref("Luật", None, None, None, "Quốc hội", "Luật Đấu thầu", None, None),
        ],
    ),
    (
        # Public texts (audit seed 14): a Sắc luật is no Luật; a word glued to a code in capitals; two types of
        # one issuer's code joined by "và" share the issuer written after them, two codes of different issuers
        # do not.
        "sac-luat-glued-code-and-joined-types",
        [
            "Sắc luật số 030/TT/SLU của Việt Nam Cộng hòa.",
            "Trung tâm đã có Kế hoạch 10/KH-TTQLGTCCvề đảm bảo hoạt động vận tải hành khách.",
            "Thực hiện Chỉ thị số 35-CT/TW ngày 14/6/2024 và Kết luận số 118-KL/TW ngày 18/1/2025 của Bộ Chính trị "
            "về đại hội đảng bộ các cấp; Quyết định số 12/QĐ-UBND và Công văn số 5/SNV-TĐKT của Sở Nội vụ.",
        ],
        None,
        [
            ref("Sắc luật", "030/TT/SLU", "030", None, None, None, None, "TT/SLU"),
            ref(
                "Kế hoạch",
                "10/KH-TTQLGTCC",
                "10",
                None,
                "Trung tâm",
                "đảm bảo hoạt động vận tải hành khách",
                None,
                "KH-TTQLGTCC",
            ),
            ref("Chỉ thị", "35-CT/TW", "35", "2024-06-14", "Bộ Chính trị", None, 2024, "CT/TW"),
            ref("Kết luận", "118-KL/TW", "118", "2025-01-18", "Bộ Chính trị", "đại hội đảng bộ các cấp", 2025, "KL/TW"),
            ref("Quyết định", "12/QĐ-UBND", "12", None, None, None, None, "QĐ-UBND"),
            ref("Công văn", "5/SNV-TĐKT", "5", None, "Sở Nội vụ", None, None, "SNV-TĐKT"),
        ],
    ),
    (
        # Public texts (audit seed 14): "X đã ra Nghị quyết ..." names the issuer before; a year written between
        # number and date ("năm 2025 ngày 04/11/2025") is the date's, and a date of another year is none; a
        # page's button in capitals after the issuer ("TẢI VỀ") is not part of its name.
        "issuer-said-to-issue-and-year-before-date",
        [
            "Ngày 20 tháng 7 năm 2005, Bộ Chính trị (khoá IX) đã ra Nghị quyết 51/NQ-TW về tiếp tục đẩy mạnh cuộc "
            "vận động.",
            "Sau đó Ủy ban nhân dân tỉnh đưa ra Quyết định số 12/QĐ-UBND về việc thành lập.",
            "Theo Văn bản 4959/BCA-C06 năm 2025 ngày 04/11/2025 của Bộ Công an về việc triển khai.",
            "Theo Quyết định số 13/QĐ-UBND năm 2024 ngày 04/11/2025.",
            "(9) Nghị quyết 06/NQ-HĐBCQG năm 2025 ngày 11/7/2025 của Hội đồng Bầu cử quốc gia TẢI VỀ",
        ],
        None,
        [
            ref(
                "Nghị quyết",
                "51/NQ-TW",
                "51",
                "2005-07-20",
                "Bộ Chính trị",
                "tiếp tục đẩy mạnh cuộc vận động",
                2005,
                "NQ-TW",
            ),
            ref("Quyết định", "12/QĐ-UBND", "12", None, None, "thành lập", None, "QĐ-UBND"),
            ref("Văn bản", "4959/BCA-C06", "4959", "2025-11-04", "Bộ Công an", "triển khai", 2025, "BCA-C06"),
            ref("Quyết định", "13/QĐ-UBND", "13", None, None, None, None, "QĐ-UBND"),
            ref("Nghị quyết", "06/NQ-HĐBCQG", "06", "2025-07-11", "Hội đồng bầu cử quốc gia", None, 2025, "NQ-HĐBCQG"),
        ],
    ),
    (
        # A public full text's enacting formula names the document itself, and the number after it the law
        # it amends.
        "enacting-formula-of-an-amending-law",
        [
            "Quốc hội ban hành Luật sửa đổi, bổ sung một số điều của Luật Bảo hiểm y tế số 25/2008/QH12 đã được sửa "
            "đổi, bổ sung một số điều theo Luật số 46/2014/QH13.",
            "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Thi đua, khen thưởng số 39/2013/QH13;",
        ],
        None,
        [
            ref("Luật", "25/2008/QH12", "25", None, "Quốc hội", "Luật Bảo hiểm y tế", 2008, "QH12"),
            ref("Luật", "46/2014/QH13", "46", None, "Quốc hội", None, 2014, "QH13"),
            ref(
                "Luật",
                "39/2013/QH13",
                "39",
                None,
                "Quốc hội",
                "Luật sửa đổi, bổ sung một số điều của Luật Thi đua, khen thưởng",
                2013,
                "QH13",
            ),
        ],
    ),
    (
        # The date an amending law was passed is its own, not the amended law's; its name ends before
        # what the writer says of it.
        "the-amending-law-and-its-date",
        [
            "Luật sửa đổi, bổ sung một số điều của Luật Sĩ quan Quân đội nhân dân Việt Nam năm 1999 được Quốc hội "
            "thông qua ngày 27 tháng 11 năm 2014.",
            "Theo Lệnh số 32/2014/L-CTN về việc công bố Luật sửa đổi, bổ sung một số điều của Luật Quốc tịch Việt Nam "
            "đã được Quốc hội thông qua ngày 24 tháng 6 năm 2014.",
        ],
        None,
        [
            ref(
                "Luật",
                None,
                None,
                "2014-11-27",
                "Quốc hội",
                "Luật sửa đổi, bổ sung một số điều của Luật Sĩ quan Quân đội nhân dân Việt Nam năm 1999",
                2014,
                None,
            ),
            ref(
                "Lệnh",
                "32/2014/L-CTN",
                "32",
                None,
                "Chủ tịch nước",
                "công bố Luật sửa đổi, bổ sung một số điều của "
                "Luật Quốc tịch Việt Nam đã được Quốc hội thông qua ngày 24 tháng 6 năm 2014",
                2014,
                "L-CTN",
            ),
            ref(
                "Luật",
                None,
                None,
                "2014-06-24",
                "Quốc hội",
                "Luật sửa đổi, bổ sung một số điều của Luật Quốc tịch Việt Nam",
                2014,
                None,
            ),
        ],
    ),
    # Public texts (issue 13): a date and issuer written before the citation, offices and Party plenums as
    # issuers, and where the name of a law cited by name ends.
    (
        "date-and-issuer-written-before-ra",
        [
            "• Ngày 04-7-1985, Bộ Chính trị ra Nghị quyết số 27/NQ-TW Về việc khôi phục lại hệ thống tổ chức đảng trong toàn quân từ Đảng ủy Quân sự Trung ương[5] đến cơ sở"
        ],
        None,
        [
            ref(
                "Nghị quyết",
                "27/NQ-TW",
                "27",
                "1985-07-04",
                "Bộ Chính trị",
                "khôi phục lại hệ thống tổ chức đảng trong toàn quân từ Đảng ủy Quân sự Trung ương",
                1985,
                "NQ-TW",
            ),
        ],
    ),
    (
        "date-before-signed-by-the-office-holder",
        ["Ngày 25 tháng 8 năm 2021, Thủ tướng Chính phủ Phạm Minh Chính ký Quyết định số 1438/QĐ-TTg"],
        None,
        [
            ref("Quyết định", "1438/QĐ-TTg", "1438", "2021-08-25", "Thủ tướng Chính phủ", None, 2021, "QĐ-TTg"),
        ],
    ),
    (
        "date-before-lai-ra",
        [
            "Nhưng đến ngày 20 tháng 12 năm 1975, Bộ Chính trị Đảng Cộng sản Việt Nam lại ra Nghị quyết số 19/NQ điều chỉnh lại việc hợp nhất tỉnh ở miền Nam Việt Nam"
        ],
        None,
        [
            ref(
                "Nghị quyết",
                "19/NQ",
                "19",
                "1975-12-20",
                "Bộ Chính trị Đảng Cộng sản Việt Nam",
                "điều chỉnh lại việc hợp nhất tỉnh ở miền Nam Việt Nam",
                1975,
                "NQ",
            ),
        ],
    ),
    (
        "standing-committee-before",
        [
            "Ngày 29 tháng 8 năm 2000, Thường vụ Bộ Chính trị ban hành Thông báo số 315-TB/TW về chủ trương tổ chức lại hai Đại học Quốc gia"
        ],
        None,
        [
            ref(
                "Thông báo",
                "315-TB/TW",
                "315",
                "2000-08-29",
                "Thường vụ Bộ Chính trị",
                "chủ trương tổ chức lại hai Đại học Quốc gia",
                2000,
                "TB/TW",
            ),
        ],
    ),
    (
        "military-party-bodies-before",
        [
            "Trước yêu cầu nhiệm vụ mới, ngày 28 tháng 12 năm 1975, Thường vụ Quân uỷ Trung ương ra Quyết định số 279/VP-QU thông qua việc thành lập Bộ Tư lệnh Bảo vệ Lăng Chủ tịch Hồ Chí Minh",
            "Ngày 24 tháng 9 năm 1955, Tổng quân uỷ đã ra Nghị quyết số 10/VP-TQU về cải tiến cách làm việc",
        ],
        None,
        [
            ref("Quyết định", "279/VP-QU", "279", "1975-12-28", "Thường vụ Quân ủy Trung ương", None, 1975, "VP-QU"),
            ref(
                "Nghị quyết", "10/VP-TQU", "10", "1955-09-24", "Tổng quân ủy", "cải tiến cách làm việc", 1955, "VP-TQU"
            ),
        ],
    ),
    (
        "trade-union-after-cua",
        [
            "Căn cứ Công văn số 246/CĐYT ngày 08/8/2025 của Công đoàn Y tế Việt Nam về việc hỗ trợ đoàn viên bị tai nạn lao động"
        ],
        None,
        [
            ref(
                "Công văn",
                "246/CĐYT",
                "246",
                "2025-08-08",
                "Công đoàn Y tế Việt Nam",
                "hỗ trợ đoàn viên bị tai nạn lao động",
                2025,
                "CĐYT",
            ),
        ],
    ),
    (
        "code-goes-on-with-a-year",
        [
            "Theo Nghị định số 03/NĐ-76 ngày 24 tháng 2 năm 1976 và Quyết định số 17/QĐ-76 ngày 24 tháng 3 năm 1976",
            "Chính phủ Cách mạng Lâm thời Cộng hòa miền Nam Việt Nam ban hành Nghị định số 3/NQ/1976[8] về việc hợp nhất tỉnh Bạc Liêu",
            'Truy cập ngày 7 tháng 5 năm 2025.**^**"Nghị định số 3/NQ/1976 về việc giải thể khu, hợp nhất tỉnh ở miền Nam Việt Nam".',
        ],
        None,
        [
            ref("Nghị định", "03/NĐ-76", "03", "1976-02-24", None, None, 1976, "NĐ-76"),
            ref("Quyết định", "17/QĐ-76", "17", "1976-03-24", None, None, 1976, "QĐ-76"),
            ref(
                "Nghị định",
                "3/NQ/1976",
                "3",
                None,
                "Chính phủ Cách mạng Lâm thời Cộng hòa miền Nam Việt Nam",
                "giải thể khu, hợp nhất tỉnh ở miền Nam Việt Nam",
                None,
                "NQ/1976",
            ),
        ],
    ),
    (
        "two-types-of-one-body-not-numbered-together-keep-their-dates",
        [
            "Thực hiện Chỉ thị số 35-CT/TW và Kết luận số 118-KL/TW ngày 18/1/2025 của Bộ Chính trị về đại hội đảng bộ các cấp"
        ],
        None,
        [
            ref("Chỉ thị", "35-CT/TW", "35", None, "Bộ Chính trị", None, None, "CT/TW"),
            ref("Kết luận", "118-KL/TW", "118", "2025-01-18", "Bộ Chính trị", "đại hội đảng bộ các cấp", 2025, "KL/TW"),
        ],
    ),
    (
        "a-date-before-a-list-holds-for-each-number",
        [
            "Ngày 25 tháng 7 năm 2008, Bộ trưởng Bộ Quốc phòng ra Quyết định số 2192/QĐ-BQP, 2194/QĐ-BQP hợp nhất Bộ Tư lệnh Thủ đô"
        ],
        None,
        [
            ref("Quyết định", "2192/QĐ-BQP", "2192", "2008-07-25", "Bộ Quốc phòng", None, 2008, "QĐ-BQP"),
            ref("Quyết định", "2194/QĐ-BQP", "2194", "2008-07-25", "Bộ Quốc phòng", None, 2008, "QĐ-BQP"),
        ],
    ),
    (
        "a-date-before-a-list-signed-ki",
        [
            "Ngày 25 tháng 4 năm 2007, Thủ tướng Chính phủ Việt Nam Nguyễn Tấn Dũng kí các Quyết định số 482/QĐ-TTg, 493/QĐ-TTg, 494/QĐ-TTg, thăng cấp bậc hàm"
        ],
        None,
        [
            ref("Quyết định", "482/QĐ-TTg", "482", "2007-04-25", "Thủ tướng Chính phủ", None, 2007, "QĐ-TTg"),
            ref("Quyết định", "493/QĐ-TTg", "493", "2007-04-25", "Thủ tướng Chính phủ", None, 2007, "QĐ-TTg"),
            ref("Quyết định", "494/QĐ-TTg", "494", "2007-04-25", "Thủ tướng Chính phủ", None, 2007, "QĐ-TTg"),
        ],
    ),
    (
        "a-council-of-another-province-is-not-the-document-s",
        [
            '**e**"Nghị quyết số 23/NQ-HĐND về việc thống nhất chủ trương sắp xếp đơn vị hành chính cấp xã của tỉnh '
            'Kiên Giang năm 2025" (PDF).',
            "Nghị quyết số 27/NQ-HĐND về việc tán thành chủ trương sắp xếp đơn vị hành chính cấp xã của tỉnh Quảng Ninh năm 2025",
        ],
        "Quảng Ninh",
        [
            ref(
                "Nghị quyết",
                "23/NQ-HĐND",
                "23",
                None,
                None,
                "thống nhất chủ trương sắp xếp đơn vị hành chính cấp xã của tỉnh Kiên Giang năm 2025",
                None,
                "NQ-HĐND",
            ),
            ref(
                "Nghị quyết",
                "27/NQ-HĐND",
                "27",
                None,
                "Hội đồng nhân dân tỉnh Quảng Ninh",
                "tán thành chủ trương sắp xếp đơn vị hành chính cấp xã của tỉnh Quảng Ninh năm 2025",
                None,
                "NQ-HĐND",
            ),
        ],
    ),
    (
        "a-council-named-with-its-own-place-gets-no-other",
        [
            "Ngày 13 tháng 12 năm 1979, ủy ban Nhân dân Bình Trị Thiên công bố Quyết định số 2342-QĐ/UB thu hồi tiểu chủng viện Hoan Thiện"
        ],
        "Hồ Chí Minh",
        [ref("Quyết định", "2342-QĐ/UB", "2342", None, "Ủy ban nhân dân Bình Trị Thiên", None, None, "QĐ/UB")],
    ),
    (
        "two-offices-joined-by-a-dash",
        [
            "Ngày 13 tháng 7 năm 1950, Bộ trưởng Bộ Quốc phòng-Tổng tư lệnh Quân đội quốc gia và Dân quân Việt Nam đã ra Thông tư số 47/TT-A giải thích về tổ chức mới",
            "Ngày 17 tháng 7 năm 1976, Đại tướng Võ Nguyên Giáp - Bộ trưởng Bộ Quốc phòng đã ký Quyết định số 224/QĐ-QP phát triển Cục Hóa học",
        ],
        None,
        [
            ref("Thông tư", "47/TT-A", "47", "1950-07-13", "Bộ Quốc phòng", None, 1950, "TT-A"),
            ref("Quyết định", "224/QĐ-QP", "224", "1976-07-17", "Bộ Quốc phòng", None, 1976, "QĐ-QP"),
        ],
    ),
    (
        "a-verb-a-holder-and-a-province-after-the-issuer",
        [
            "tại lễ công bố Quyết định số 186-QĐ/TW ngày 29/4/2016 của Bộ Chính trị chỉ định Quân ủy Trung ương, Thường vụ Quân ủy Trung ương",
            "Công văn số 43/PThT/BĐPT/KH ngày 19.02.1973 của Thủ tướng chính quyền Sài Gòn Trần Thiện Khiêm, Phông ĐIICH",
            "an ninh (theo Quyết định số 46/QĐ-HĐCDGSNN ngày 22/10/2015 của Chủ tịch Hội đồng chức danh Giáo sư Nhà nước).",
        ],
        "Thái Nguyên",
        [
            ref(
                "Quyết định",
                "186-QĐ/TW",
                "186",
                "2016-04-29",
                "Bộ Chính trị",
                "chỉ định Quân ủy Trung ương, Thường vụ Quân ủy Trung ương",
                2016,
                "QĐ/TW",
            ),
            ref(
                "Công văn",
                "43/PThT/BĐPT/KH",
                "43",
                "1973-02-19",
                "Thủ tướng chính quyền Sài Gòn",
                None,
                1973,
                "PThT/BĐPT/KH",
            ),
            ref(
                "Quyết định",
                "46/QĐ-HĐCDGSNN",
                "46",
                "2015-10-22",
                "Chủ tịch Hội đồng Chức danh Giáo sư Nhà nước",
                None,
                2015,
                "QĐ-HĐCDGSNN",
            ),
        ],
    ),
    (
        "a-table-cell-ends-the-subject",
        ["Nghị quyết 245/2025/QH15 về dự toán ngân sách nhà nước năm 2026 | 13/11/2025 | 28/12/2025"],
        None,
        [
            ref(
                "Nghị quyết",
                "245/2025/QH15",
                "245",
                None,
                "Quốc hội",
                "dự toán ngân sách nhà nước năm 2026",
                2025,
                "QH15",
            )
        ],
    ),
    (
        "a-question-is-no-trich-yeu",
        ["Thông tư 16/2024/TT-BCA quy định về mẫu thẻ căn cước, mẫu giấy chứng nhận căn cước như thế nào?"],
        None,
        [ref("Thông tư", "16/2024/TT-BCA", "16", None, "Bộ Công an", None, 2024, "TT-BCA")],
    ),
    (
        "code-goes-on-with-a-name",
        ["Theo Quyết định số 4412/QĐ-Đại học Quốc gia Hà Nội ngày 31/12/2021 về cơ chế đặc thù trong tuyển sinh"],
        None,
        [],
    ),
    (
        "issuer-before-a-reference-list-mark",
        [
            "Nghị Quyết số 23/2003/QH11 ngày 26/11/2003 của Quốc hội Việt Nam^Bản góp ý của TGP Saigòn về xây dựng Dự thảo Nghị định"
        ],
        None,
        [ref("Nghị quyết", "23/2003/QH11", "23", "2003-11-26", "Quốc hội", None, 2003, "QH11")],
    ),
    (
        "capitalised-trich-yeu-after-issuer",
        [
            "- Theo Quyết định 893/QĐ-TTg của Thủ tướng Chính phủ Điều chỉnh Quy hoạch tổng thể phát triển kinh tế - xã hội tỉnh Bỉnh Dương đến năm 2020"
        ],
        None,
        [
            ref(
                "Quyết định",
                "893/QĐ-TTg",
                "893",
                None,
                "Thủ tướng Chính phủ",
                "Điều chỉnh Quy hoạch tổng thể phát triển kinh tế",
                None,
                "QĐ-TTg",
            )
        ],
    ),
    (
        "head-of-state-signs-a-decree",
        [
            "Ngày 10 tháng 7 năm 1951, Chủ tịch Hồ Chí Minh ký Sắc lệnh số 36/SL, chuyển Nha Thông tin từ Bộ Nội vụ sang Thủ tướng phủ quản lý."
        ],
        None,
        [
            ref("Sắc lệnh", "36/SL", "36", "1951-07-10", "Chủ tịch nước", None, 1951, "SL"),
        ],
    ),
    (
        "head-of-state-after-cua",
        ["Sắc lệnh số 53 ngày 24 tháng 4 năm 1946 của Chủ tịch Hồ Chí Minh"],
        None,
        [
            ref("Sắc lệnh", "53", "53", "1946-04-24", "Chủ tịch nước", None, 1946, ""),
        ],
    ),
    (
        "president-is-no-country",
        ["Quyết định số 111/KT/CTN ngày 28 tháng 6 năm 1993 của Chủ tịch nước về việc điều chỉnh mức tặng thưởng"],
        None,
        [
            ref(
                "Quyết định",
                "111/KT/CTN",
                "111",
                "1993-06-28",
                "Chủ tịch nước",
                "điều chỉnh mức tặng thưởng",
                1993,
                "KT/CTN",
            ),
        ],
    ),
    (
        "party-plenum-without-cua",
        [
            "Nghị quyết 13-NQ/TW, ngày 16/8/1999 Hội nghị lần thứ bảy BCHTW Đảng (khóa VIII) một số vấn đề về tổ chức, bộ máy của hệ thống chính trị"
        ],
        None,
        [
            ref("Nghị quyết", "13-NQ/TW", "13", "1999-08-16", "Ban Chấp hành Trung ương Đảng", None, 1999, "NQ/TW"),
        ],
    ),
    (
        "party-plenum-of-the-fifth-session",
        [
            '- "Kết luận số 01-KL/HNTW ngày 16/7/1998 Hội nghị lần thứ năm BCHTW (khóa VIII) về đấu tranh chống các quan điểm sai trái, bảo vệ Cương lĩnh".'
        ],
        None,
        [
            ref("Kết luận", "01-KL/HNTW", "01", "1998-07-16", "Ban Chấp hành Trung ương Đảng", None, 1998, "KL/HNTW"),
        ],
    ),
    (
        "footnote-mark-after-the-issuer",
        [
            "Căn cứ theo Nghị định số 123/2016/NĐ-CP ngày 1/9/2016 của Chính phủ[6] quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của bộ, cơ quan ngang bộ"
        ],
        None,
        [
            ref("Nghị định", "123/2016/NĐ-CP", "123", "2016-09-01", "Chính phủ", None, 2016, "NĐ-CP"),
        ],
    ),
    (
        "a-committee-of-the-quoc-hoi-has-no-province-and-a-pair-shares-its-date",
        [
            "Xét đề nghị của Chính phủ tại Tờ trình số 363/TTr-CP và Đề án số 364/ĐA-CP ngày 09 tháng 5 năm 2025, Báo cáo thẩm tra số 414/BC-UBPLTP15 ngày 03 tháng 6 năm 2025 của Ủy ban Pháp luật và Tư pháp,"
        ],
        "Cà Mau",
        [
            ref("Tờ trình", "363/TTr-CP", "363", "2025-05-09", "Chính phủ", None, 2025, "TTr-CP"),  # (the pair's date)
            ref("Đề án", "364/ĐA-CP", "364", "2025-05-09", "Chính phủ", None, 2025, "ĐA-CP"),
            ref(
                "Báo cáo",
                "414/BC-UBPLTP15",
                "414",
                "2025-06-03",
                "Ủy ban Pháp luật và Tư pháp",
                None,
                2025,
                "BC-UBPLTP15",
            ),
        ],
    ),
    (
        "issuer-written-in-lower-case",
        ["Quyết định số 1029/QĐ-UBT ngày 31-8- 1978 của ủy ban nhân dân tỉnh Đồng Nai"],
        None,
        [
            ref(
                "Quyết định", "1029/QĐ-UBT", "1029", "1978-08-31", "Ủy ban nhân dân tỉnh Đồng Nai", None, 1978, "QĐ-UBT"
            ),
        ],
    ),
    (
        "issuer-at-the-end-of-the-subject",
        [
            "[16] - Nghị quyết 05/2019/NQ-HĐTP hướng dẫn áp dụng Điều 214 về tội gian lận bảo hiểm xã hội của Bộ luật Hình sự do Hội đồng Thẩm phán Tòa án nhân dân tối cao ban hành"
        ],
        None,
        [
            ref(
                "Nghị quyết",
                "05/2019/NQ-HĐTP",
                "05",
                None,
                "Hội đồng Thẩm phán Tòa án nhân dân tối cao",
                "hướng dẫn áp dụng Điều 214 về tội gian lận bảo hiểm xã hội của Bộ luật Hình sự",
                2019,
                "NQ-HĐTP",
            ),
            ref("Bộ luật", None, None, None, "Quốc hội", "Bộ luật Hình sự", None, None),
        ],
    ),
    (
        "number-glued-to-so",
        ["Xét đề nghị của Chính phủ tại Tờ trình số374/TTr-CP vàĐề án số 375/ĐA-CP ngày 09 tháng 5 năm 2025"],
        None,
        [
            ref("Tờ trình", "374/TTr-CP", "374", None, "Chính phủ", None, None, "TTr-CP"),
            ref("Đề án", "375/ĐA-CP", "375", "2025-05-09", "Chính phủ", None, 2025, "ĐA-CP"),
        ],
    ),
    (
        "office-and-its-holder-as-issuer",
        [
            "Ngày 15 tháng 1 năm 2023, theo quyết định 19/QĐ-TTg của Thủ tướng Phạm Minh Chính, Trần Lưu Quang làm nhiệm vụ của ông Phạm Bình Minh"
        ],
        None,
        [
            ref("Quyết định", "19/QĐ-TTg", "19", None, "Thủ tướng Chính phủ", None, None, "QĐ-TTg"),
        ],
    ),
    (
        "licence-granted-on-a-date",
        [
            "Tài liệu được xuất bản theo Quyết định cho phép xuất bản số 481/GP-STTTT của Sở Thông tin và Truyền thông Thành phố Hồ Chí Minh cấp ngày 01/4/2009"
        ],
        None,
        [
            ref(
                "Quyết định",
                "481/GP-STTTT",
                "481",
                "2009-04-01",
                "Sở Thông tin và Truyền thông thành phố Hồ Chí Minh",
                None,
                2009,
                "GP-STTTT",
            ),
        ],
    ),
    (
        "law-name-holding-sat",
        [
            "Căn cứ theo Điều 3 Luật Cảnh sát biển Việt Nam 2018 quy định về vị trí, chức năng của Cảnh sát biển Việt Nam như sau:"
        ],
        None,
        [
            ref("Luật", None, None, None, "Quốc hội", "Luật Cảnh sát biển Việt Nam 2018", None, None),
        ],
    ),
    (
        "law-title-with-two-commas",
        [
            "Căn cứ theo Điều 39 Luật Phòng cháy, chữa cháy và cứu nạn, cứu hộ 2024 quy định về phòng cháy chữa cháy, cứu nạn cứu hộ tình nguyện như sau:"
        ],
        None,
        [
            ref("Luật", None, None, None, "Quốc hội", "Luật Phòng cháy, chữa cháy và cứu nạn, cứu hộ 2024", None, None),
        ],
    ),
    (
        "law-name-then-a-new-clause",
        ["Trường hợp chưa được quy định tại Luật Đấu thầu, Chính phủ quyết định việc áp dụng quy định"],
        None,
        [
            ref("Luật", None, None, None, "Quốc hội", "Luật Đấu thầu", None, None),
        ],
    ),
    (
        "law-name-then-a-list-of-sources",
        ["quy định của Luật Căn cước, điều ước quốc tế và thỏa thuận quốc tế mà Việt Nam là thành viên"],
        None,
        [
            ref("Luật", None, None, None, "Quốc hội", "Luật Căn cước", None, None),
        ],
    ),
    (
        "law-name-then-moi",
        [
            "Bảng giá đất có được áp dụng để tính tiền xử phạt vi phạm hành chính trong lĩnh vực đất đai theo Luật Đất đai mới?"
        ],
        None,
        [
            ref("Luật", None, None, None, "Quốc hội", "Luật Đất đai", None, None),
        ],
    ),
    (
        "law-name-then-a-footnote",
        ["Điều 2 Luật Bầu cử đại biểu Quốc hội^Người đang bị tạm giam"],
        None,
        [
            ref("Luật", None, None, None, "Quốc hội", "Luật Bầu cử đại biểu Quốc hội", None, None),
        ],
    ),
    (
        "law-name-then-a-web-archive-note",
        [
            "- Tập tin văn bản Luật Biển Việt Nam Lưu trữ ngày 18 tháng 6 năm 2018 tại Wayback Machine trên Cổng thông tin điện tử Chính phủ"
        ],
        None,
        [
            ref("Luật", None, None, None, "Quốc hội", "Luật Biển Việt Nam", None, None),
        ],
    ),
    (
        "law-title-holding-cua",
        ["Theo quy định của Luật Trách nhiệm bồi thường của Nhà nước, Nhà nước có trách nhiệm bồi thường về vật chất"],
        None,
        [
            ref("Luật", None, None, None, "Quốc hội", "Luật Trách nhiệm bồi thường của Nhà nước", None, None),
        ],
    ),
    (
        "law-name-then-het-hieu-luc",
        [
            "Luật số 37/2009/QH12 sửa đổi, bổ sung một số điều của Bộ luật Hình sự, Bộ luật Dân sự hết hiệu lực thi hành."
        ],
        None,
        [
            ref(
                "Luật",
                "37/2009/QH12",
                "37",
                None,
                "Quốc hội",
                "sửa đổi, bổ sung một số điều của Bộ luật Hình sự",
                2009,
                "QH12",
            ),
            ref("Bộ luật", None, None, None, "Quốc hội", "Bộ luật Hình sự", None, None),
            ref("Bộ luật", None, None, None, "Quốc hội", "Bộ luật Dân sự", None, None),
        ],
    ),
    (
        "law-name-does-not-end-with-va",
        [
            "+ Có tuổi thấp hơn tối đa 10 tuổi so với tuổi quy định tại khoản 2 Điều 169 Bộ luật Lao động và bị suy giảm khả năng lao động từ 81% trở lên;"
        ],
        None,
        [
            ref("Bộ luật", None, None, None, "Quốc hội", "Bộ luật Lao động", None, None),
        ],
    ),
    (
        "law-number-in-brackets",
        [
            "Theo Luật Quốc phòng năm 2005 (luật số 39/2005/QH11 ngày 14 tháng 6 năm 2005), Quân đội nhân dân là một bộ phận"
        ],
        None,
        [
            ref("Luật", "39/2005/QH11", "39", "2005-06-14", "Quốc hội", "Luật Quốc phòng năm 2005", 2005, "QH11"),
        ],
    ),
    (
        "a-list-number-after-the-issuer",
        [
            "Hỗ trợ theo Quyết định số 21/2024/QĐ-TTg ngày 22/11/2024 của Thủ tướng Chính phủ 3.5. Đề xuất thăm, tặng quà công nhân"
        ],
        None,
        [
            ref("Quyết định", "21/2024/QĐ-TTg", "21", "2024-11-22", "Thủ tướng Chính phủ", None, 2024, "QĐ-TTg"),
        ],
    ),
    (
        "office-body-and-holder-written-before",
        [
            "Ngày 10 tháng 6 năm 1969, Chủ tịch Chính phủ Cách mạng lâm thời Cộng hòa miền Nam Việt Nam Huỳnh Tấn Phát ký Quyết định số 07/QĐ/CT thành lập phái đoàn tham dự Hội nghị Paris về Việt Nam."
        ],
        None,
        [
            ref(
                "Quyết định",
                "07/QĐ/CT",
                "07",
                "1969-06-10",
                "Chủ tịch Chính phủ Cách mạng lâm thời Cộng hòa miền Nam Việt Nam",
                "thành lập phái đoàn tham dự Hội nghị Paris về Việt Nam",
                1969,
                "QĐ/CT",
            ),
        ],
    ),
    (
        "the-presidents-office",
        ["^Sắc lệnh số 231/SL về việc điều chỉnh địa giới giữa 2 tỉnh Lào Cai và Yên Bái do Phủ Chủ tịch ban hành^"],
        None,
        [
            ref(
                "Sắc lệnh",
                "231/SL",
                "231",
                None,
                "Chủ tịch nước",
                "điều chỉnh địa giới giữa 2 tỉnh Lào Cai và Yên Bái",
                None,
                "SL",
            ),
        ],
    ),
    (
        "footnote-mark-before-cua",
        [
            "Cần Thơ cũng đã được định hướng để phát triển trở thành thành phố công nghiệp trước năm 2020 theo Nghị quyết 45- NQ/TW[32] của Bộ chính trị về xây dựng và phát triển thành phố Cần Thơ trong thời kỳ công nghiệp hóa hiện đại hóa đất nước."
        ],
        None,
        [
            ref(
                "Nghị quyết",
                "45-NQ/TW",
                "45",
                None,
                "Bộ Chính trị",
                "xây dựng và phát triển thành phố Cần Thơ trong thời kỳ công nghiệp hóa hiện đại hóa đất nước",
                None,
                "NQ/TW",
            ),
        ],
    ),
    (
        "joint-issuers-written-with-their-offices",
        [
            "quy định tại Điều 5 Thông tư liên tịch số 16/2016/TTLT-BYT-BQP ngày 30/6/2016 của Bộ trưởng Bộ Y tế - Bộ trưởng Bộ Quốc phòng quy định việc khám sức khỏe thực hiện nghĩa vụ quân sự"
        ],
        None,
        [
            ref(
                "Thông tư liên tịch",
                "16/2016/TTLT-BYT-BQP",
                "16",
                "2016-06-30",
                "Bộ Y tế và Bộ Quốc phòng",
                "quy định việc khám sức khỏe thực hiện nghĩa vụ quân sự",
                2016,
                "TTLT-BYT-BQP",
            ),
        ],
    ),
    (
        "year-before-cua",
        [
            "(8) Giấy tờ của đơn vị quốc phòng giao đất cho cán bộ, chiến sĩ làm nhà ở theo Chỉ thị 282/CT-QP năm 1991 của Bộ trưởng Bộ Quốc phòng mà việc giao đất đó phù hợp với quy hoạch"
        ],
        None,
        [
            ref("Chỉ thị", "282/CT-QP", "282", None, "Bộ Quốc phòng", None, 1991, "CT-QP"),
        ],
    ),
    (
        "known-title-then-lower-case-words",
        [
            "2. Khi chưa bãi bỏ mức lương cơ sở thì mức tham chiếu quy định tại Luật Bảo hiểm xã hội bằng mức lương cơ sở. Tại thời điểm mức lương cơ sở bị bãi bỏ"
        ],
        None,
        [
            ref("Luật", None, None, None, "Quốc hội", "Luật Bảo hiểm xã hội", None, None),
        ],
    ),
    (
        "known-title-extended-by-a-longer-one",
        ["Theo Luật Căn cước công dân 2014 và Luật Đầu tư theo phương thức đối tác công tư"],
        None,
        [
            ref("Luật", None, None, None, "Quốc hội", "Luật Căn cước công dân 2014", None, None),
            ref("Luật", None, None, None, "Quốc hội", "Luật Đầu tư theo phương thức đối tác công tư", None, None),
        ],
    ),
    (
        "local-body-of-another-place-written-before",
        [
            "Năm 2020, UBND tỉnh Quảng Nam ban hành Quyết định số 3289/QĐ-UBND ngày 24 tháng 11 năm 2020. Theo đó, Trường THPT Nam Giang được đổi tên thành Trường THPT Tố Hữu."
        ],
        "Thừa Thiên Huế",
        [
            ref(
                "Quyết định",
                "3289/QĐ-UBND",
                "3289",
                "2020-11-24",
                "Ủy ban nhân dân tỉnh Quảng Nam",
                None,
                2020,
                "QĐ-UBND",
            ),
        ],
    ),
    (
        "the-governments-former-name",
        [
            "Ngày 14 tháng 5 năm 1981, Hội đồng Chính phủ ban hành Quyết định 185/1981/QĐ-CP[20] về việc điều chỉnh địa giới một số xã thuộc các huyện Mèo Vạc, Quản Bạ, Vị Xuyên, Hoàng Xu Phì, Xín Mần."
        ],
        None,
        [
            ref("Quyết định", "185/1981/QĐ-CP", "185", "1981-05-14", "Hội đồng Chính phủ", None, 1981, "QĐ-CP"),
        ],
    ),
    (
        "known-title-then-the-countrys-name",
        ["Wikisoure | Luật Cư trú nước Cộng hòa xã hội chủ nghĩa Việt Nam 2020"],
        None,
        [
            ref(
                "Luật",
                None,
                None,
                None,
                "Quốc hội",
                "Luật Cư trú nước Cộng hòa xã hội chủ nghĩa Việt Nam 2020",
                None,
                None,
            ),
        ],
    ),
    (
        "a-person-signs-no-body-named",
        [
            "Chấp hành Nghị quyết của Bộ Chính trị, Ngày 24 tháng 10 năm 1973, Đại tướng Võ Nguyên Giáp đã ký quyết định số 142/QĐ-QP về việc thành lập Quân đoàn 1."
        ],
        None,
        [
            ref("Quyết định", "142/QĐ-QP", "142", "1973-10-24", None, "thành lập Quân đoàn 1", 1973, "QĐ-QP"),
        ],
    ),
    (
        "the-president-of-the-country-written-in-full",
        [
            "Ngày 22 tháng 6 năm 2023, bà được truy tặng danh hiệu Nghệ sĩ Nhân dân theo Quyết định số 725/QĐ-CTN của Chủ tịch nước Cộng hoà Xã hội chủ nghĩa Việt Nam.[4]"
        ],
        None,
        [
            ref("Quyết định", "725/QĐ-CTN", "725", None, "Chủ tịch nước", None, None, "QĐ-CTN"),
        ],
    ),
    (
        "the-president-of-the-republic-of-vietnam",
        [
            "Với Nghị định số 110-NV ngày 27 tháng 3 năm 1959 của Tổng thống Ngô Đình Diệm, từ 6 quận, Sài Gòn được chia lại thành 8 quận"
        ],
        None,
        [
            ref("Nghị định", "110-NV", "110", "1959-03-27", "Tổng thống Việt Nam Cộng hòa", None, 1959, "NV"),
        ],
    ),
    (
        "a-year-after-the-number-keeps-two-terms-apart",
        [
            "Sau hội nghị, phân phối-lưu thông được chấn chỉnh theo hướng trở lại cơ chế phân phối lưu thông trước nghị quyết số 26-NQ/TW năm 1980. Theo Nghị quyết số 26-NQ/TW ngày 19/5/2018 của Ban Chấp hành Trung ương Đảng về tập trung xây dựng đội ngũ cán bộ các cấp"
        ],
        None,
        [
            ref("Nghị quyết", "26-NQ/TW", "26", None, None, None, 1980, "NQ/TW"),
            ref(
                "Nghị quyết",
                "26-NQ/TW",
                "26",
                "2018-05-19",
                "Ban Chấp hành Trung ương Đảng",
                "tập trung xây dựng đội ngũ cán bộ các cấp",
                2018,
                "NQ/TW",
            ),
        ],
    ),
    (
        "law-passed-on-a-date-after-a-connective",
        [
            "Hiện tại, thu thập rộng rãi ý kiến người dân đã trở thành thủ tục bắt buộc trước khi đệ trình các văn bản luật và các dự án lớn lên quốc hội. Đặc biệt, ngày 25/11/2015, Quốc hội Việt Nam đã thông qua Luật Trưng cầu dân ý.[182]"
        ],
        None,
        [
            ref("Luật", None, None, "2015-11-25", "Quốc hội", "Luật Trưng cầu dân ý", 2015, None),
        ],
    ),
    (
        "issuer-then-nhu-sau",
        [
            "Khi được ban hành lần đầu năm 1956, quốc huy nước Việt Nam Dân chủ cộng hòa được mô tả tại Điều 2 Sắc lệnh 254/SL của Chủ tịch nước như sau:[4]"
        ],
        None,
        [
            ref("Sắc lệnh", "254/SL", "254", None, "Chủ tịch nước", None, None, "SL"),
        ],
    ),
    (
        "issuer-written-short-of-the-coded-name",
        [
            "^Tổ Tư vấn Kinh tế của Thủ tướng được thành lập ngày 28 tháng 7 năm 2017 theo Quyết định 1120/QĐ-TTg của Thủ tướng."
        ],
        None,
        [
            ref("Quyết định", "1120/QĐ-TTg", "1120", None, "Thủ tướng Chính phủ", None, None, "QĐ-TTg"),
        ],
    ),
    (
        "the-president-named-with-the-old-state-and-his-name",
        [
            "Chủ tịch nước Việt Nam Dân chủ Cộng hoà Hồ Chí Minh đã ký sắc lệnh 32/SL ngày 25 tháng 4 năm 1949 tặng thưởng Huân chương Độc lập hạng Nhì.[21]"
        ],
        None,
        [
            ref("Sắc lệnh", "32/SL", "32", "1949-04-25", "Chủ tịch nước", None, 1949, "SL"),
        ],
    ),
    (
        "issuer-then-tiep-tuc",
        [
            "Ngày 5/12/2025, Phó Thủ tướng Mai Văn Chính ký Quyết định 2640/QĐ-TTg năm 2025 ban hành Kế hoạch triển khai thực hiện Kết luận 84-KL/TW năm 2024 của Bộ Chính trị tiếp tục thực hiện Nghị quyết 23-NQ/TW năm 2008 của Bộ Chính trị (khóa X)"
        ],
        None,
        [
            ref("Quyết định", "2640/QĐ-TTg", "2640", "2025-12-05", "Thủ tướng Chính phủ", None, 2025, "QĐ-TTg"),
            ref("Kết luận", "84-KL/TW", "84", None, "Bộ Chính trị", None, 2024, "KL/TW"),
            ref("Nghị quyết", "23-NQ/TW", "23", None, "Bộ Chính trị", None, 2008, "NQ/TW"),
        ],
    ),
    (
        "date-opening-the-clause-without-a-comma",
        [
            "Ngày Pháp luật của nước Cộng hòa xã hội chủ nghĩa Việt Nam. Ngày 04 tháng 4 năm 2013 Chính phủ đã ban hành Nghị định số 28/2013/NĐ-CP quy định chi tiết một số điều và biện pháp thi hành Luật Phổ biến, giáo dục pháp luật"
        ],
        None,
        [
            ref(
                "Nghị định",
                "28/2013/NĐ-CP",
                "28",
                "2013-04-04",
                "Chính phủ",
                "quy định chi tiết một số điều và biện pháp thi hành Luật Phổ biến, giáo dục pháp luật",
                2013,
                "NĐ-CP",
            ),
            ref("Luật", None, None, None, "Quốc hội", "Luật Phổ biến, giáo dục pháp luật", None, None),
        ],
    ),
    (
        "date-of-another-citation-is-not-taken",
        [
            "Căn cứ Quyết định số 1/QĐ-UBND ngày 5/3/2020 của UBND tỉnh ban hành Quyết định số 2/QĐ-UBND về việc khen thưởng"
        ],
        "Đồng Nai",
        [
            ref(
                "Quyết định",
                "1/QĐ-UBND",
                "1",
                "2020-03-05",
                "Ủy ban nhân dân tỉnh Đồng Nai",
                "ban hành Quyết định số 2/QĐ-UBND về việc khen thưởng",
                2020,
                "QĐ-UBND",
            ),
            ref("Quyết định", "2/QĐ-UBND", "2", None, "Ủy ban nhân dân tỉnh Đồng Nai", "khen thưởng", None, "QĐ-UBND"),
        ],
    ),
]


@pytest.mark.parametrize("paragraphs,province,expected", [c[1:] for c in CITATIONS], ids=[c[0] for c in CITATIONS])
def test_citations(paragraphs, province, expected):
    assert without_spans(refs_in(*paragraphs, province=province)) == expected


def test_numbers_of_other_kinds_are_not_citations():
    """Public texts: a DOI, a national standard's year, a vote count, house numbers, codes of a table."""
    refs = refs_in(
        "Journal of Asian Studies. Quyển 77 số 3. tr. 741–771. doi:10.1017/S0021911818000505.",
        "Căn cứ vào QCVN 26:2010/BTNMT - Quy chuẩn kỹ thuật quốc gia về tiếng ồn;",
        "Cụ thể 418/487 ĐB có mặt đồng ý, 68 ĐB không đồng ý.",
        "Bệnh viện Vạn Hạnh | 781/B1-B3-B5 Lê Hồng Phong nối dài, Phường 12",
        "Trường THCS Hòa Hưng | 493/73A Cách Mạng Tháng Tám, Phường 1",
        "- Huyện Vĩnh Lợi: 94-C1/K1/K2",
    )
    assert refs == ()


def test_types_of_licences_consolidated_texts_and_circulars_of_the_front():
    refs = refs_in(
        "Giấy phép hoạt động báo điện tử số 140/GP-BTTTT cấp ngày 17/03/2022;",
        'Văn phòng Quốc hội. "Văn bản hợp nhất 24/VBHN-VPQH".',
        "(20) Thông tri 04/TT-MTTW-BTT năm 2025 ngày 04/11/2025 của Ban Thường trực.",
    )
    assert [(r.doc_type, r.symbol) for r in refs] == [
        ("Giấy phép", "140/GP-BTTTT"),
        ("Văn bản hợp nhất", "24/VBHN-VPQH"),
        ("Thông tri", "04/TT-MTTW-BTT"),
    ]


def test_a_body_named_with_its_country_is_the_body():
    refs = refs_in(
        "(5) Nghị quyết 101/2025/UBTVQH15 ngày 26/9/2025 của Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam"
    )
    assert [(r.symbol, r.issuer) for r in refs] == [("101/2025/UBTVQH15", "Quốc hội")]


def test_own_number_and_forms_are_not_citations():
    refs = refs_in(
        "(Kèm theo Nghị quyết số: 83/2025/NQ-HĐND ngày 27 tháng 11 năm 2025 của Hội đồng nhân dân thành phố Hà Nội)",
        "Số: 12/QĐ-UBND",
        "Kê khai theo Mẫu số 01/TĐKT kèm theo.",
        "Số EOF: 649054 /VBĐT",
        "Có mặt: 20/22 , Vắng mặt: 02/22; năm học 2023-2024.",
        symbol="83/2025/NQ-HĐND",
    )
    assert refs == ()


def test_own_number_of_another_year_is_a_citation():
    doc = Document(
        path="t.txt",
        format="txt",
        paragraphs=(
            Paragraph(seq=0, text="Quy chế này thay thế Quy chế số 01/QC-KTĐDN ngày 18/02/2022 của Khối."),
            Paragraph(seq=1, text="Các thành viên thực hiện Quy chế số 01/QC-KTĐDN."),
        ),
    )
    header = Header(symbol="01/QC-KTĐDN", issued_date="2023-03-10", province="Thái Nguyên")
    assert [(r.symbol, r.issued_date) for r in find_legal_refs(doc, header)] == [("01/QC-KTĐDN", "2022-02-18")]


def test_the_district_of_the_documents_own_issuer():
    doc = Document(
        path="t.txt",
        format="txt",
        paragraphs=(
            Paragraph(
                seq=0,
                text=(
                    "Hội đồng được kiện toàn (Quyết định số 3012/QĐ-UBND ngày 02/10/2019 của UBND huyện); Phòng Nội vụ huyện "
                    "là cơ quan thường trực."
                ),
            ),
        ),
    )
    header = Header(issuer="Ủy ban nhân dân huyện Mộc Châu", province="Sơn La")
    assert [r.issuer for r in find_legal_refs(doc, header)] == ["Ủy ban nhân dân huyện Mộc Châu"]


SHORT_ISSUERS = [
    # (id, citation, the document's issuer, the cited issuer)
    (
        "the-only-tong-lien-doan",
        "Hướng dẫn 31/HD-TLĐ ngày 10/10/2024 của Tổng Liên đoàn về bình xét thi đua năm 2024.",
        "Liên đoàn Lao động tỉnh Thái Bình",
        "Tổng Liên đoàn Lao động Việt Nam",
    ),
    (
        "its-presidium",
        "Quyết định số 6772/QĐ-TLĐ ngày 10/3/2023 của Đoàn Chủ tịch Tổng Liên đoàn; Kế hoạch năm 2025.",
        "Liên đoàn Lao động thành phố Huế",
        "Đoàn Chủ tịch Tổng Liên đoàn Lao động Việt Nam",
    ),
    (
        "ban-bi-thu-of-the-party",
        "Thực hiện Chỉ thị số 24-CT/TW ngày 13/12/2023 của Ban Bí thư về tăng cường công tác Hội.",
        "Ban Chấp hành Hội Nông dân tỉnh An Giang",
        "Ban Bí thư Trung ương Đảng",
    ),
    (
        "a-bare-organ-of-the-issuing-union",
        "Thời gian tổng kết theo Kế hoạch số 47/KH-LĐLĐ ngày 02/10/2024 của Ban Thường vụ.",
        "Liên đoàn Lao động tỉnh Thái Bình",
        "Ban Thường vụ Liên đoàn Lao động tỉnh Thái Bình",
    ),
    (
        "a-bare-organ-after-the-parents-name",
        "Sau khi nghe Báo cáo số 112/BC-HNDT ngày 08/01/2025 của Ban Thường vụ về kết quả công tác Hội năm 2024.",
        "Hội Nông dân Việt Nam Ban Chấp hành Hội Nông dân tỉnh An Giang",
        "Ban Thường vụ Hội Nông dân tỉnh An Giang",
    ),
    (
        "a-state-agency-has-no-ban-thuong-vu",
        "Theo Thông báo số 15/TB-UBND ngày 02/10/2024 của Ban Thường vụ.",
        "Ủy ban nhân dân tỉnh Thái Bình",
        "Ban Thường vụ",
    ),
]


@pytest.mark.parametrize("text,issuer,expected", [c[1:] for c in SHORT_ISSUERS], ids=[c[0] for c in SHORT_ISSUERS])
def test_issuers_written_short(text, issuer, expected):
    assert [r.issuer for r in refs_in(text, province="Thái Bình", issuer=issuer)] == [expected]


def test_own_code_cites_the_issuer():
    refs = refs_in(
        "Văn phòng Bộ đã ban hành Quy chế tại Quyết định số 109/QĐ-VP ngày 01/3/2011.",
        symbol="935/VP-TCKT",
        issuer="Văn phòng Bộ Tư pháp",
    )
    assert [(r.symbol, r.issuer) for r in refs] == [("109/QĐ-VP", "Văn phòng Bộ Tư pháp")]


def test_every_span_is_the_text_it_points_at():
    paragraphs = [c for case in CITATIONS for c in case[1]]
    doc = Document(
        path="t.txt", format="txt", paragraphs=tuple(Paragraph(seq=i, text=t) for i, t in enumerate(paragraphs))
    )
    refs = find_legal_refs(doc, Header(province="Bình Thuận"))
    spans = [s for r in refs for s in r.spans]
    assert spans and all(doc.paragraphs[s.paragraph].text[s.start : s.end] == s.text for s in spans)


def test_repeated_citations_keep_every_span():
    refs = refs_in(
        "Căn cứ Nghị định số 93/2019/NĐ-CP ngày 25 tháng 11 năm 2019 của Chính phủ;",
        "d) Các nhiệm vụ khác theo quy định của Nghị định số 93/2019/NĐ-CP và Điều lệ Quỹ.",
    )
    assert [[(s.paragraph, s.text) for s in r.spans] for r in refs] == [
        [(0, "Nghị định số 93/2019/NĐ-CP"), (1, "Nghị định số 93/2019/NĐ-CP")]
    ]


CODES = [
    ("ministry", "TT-BNV", None, "Bộ Nội vụ"),
    ("government", "NĐ-CP", None, "Chính phủ"),
    ("assembly-term", "QH15", None, "Quốc hội"),
    ("prime-minister", "QĐ-TTg", "Đắk Nông", "Thủ tướng Chính phủ"),
    ("provincial-committee", "QĐ-UBND", "Đắk Nông", "Ủy ban nhân dân tỉnh Đắk Nông"),
    ("city-council", "NQ-HĐND", "Hà Nội", "Hội đồng nhân dân thành phố Hà Nội"),
    ("department-first", "SNV-TCCC", "Bình Thuận", "Sở Nội vụ tỉnh Bình Thuận"),
    ("provincial-party-committee", "KH/TU", "Nghệ An", "Tỉnh ủy Nghệ An"),
    ("city-party-committee", "KH/TU", "Hà Nội", "Thành ủy Hà Nội"),
    ("local-without-province", "QĐ-UBND", None, None),
    ("unknown-body", "OL.WMCLV", None, None),
]


@pytest.mark.parametrize("code,province,issuer", [c[1:] for c in CODES], ids=[c[0] for c in CODES])
def test_issuer_of_code(code, province, issuer):
    assert issuer_of_code(code, province) == issuer


def test_types_by_code_and_word():
    assert [type_of_code(c).name for c in ("QĐ-UBND", "QD-UBND", "HĐ-STC", "HD-BNV", "TTr-SNV", "CT/TW")] == [
        "Quyết định",
        "Quyết định",
        "Hợp đồng",
        "Hướng dẫn",
        "Tờ trình",
        "Chỉ thị",
    ]
    assert type_of_code("UBND-VX") is None
    assert [type_named(w).kind for w in ("QUYẾT ĐỊNH", "công điện", "THÔNG TƯ", "Công văn", "BIÊN BẢN")] == [
        "quyet_dinh",
        "other",
        "other",
        "cong_van",
        "bien_ban",
    ]


def test_symbol_key_ignores_marks_case_and_spaces():
    assert symbol_key("354/QĐ-UBND") == symbol_key("354/qd - ubnd") == "354/QD-UBND"


def test_a_number_of_the_quoc_hoi_without_a_type_word_is_left_out():
    """Public texts: "83/2015/QH13" alone is a Luật or a Nghị quyết, the text does not say which (not a Công văn);
    written with its type elsewhere, it is that."""
    refs = refs_in(
        "kéo dài thời hạn miễn thuế theo Nghị quyết số 28/2016/QH14 và Nghị quyếtsố 107/2020/QH14 ngày 10 tháng 6 "
        "năm 2020 của Quốc hội đến hết ngày 31 tháng 12 năm 2030.",
        "- 83/2015/QH13 ngày 25/6/2015.",
    )
    assert [(r.doc_type, r.symbol) for r in refs] == [("Nghị quyết", "28/2016/QH14")]


def test_issuers_written_short_or_before_the_number():
    """Public texts: "T.Ư" is Trung ương (the dot ends no name); "TƯ" is no Tỉnh ủy "TU"; an issuer written
    between the type word and the number ("Quyết định của Ban Bí thư số ...")."""
    refs = refs_in(
        "quán triệt Nghị quyết Đại hội lần thứ XII của Đảng, Nghị quyết số 28-NQ/TW của Ban Chấp hành T.Ư Đảng "
        "(khóa XI) về “Chiến lược bảo vệ Tổ quốc trong tình hình mới”.",
        '"Quyết định của Ban Bí thư số 100-QĐ/TƯ ngày 3 tháng 2 năm 1990: Về việc thành lập Hội Cựu chiến binh '
        'Việt Nam và chỉ định Ban Chấp hành lâm thời Hội". Bản gốc lưu trữ ngày 23 tháng 9 năm 2015.',
        province="Hà Nội",
    )
    assert [(r.symbol, r.issuer, r.issued_date) for r in refs] == [
        ("28-NQ/TW", "Ban Chấp hành Trung ương Đảng", None),
        ("100-QĐ/TƯ", "Ban Bí thư Trung ương Đảng", "1990-02-03"),
    ]


def test_a_foreign_body_keeps_its_country():
    refs = refs_in(
        "Căn cứ Thỏa thuận số 05/TT ngày 5/6/2020 của Bộ Quốc phòng nước Cộng hòa dân chủ nhân dân Lào về hợp tác."
    )
    assert [r.issuer for r in refs] == ["Bộ Quốc phòng nước Cộng hòa dân chủ nhân dân Lào"]


def test_laws_by_name_that_are_no_laws_or_not_the_quoc_hoi_s():
    """Public texts: a field of law, a heading's "Kỷ Luật", a bill never passed or any "dự án Luật ..." (no
    document, nor the laws a bill names), an old code (no issuer), words glued after a name ("bổ sung", "vừa",
    "và pháp luật"), a treaty named after the law it makes ("Công ước ... về Luật Biển"), who passed it after a
    dash in a reference list, a vote ("416/416 ĐBQH") that is no number of it, half a name broken over two lines,
    the enacting formula of a law's own text ("Quốc hội ban hành Luật Cán bộ, công chức."), a law another
    country's parliament passed (in every mention on the page), martial law ("Thiết quân Luật")."""
    refs = refs_in(
        "Giáo trình Luật Hiến pháp Việt Nam, trang 239",
        "- Luật Kinh tế Việt Nam",
        "- Luật Nhân quyền quốc tế",
        '"Tới Phiên Trương Tấn Sang Bị Kỷ Luật Vì Vụ Năm Cam". vietbao.com.',
        "Bộ luật Hồng Đức cho phép con gái được hưởng thừa kế",
        "Quốc hội chưa đưa dự án Luật Biểu tình vào chương trình thông qua cuối 2015",
        "- Cho ý kiến đối với 05 dự án luật, gồm: dự án Luật Cảnh sát cơ động; dự án Luật Điện ảnh (sửa đổi); dự án "
        "Luật sửa đổi, bổ sung một số điều của Luật Sở hữu trí tuệ.",
        "Luật Tổ chức Tòa án nhân dân bổ sung 01 chương mới - Chương VII về tổ chức xét xử.",
        "những suy nghĩ của người Công giáo về Luật Tôn giáo vừa được thông qua và có hiệu lực năm 2018.",
        "theo quy định của Bộ luật Dân sự và pháp luật về tình trạng khẩn cấp",
        "trong đó có Công ước Liên hợp quốc về Luật Biển năm 1982, Tuyên bố về ứng xử của các bên ở Biển Đông (DOC)",
        "Luật Biển Việt Nam năm 2012 quy định các đường cơ sở",
        "^Bộ luật Lao động – Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam^Chi Phan.",
        "Sáng 24/6, Quốc hội đã biểu quyết thông qua Luật sửa đổi, bổ sung một số điều của Luật Quốc tịch Việt Nam, "
        "với 416/416 ĐBQH tham gia biểu quyết tán thành, đạt 100%.",
        "Căn cứ Luật Tổ chức",
        "Chính phủ số 63/2025/QH15;",
        "*Quốc hội ban hành Luật Cán bộ, công chức.*",
        '^"Hội nghị tổng kết 05 năm thực hiện Đề án "Tổ chức thực hiện Luật Dân quân tự vệ giai đoạn 2011 - 2015"".',
        "6 | Trường Cao đẳng Luật Miền nam | Quốc lộ 61C, Vị Trung, huyện Vị Thủy",
        "hướng dẫn Luật Phòng cháy, chữa cháy và cứu nạn, cứu hộ | 01/07/2025",
        "Sau khi cuộc đảo chính thất bại, ngày 24 tháng 8 năm 1991 nghị viện Ukraina thông qua Luật Độc lập trong đó",
        "Ngày hôm đó, hơn 90% người dân Ukraina thể hiện sự ủng hộ Luật Độc lập, và họ bầu chủ tịch nghị viện",
        "Các sĩ quan bị xét xử với mức phạt cao nhất theo Thiết quân Luật Cuba.",
        "*Luật Tương trợ tư pháp về dân sự sẽ có hiệu lực từ ngày 01 tháng 7 năm 2026",
        "Quy định chi tiết một số điều của Luật Quản lý sử dụng vũ khí, vật liệu nổ và công cụ hỗ trợ về vật liệu nổ",
    )
    assert [(r.subject, r.issuer) for r in refs] == [
        ("Bộ luật Hồng Đức", None),
        ("Luật Tổ chức Tòa án nhân dân", "Quốc hội"),
        ("Luật Tôn giáo", "Quốc hội"),
        ("Bộ luật Dân sự", "Quốc hội"),
        ("Luật Biển Việt Nam năm 2012", "Quốc hội"),
        ("Bộ luật Lao động", "Quốc hội"),
        ("Luật sửa đổi, bổ sung một số điều của Luật Quốc tịch Việt Nam", "Quốc hội"),
        ("Luật Dân quân tự vệ", "Quốc hội"),
        ("Luật Phòng cháy, chữa cháy và cứu nạn, cứu hộ", "Quốc hội"),
        ("Luật Tương trợ tư pháp về dân sự", "Quốc hội"),
        ("Luật Quản lý sử dụng vũ khí, vật liệu nổ và công cụ hỗ trợ", "Quốc hội"),
    ]


def test_an_amending_law_is_the_cited_law_not_the_laws_it_amends():
    """Public texts: a long amending law runs to its year, then the next law; a clause after a comma ends it."""
    refs = refs_in(
        "1. Nghị định 305/2025 quy định về viện trợ quy định tại Luật Ngân sách nhà nước 2015, Luật sửa đổi, bổ "
        "sung một số điều của Luật Chứng khoán, Luật Kế toán, Luật Kiểm toán độc lập, Luật Ngân sách nhà nước, Luật "
        "Quản lý, sử dụng tài sản công, Luật Quản lý thuế, Luật Thuế thu nhập cá nhân, Luật Dự trữ quốc gia, Luật Xử "
        "lý vi phạm hành chính 2024 và Luật Ngân sách nhà nước 2025.",
        "Sau khi Quốc hội thông qua Luật sửa đổi, bổ sung một số điều của Luật Quốc tịch Việt Nam, Bộ trưởng Bộ Tư "
        "pháp Nguyễn Hải Ninh cho biết, qua thảo luận tại Tổ và Hội trường hầu hết các ý kiến tán thành.",
    )
    assert [r.subject for r in refs] == [
        "Luật Ngân sách nhà nước 2015",
        "Luật sửa đổi, bổ sung một số điều của Luật Chứng khoán, Luật Kế toán, Luật Kiểm toán độc lập, Luật Ngân "
        "sách nhà nước, Luật Quản lý, sử dụng tài sản công, Luật Quản lý thuế, Luật Thuế thu nhập cá nhân, Luật Dự "
        "trữ quốc gia, Luật Xử lý vi phạm hành chính 2024",
        "Luật Ngân sách nhà nước 2025",
        "Luật sửa đổi, bổ sung một số điều của Luật Quốc tịch Việt Nam",
    ]


def test_laws_by_name_of_seed_123():
    """Public texts: a longer title than a known one ("Luật Doanh nghiệp tư nhân"), a clause after a comma
    ("Luật Đặc xá, đây là ..."), a law of a year before the Quốc hội's first laws (no Quốc hội issuer)."""
    refs = refs_in(
        "tham gia xây dựng một số luật quan trọng, như: Luật Đầu tư nước ngoài tại Việt Nam năm 1987, Luật Doanh "
        "nghiệp tư nhân năm 1990, Luật Đất đai năm 1993.",
        "Quốc hội Việt Nam đã thông qua Luật Đặc xá, đây là một bước thể chế hóa quan trọng.",
        "Bộ luật lao động sửa đổi năm 1938 quy định rằng bất cứ người lao động nào vắng mặt đều phải bị sa thải.",
    )
    assert [(r.subject, r.issuer) for r in refs] == [
        ("Luật Đầu tư nước ngoài tại Việt Nam năm 1987", "Quốc hội"),
        ("Luật Doanh nghiệp tư nhân năm 1990", "Quốc hội"),
        ("Luật Đất đai năm 1993", "Quốc hội"),
        ("Luật Đặc xá", "Quốc hội"),
        ("Bộ luật lao động sửa đổi năm 1938", None),
    ]


def test_what_a_decision_does_dates_it_and_names_its_issuer():
    """Public texts: "Ngày ..., tại Quyết định số ..., <body> <acts>": the day is the decision's date, the body
    acting in it its issuer (a holder's name dropped); a verb ends an issuer's name."""
    refs = refs_in(
        "[sửa | sửa mã nguồn]Ngày 5 tháng 10 năm 2020, tại Quyết định số 1518/QĐ-TTg, Thủ tướng Chính phủ điều "
        "động, bổ nhiệm ông Nguyễn Thanh Nghị, Ủy viên Trung ương Đảng.",
        "Ngày 5 tháng 2 năm 2021, tại Quyết định số 01-QĐNS/TW ngày 5 tháng 2 năm 2021, Bộ Chính trị phân công "
        "đồng chí Võ Văn Thưởng.",
        "Ngày 16 tháng 8 năm 2024, tại Quyết định số 1489-QĐNS/TW của Bộ Chính trị Quyết định điều động, phân công "
        "ông Mai Văn Chính.",
        "Theo Nghị định số 12/2020/NĐ-CP, Bộ Nội vụ quyết định.",
    )
    assert [(r.symbol, r.issuer, r.issued_date) for r in refs] == [
        ("1518/QĐ-TTg", "Thủ tướng Chính phủ", "2020-10-05"),
        ("01-QĐNS/TW", "Bộ Chính trị", "2021-02-05"),
        ("1489-QĐNS/TW", "Bộ Chính trị", "2024-08-16"),
        ("12/2020/NĐ-CP", "Chính phủ", None),
    ]


def test_issuers_after_a_bare_year_and_before_a_verb():
    """Public texts: "105-QĐ/TW 2017 của ...": the year written bare before "của"; "công bố" ends an issuer's
    name; "ban hành" ends a law's name."""
    refs = refs_in(
        "Theo Phụ lục 1 Quy định 105-QĐ/TW 2017 của Ban Chấp hành Trung ương Đảng Cộng sản Việt Nam về phân cấp "
        "quản lý cán bộ.",
        "- Bãi bỏ Quyết định số 1374/QĐ-UBND ngày 30 tháng 6 năm 2025 của Chủ tịch Ủy ban nhân dân tỉnh công bố "
        "danh mục thủ tục hành chính được sửa đổi,",
        "một đại biểu quốc hội bầu cử tự do thành lập bởi Luật Organic ban hành ngày 28 tháng 4 năm 1906.",
        province="Vĩnh Long",
    )
    assert [(r.symbol, r.subject, r.issuer) for r in refs] == [
        ("105-QĐ/TW", "phân cấp quản lý cán bộ", "Ban Chấp hành Trung ương Đảng Cộng sản Việt Nam"),
        ("1374/QĐ-UBND", None, "Chủ tịch Ủy ban nhân dân tỉnh Vĩnh Long"),
        (None, "Luật Organic", None),
    ]


def test_no_actor_after_a_decision_but_a_body():
    """Dev text 032: what follows "tại Quyết định số ..., " is no body ("Quy chế đã được sửa đổi ..."): no issuer
    read there; a holder's name and "quyết định" are cut from a body ("Thủ tướng Nguyễn Xuân Phúc
    quyết định"); "Luật Tần số ..." holds the end word "số"."""
    refs = refs_in(
        "Văn phòng Bộ Tư pháp đã ban hành Quy chế chi tiêu nội bộ tại Quyết định số 109/QĐ-VP ngày 01/3/2011, Quy "
        "chế đã được sửa đổi lần thứ nhất theo Quyết định số 588/QĐ-VP ngày 12/7/2012.",
        "Ngày 3 tháng 4 năm 2020, tại Quyết định số 466/QĐ-TTg, Thủ tướng Nguyễn Xuân Phúc quyết định bổ nhiệm lại "
        "ông Bùi Thanh Sơn.",
        "Luật Điện ảnh 2022, Luật Kinh doanh bảo hiểm 2022, Luật Tần số vô tuyến điện sửa đổi 2022.",
    )
    assert [(r.symbol or r.subject, r.issuer, r.issued_date) for r in refs] == [
        ("109/QĐ-VP", None, "2011-03-01"),
        ("588/QĐ-VP", None, "2012-07-12"),
        ("466/QĐ-TTg", "Thủ tướng Chính phủ", "2020-04-03"),
        ("Luật Điện ảnh 2022", "Quốc hội", None),
        ("Luật Kinh doanh bảo hiểm 2022", "Quốc hội", None),
        ("Luật Tần số vô tuyến điện sửa đổi 2022", "Quốc hội", None),
    ]


def test_a_web_archive_note_and_words_after_and():
    """Public texts (seed 125): "Lưu trữ ngày ..." after an issuer is a web archive's note, neither name nor date;
    "và việc ..." ends a law's name."""
    refs = refs_in(
        "(trợ giúp)^Nghị quyết số 89/NQ-CP của Chính phủ Lưu trữ ngày 3 tháng 2 năm 2021 tại Wayback Machine, Theo "
        "Chính phủ Việt Nam",
        "hướng dẫn áp dụng quy định tại các Điều 141, 142, 143 của Bộ luật Hình sự và việc xét xử vụ án xâm hại tình "
        "dục người dưới 18 tuổi",
    )
    assert [(r.symbol or r.subject, r.issuer, r.issued_date) for r in refs] == [
        ("89/NQ-CP", "Chính phủ", None),
        ("Bộ luật Hình sự", "Quốc hội", None),
    ]


def test_a_minister_named_by_office_and_a_reference_after_and():
    """Public texts (seed 16 misses): "Bộ trưởng Nội vụ Phan Kế Toại ký ..." is the Bộ Nội vụ's (the holder
    dropped); "của Chính phủ và Khoản 12, Điều 4, ..." names one issuer."""
    refs = refs_in(
        "Ngày 5 tháng 4 năm 1948, Bộ trưởng Nội vụ Phan Kế Toại ký Nghị định số 291/NĐ thành lập Ủy ban.",
        "theo Nghị định 55/2025/NĐ-CP ngày 2 tháng 3 năm 2025 của Chính phủ và Khoản 12, Điều 4, Nghị định số "
        "109/2025/NĐ-CP ngày 15/5/2025 của Chính phủ",
    )
    assert [(r.symbol, r.issuer, r.issued_date) for r in refs] == [
        ("291/NĐ", "Bộ Nội vụ", "1948-04-05"),
        ("55/2025/NĐ-CP", "Chính phủ", "2025-03-02"),
        ("109/2025/NĐ-CP", "Chính phủ", "2025-05-15"),
    ]


def test_words_glued_after_a_law_s_name_across_the_archive():
    """Public texts: a pronoun, "này", a verb, "và quyết định ...", "và tống đạt ...", ", thời gian ..." end a
    law's name."""
    refs = refs_in(
        "thì Luật Bầu cử nó phải thay đổi thì mới được",
        "các tội phạm về tham nhũng theo Bộ luật hình sự xảy ra trong hoạt động tư pháp",
        "thực hiện Luật Thống kê và quyết định của Thủ tướng Chính phủ",
        "theo quy định của Bộ luật Tố tụng dân sự và tống đạt trực tiếp cho đương sự ủy quyền",
        "được quy định trong Luật Lao động, thời gian học tập được trừ vào thời gian lao động",
    )
    assert [r.subject for r in refs] == [
        "Luật Bầu cử",
        "Bộ luật hình sự",
        "Luật Thống kê",
        "Bộ luật Tố tụng dân sự",
        "Luật Lao động",
    ]


def test_a_law_s_name_then_its_number_in_brackets():
    """Public texts (seed 16 miss): "Luật ... (sửa đổi) (Luật số 72/2025/QH15)" is one law, named and numbered;
    a name that does not run up to the brackets is not taken for it."""
    refs = refs_in(
        "Ngày 16/6/2025, Quốc hội thông qua Luật Tổ chức chính quyền địa phương (sửa đổi) (Luật số 72/2025/QH15).",
        "Luật Quản lý thuế 2025 có hiệu lực từ ngày bao nhiêu (Luật số 108/2025/QH15)",
    )
    assert [(r.symbol, r.subject) for r in refs] == [
        ("72/2025/QH15", "Luật Tổ chức chính quyền địa phương"),
        ("108/2025/QH15", None),
        (None, "Luật Quản lý thuế 2025"),
    ]


def test_issuers_written_before_with_more_verbs_and_heads():
    """Public texts: "công bố" after an issuer written before (the date before it is the day it was made known, not
    issued; not a ceremony's "lễ công bố", which announces another's decision); "Đại học" heads a body though "Đại" folds like "Đài" ("Đại tướng" still names a
    person); the Phủ Tổng thống Việt Nam Cộng hòa after "của"."""
    refs = refs_in(
        "Ngày 6-7-1981, Hội đồng Nhà nước đã công bố Nghị quyết số 01-NQ/HĐNN7 về tổ chức, nhiệm vụ của Văn phòng "
        "Quốc hội.",
        "Ngày 03 tháng 12 năm 2023, Tỉnh ủy tổ chức lễ công bố Quyết định số 6012/QĐ-XYZ về việc điều động cán bộ.",
        "Năm 1995, Giám đốc Đại học Quốc gia Hà Nội ban hành Quyết định số 512/TCCB (ngày 12 tháng 12).",
        "Ngày 1/2/1950, Đại tướng Võ Nguyên Giáp đã ký Quyết định số 12/QĐ.",
        "Sắc lệnh số 143-A/TTP của Phủ Tổng thống Việt Nam Cộng hòa ngày 23/10/1956 quy định.",
        province="Hà Nội",
    )
    assert [(r.symbol, r.issued_date, r.issuer) for r in refs] == [
        ("01-NQ/HĐNN7", None, "Hội đồng Nhà nước"),
        ("6012/QĐ-XYZ", None, None),
        ("512/TCCB", None, "Đại học Quốc gia Hà Nội"),
        ("12/QĐ", "1950-02-01", None),
        ("143-A/TTP", "1956-10-23", "Phủ Tổng thống Việt Nam Cộng hòa"),
    ]


def test_what_the_citation_writes_wins_and_dates_written_around_it_of_seed_20():
    """Public texts of seed 20: a province named after its level is no holder's name ("tỉnh Hà Nam": "Hà" is also a
    surname), so the body written wins over the page's province; the issuer before the date and the verb after it
    ("Chủ tịch Hồ Chí Minh, ngày 10/10/1945 đã ký Sắc lệnh ..."); a body whose decision's word is its verb ("Chính
    phủ Việt Nam Quyết định số ..."); "mà ngày nay" ends a trích yếu; "về" typed twice; another state's law
    ("Luật Cơ bản sửa đổi của Nga") is none of the Quốc hội's, nor "của Hoa Kỳ" (but "của Việt Nam" is)."""
    refs = refs_in(
        "27/2022/QĐ-UBND ngày 29 tháng 8 năm 2022 của Uỷ ban nhân dân tỉnh Hà Nam ban hành Quy chế quản lý, sử dụng "
        "chứng thư số, chữ ký số chuyên dùng Chính phủ trong các cơ quan nhà nước tỉnh Hà Nam.",
        "Trong hệ thống đại học của thực dân Pháp lúc bấy giờ không lập Trường Đại học Văn khoa, nhận thấy việc đào "
        "tạo giáo sư văn khoa là rất cần thiết, vậy nên Chủ tịch Hồ Chí Minh, ngày 10/10/1945 đã ký Sắc lệnh số 45/SL "
        "thành lập bổ sung Ban Đại học Văn khoa mà ngày nay trường Đại học Khoa học Xã hội và Nhân văn thuộc Đại học "
        "Quốc gia Hà Nội đang kế nhiệm.",
        "Ngày 24 tháng 3 năm 1976, Chính phủ Việt Nam Quyết định số 17/QĐ-76 về việc hợp nhất ba đơn vị hành chính "
        "cấp tỉnh ngang bằng nhau là tỉnh Sóc Trăng, tỉnh Cần Thơ và thành phố Cần Thơ để thành lập một tỉnh mới có "
        "tên là tỉnh Hậu Giang.",
        "[sửa | sửa mã nguồn]Theo Luật Cơ bản sửa đổi của Nga ngày 20 tháng 2 năm 1906, Hội đồng Đế quốc được liên "
        "kết với Duma với tư cách là Thượng viện lập pháp.",
        "Đạo luật này được mô phỏng theo Luật Dân quyền của Hoa Kỳ năm 1964.",
        "Luật Đất đai của Việt Nam năm 2013 quy định.",
        province="Ninh Bình",
    )
    assert without_spans(refs) == [
        ref(
            "Quyết định",
            "27/2022/QĐ-UBND",
            "27",
            "2022-08-29",
            "Ủy ban nhân dân tỉnh Hà Nam",
            "ban hành Quy chế quản lý, sử dụng chứng thư số, chữ ký số chuyên dùng Chính phủ trong các cơ quan nhà "
            "nước tỉnh Hà Nam",
            2022,
            "QĐ-UBND",
        ),
        ref(
            "Sắc lệnh",
            "45/SL",
            "45",
            "1945-10-10",
            "Chủ tịch nước",
            "thành lập bổ sung Ban Đại học Văn khoa",
            1945,
            "SL",
        ),
        ref(
            "Quyết định",
            "17/QĐ-76",
            "17",
            "1976-03-24",
            "Chính phủ",
            "hợp nhất ba đơn vị hành chính cấp tỉnh ngang bằng nhau là tỉnh Sóc Trăng, tỉnh Cần Thơ và thành phố Cần "
            "Thơ để thành lập một tỉnh mới có tên là tỉnh Hậu Giang",
            1976,
            "QĐ-76",
        ),
        ref("Luật", None, None, None, "Quốc hội", "Luật Đất đai", None, None),
    ]
    refs = refs_in(
        'Sở Tài nguyên và Môi trường tỉnh Bạc Liêu (ngày 16 tháng 1 năm 2025). "Công văn 191/STNMT-CCQLĐĐ về về cung '
        'cấp diện tích trên địa bàn tỉnh Bạc Liêu".'
    )
    assert [r.subject for r in refs] == ["cung cấp diện tích trên địa bàn tỉnh Bạc Liêu"]


def test_names_of_laws_and_dates_of_reference_lists_of_seed_270():
    """Public texts of seed 270: a law's name ends at another document's type ("Luật Mặt trận Tổ quốc Việt Nam
    Nghị định Chính phủ ..."), glued on where a list's markup was dropped, or after a known title ("Luật Dữ liệu
    và áp dụng ..."); a "Luật" far back in a run-on list names no law for a later number; "trường trung cấp Luật
    Vị Thanh" is a school; a reference list's author and date before the title date a document the author issued
    ("HĐND tỉnh Bạc Liêu (ngày 28 tháng 4 năm 2025). "Nghị quyết số 13/NQ-HĐND ...""), not one a paper reports
    ("Báo Chính phủ (ngày ...)")."""
    refs = refs_in(
        "Quy định-Luật tổ chức | Hiến pháp Cộng hòa Xã hội Chủ nghĩa Việt Nam Luật Mặt trận Tổ quốc Việt Nam Nghị "
        "định Chính phủ Nghị quyết Liên tịch giữa Chính phủ và Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam",
        "Thống nhất thuật ngữ “chuyển dữ liệu cá nhân xuyên biên giới” cho phù hợp với quy định của Luật Dữ liệu và "
        "áp dụng cơ chế hậu kiểm thông qua hồ sơ đánh giá tác động chuyển dữ liệu cá nhân xuyên biên giới.",
        "Luật Bầu cử đại biểu Quốc hội(ban hành năm 1997 đã được sửa đổi bổ sung vào năm 2001 và năm 2007)Luật Bầu "
        "cử đại biểu Hội đồng nhân dânnăm 2003Nghị định số 81-CP ngày 01/8/1994của Chính phủ quy định chi tiết thi "
        "hành Luật bầu cử đại biểu Hội đồng nhân dân (sửa đổi).Giáo trình Luật Hiến pháp Việt Nam, Trường Đại học Luật "
        "Hà Nội, Nhà xuất bản Công an nhân dân, năm 1999Giáo trình Luật Hiến pháp nước ngoài, Trường Đại học Luật Hà "
        "Nội, năm 1999, Hội đồng phối hợp công tác phổ biến, giáo dục pháp luật Thành phố Hồ Chí Minh, năm 2009 (Tài "
        "liệu được xuất bản theo Quyết định cho phép xuất bản số 480/GP-STTTT của Sở Thông tin và Truyền thông Thành "
        "phố Hồ Chí Minh cấp ngày 01/4/2009)",
        "Tiêu biểu như: trường Đại học Cần Thơ (khu Hòa An), trường cao đẳng cộng đồng Hậu Giang, trường trung cấp "
        "Luật Vị Thanh, trường trung cấp nghề Hậu Giang",
        '- ^ abcHĐND tỉnh Bạc Liêu (ngày 28 tháng 4 năm 2025). "Nghị quyết số 13/NQ-HĐND về việc tán thành chủ '
        'trương sắp xếp đơn vị hành chính cấp xã của tỉnh Bạc Liêu năm 2025".dHĐND tỉnh Bạc Liêu.',
        '^Báo Chính phủ (ngày 16 tháng 1 năm 2025). "Nghị định 19/2025/NĐ-CP về quy định chi tiết một số điều".',
        province="Bạc Liêu",
    )
    assert [(r.doc_type, r.symbol or r.subject, r.issued_date, r.issuer) for r in refs] == [
        ("Luật", "Luật Mặt trận Tổ quốc Việt Nam", None, "Quốc hội"),
        ("Luật", "Luật Dữ liệu", None, "Quốc hội"),
        ("Quyết định", "480/GP-STTTT", "2009-04-01", "Sở Thông tin và Truyền thông thành phố Hồ Chí Minh"),
        ("Luật", "Luật Bầu cử đại biểu Quốc hội", None, "Quốc hội"),
        ("Luật", "Luật Bầu cử đại biểu Hội đồng nhân dân", None, "Quốc hội"),
        ("Nghị quyết", "13/NQ-HĐND", "2025-04-28", "Hội đồng nhân dân tỉnh Bạc Liêu"),
        ("Nghị định", "19/2025/NĐ-CP", None, "Chính phủ"),
    ]


def test_dates_and_issuers_of_seed_271():
    """Public texts of seed 271: a footnote mark before the sentence that says the Quốc hội passed the law; the head
    of state named alone signs a Sắc lệnh; who signed a document, with the date after its number ("do Thứ trưởng
    Bộ Văn hóa - Thông tin Lưu Trần Tiêu ký ngày ...")."""
    refs = refs_in(
        "Năm 2007, Chính phủ Việt Nam ký nghị định thành lập ba đơn vị hành chính trực thuộc huyện Trường Sa.[80] "
        "Ngày 21 tháng 6 năm 2012, Quốc hội Việt Nam khóa XIII (kì họp thứ 3) đã bỏ phiếu thông qua Luật Biển Việt "
        "Nam gồm 7 chương và 55 điều.",
        "Ngày 2 tháng 2 năm 1950, Hồ Chí Minh ký sắc lệnh 20/SL tổng động viên nhân lực, tài lực của nhân dân để "
        "thực hiện tổng phản công.[322]",
        "Tuy nhiên, trong công văn số 1393/VHTT-BTCM do Thứ trưởng Bộ Văn hóa - Thông tin Lưu Trần Tiêu ký ngày 18 "
        "tháng 4 năm 2001 có ghi:",
    )
    assert [(r.doc_type, r.symbol or r.subject, r.issued_date, r.issuer) for r in refs] == [
        ("Luật", "Luật Biển Việt Nam", "2012-06-21", "Quốc hội"),
        ("Sắc lệnh", "20/SL", "1950-02-02", "Chủ tịch nước"),
        ("Công văn", "1393/VHTT-BTCM", "2001-04-18", "Bộ Văn hóa - Thông tin"),
    ]
    refs = refs_in(
        "được thành lập trên cơ sở Cục Tình báo (Cục II), Bộ Tổng tham mưu năm 1995 và hoạt động theo Pháp lệnh tình "
        "báo do Chủ tịch Quốc hội Nông Đức Mạnh ký ngày 14 tháng 12 năm 1996 và Nghị định 96/CP do Thủ tướng Võ Văn "
        "Kiệt ký ngày 11 tháng 9 năm 1997."
    )
    assert [(r.symbol, r.issued_date, r.issuer) for r in refs] == [("96/CP", "1997-09-11", "Chính phủ")]
