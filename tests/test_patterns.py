"""Shared regexes: document symbols and dates as real documents write them."""

from __future__ import annotations

import re

import pytest

from miner.data import rows as data_rows
from miner.normalize import fold
from miner.patterns import (
    PARTIAL_DATE_RE,
    SYMBOL_RE,
    Symbol,
    glued_alternatives,
    listed_words,
    parse_date,
    parse_symbol,
    symbol_of,
)

SYMBOLS = [
    # (text around the symbol, the Symbol found)
    ("Quyết định số 354/QĐ-UBND ngày 12/3/2018", Symbol("354/QĐ-UBND", "354", None, "QĐ-UBND")),
    ("Nghị định 91/2017/NĐ-CP của Chính phủ", Symbol("91/2017/NĐ-CP", "91", 2017, "NĐ-CP")),
    ("Luật Thi đua, khen thưởng số 06/2022/QH15;", Symbol("06/2022/QH15", "06", 2022, "QH15")),
    ("Tờ trình số 3367/TTr-SNV", Symbol("3367/TTr-SNV", "3367", None, "TTr-SNV")),
    ("Chỉ thị số 46-CT/TW ngày 16/5/2025", Symbol("46-CT/TW", "46", None, "CT/TW")),
    ("Tờ trình số 02-TTr/ĐLS của Đoàn Luật sư", Symbol("02-TTr/ĐLS", "02", None, "TTr/ĐLS")),
    ("công văn số 128.2025/OL.WMCLV ngày 24/11/2025", Symbol("128.2025/OL.WMCLV", "128.2025", None, "OL.WMCLV")),
    ("Văn bản số 16/CGC.BT ngày 19/8/2024", Symbol("16/CGC.BT", "16", None, "CGC.BT")),
    ("Văn bản số 1691/UBDNGS15 ngày", Symbol("1691/UBDNGS15", "1691", None, "UBDNGS15")),
    ("Số: 779 /QĐ-UBND Bình Thuận", Symbol("779/QĐ-UBND", "779", None, "QĐ-UBND")),
    ("Hướng dẫn số 2346/HD - ĐHM ngày", Symbol("2346/HD-ĐHM", "2346", None, "HD-ĐHM")),
    ("Hướng dẫn số 2346/HD – ĐHM ngày", Symbol("2346/HD-ĐHM", "2346", None, "HD-ĐHM")),
    ("Thông tư số 38/2015/TT- BTC ngày", Symbol("38/2015/TT-BTC", "38", 2015, "TT-BTC")),
    ("Công văn số 15972/SXD-QLN& TTBĐS ngày", Symbol("15972/SXD-QLN&TTBĐS", "15972", None, "SXD-QLN&TTBĐS")),
    ("Quyết định số 18/20202QĐ-UBND ngày", Symbol("18/20202QĐ-UBND", "18", None, "QĐ-UBND")),
    ("Quyết định số 22/201 /QĐ-UBND", Symbol("22/201/QĐ-UBND", "22", None, "QĐ-UBND")),
    ("Kết luận số 132- KL/TW;", Symbol("132-KL/TW", "132", None, "KL/TW")),
    ("Số: 11554/VPCP-V.I", Symbol("11554/VPCP-V.I", "11554", None, "VPCP-V.I")),
    ("tại Văn bản số 01/BC-HHDN-K5.", Symbol("01/BC-HHDN-K5", "01", None, "BC-HHDN-K5")),
    ("QD 354/QD-UBND", Symbol("354/QD-UBND", "354", None, "QD-UBND")),
    ("theo Nghị định số 98/2023/NĐ-CP. Kinh phí khen thưởng", Symbol("98/2023/NĐ-CP", "98", 2023, "NĐ-CP")),
    ("theo Nghị định 152/2025/NĐ-CP.Phong trào thi đua", Symbol("152/2025/NĐ-CP", "152", 2025, "NĐ-CP")),
]


@pytest.mark.parametrize("text,expected", SYMBOLS, ids=[s[1].text for s in SYMBOLS])
def test_symbol_found_as_written(text, expected):
    m = SYMBOL_RE.search(text)
    assert m is not None
    assert symbol_of(m) == expected


NOT_SYMBOLS = [
    ("date", "ngày 19/6/2015;"),
    ("school-year", "năm học 2023-2024"),
    ("fraction", "được 2/3 thành viên Hội đồng quản lý Quỹ thông qua"),
    ("quarter", "đến quý I/2025"),
    ("count", "Có mặt: 20/22 , Vắng mặt: 02/22"),
    ("period", "giai đoạn 2021 - 2025"),
]


@pytest.mark.parametrize("text", [t for _, t in NOT_SYMBOLS], ids=[i for i, _ in NOT_SYMBOLS])
def test_no_symbol_in_numbers(text):
    assert SYMBOL_RE.search(text) is None


def test_parse_symbol_whole_string_only():
    assert parse_symbol("91/2017/NĐ-CP") == Symbol("91/2017/NĐ-CP", "91", 2017, "NĐ-CP")
    assert parse_symbol("Nghị định 91/2017/NĐ-CP") is None


DATES = [
    ("place-line", "Đắk Nông, ngày 15 tháng 12 năm 2022", "2022-12-15"),
    ("slashes", "Quyết định số 354/QĐ-UBND ngày 12/3/2018 của", "2018-03-12"),
    ("leading-zeros", "ngày 03 tháng 12 năm 2025", "2025-12-03"),
    ("no-ngay", "Tờ trình số 2753/TTr-STP 28/9/2022 và", "2022-09-28"),
    ("slip-nam-for-thang", "Nghị định số 98/2019/NĐ-CP ngày 27 năm 12 năm 2019", "2019-12-27"),
    ("upper-case", "NGÀY 14 THÁNG 6 NĂM 2025", "2025-06-14"),
    ("space-lost-after-thang", "Hà Tĩnh, ngày 01 tháng12 năm 2025", "2025-12-01"),
    ("not-a-day", "ngày 31/2/2020", None),
    ("blank-day", "Quảng Bình, ngày tháng 10 năm 2022", None),
]


@pytest.mark.parametrize("text,expected", [d[1:] for d in DATES], ids=[d[0] for d in DATES])
def test_parse_date(text, expected):
    assert parse_date(text) == expected


PARTIAL = [
    ("blank-day", "Quảng Bình, ngày tháng 10 năm 2022", "2022"),
    ("blank-day-month", "Hưng Yên, ngày tháng năm 2021", "2021"),
    ("blank-day-slashes", "Tờ trình số /TTr-SNV-TĐKT ngày /10/2022", "2022"),
]


@pytest.mark.parametrize("text,year", [p[1:] for p in PARTIAL], ids=[p[0] for p in PARTIAL])
def test_partial_date_gives_the_year(text, year):
    m = PARTIAL_DATE_RE.search(fold(text))
    assert m is not None and m.group("y") == year


# --- Word lists: data/document_words.tsv, citation_words.tsv, name_words.tsv ---------------------

WORD_FILES = ("document_words.tsv", "citation_words.tsv", "name_words.tsv")
WORD_ROWS = [(file, row) for file in WORD_FILES for row in data_rows(file)]


@pytest.mark.parametrize("file,row", WORD_ROWS, ids=[f"{f}:{r['list']}:{r['entry']}" for f, r in WORD_ROWS])
def test_each_listed_word_is_written_in_its_example(file, row):
    """Every entry comes with a real use (or the shape of one): the entry stands in it as a word."""
    assert row["example"], "no example"
    example = fold(row["example"].removeprefix("shape:"))
    assert re.search(rf"(?<!\w){re.escape(fold(row['entry']))}(?!\w)", example)


def test_a_list_that_is_not_there_is_an_error():
    with pytest.raises(LookupError):
        listed_words("document_words.tsv", "no_such_list")


def test_glued_alternatives_let_a_phrase_run_into_the_next_word_but_not_a_single_word():
    pattern = re.compile(rf"và (?={glued_alternatives('issuer_end_after_and', 'citation_words.tsv')})")
    assert pattern.search("của quốc hội và nghị quyếtsố 107/2020/qh14")  # matched on lower-cased text
    assert pattern.search("của chính phủ và các công điện")
    assert not pattern.search("của chính phủ và cách thức")
