"""Scanned PDF pages to text through Tesseract's Vietnamese model.

The engine is Debian's `tesseract-ocr` with `tesseract-ocr-vie`, driven by pytesseract, with
pages rasterised by pypdfium2. Why this pair:
- pytesseract is a small pure-Python wrapper over the `tesseract` command, kept up to date
  (0.3.13, 2024): it returns per-word confidences (`image_to_data`), bounds each call with a
  timeout and needs no compiler, so it installs from PyPI next to whatever Tesseract apt gives.
- tesserocr binds libtesseract in-process (faster per page, no process start) but must be
  built against the installed Tesseract headers, or comes as wheels bundling a Tesseract of
  its own that does not see Debian's `vie` model.
- ocrmypdf writes a new PDF/A with a text layer through Ghostscript, qpdf and pikepdf: much
  more than reading the text needs, and the word confidences stay inside it.
- pypdfium2 (the PDF reader's library) renders from bytes, so a file with
  junk before `%PDF` still opens, and honours the page's /Rotate.

Administrative scans often carry a hand-written number and date ("Số: 68 /QĐ-UBND, ngày 10
tháng 01"), which the printed-text model misreads; a word that Tesseract is unsure of in those
slots is read again as digits only (see `_reread_numbers`), and a symbol line whose number is
still not digits goes to PaddleOCR's recogniser, when installed (`handwriting.py`,
`_read_hand_written_symbols`), and so does a date line whose day or month is still not a number
(`_read_hand_written_dates`: kept only when every slot is read surely and the date is real).
"""

from __future__ import annotations

import bisect
import datetime
import itertools
import logging
import math
import os
import re
import time
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import MissingTool, UnreadableFile
from ..normalize import fold
from . import handwriting
from .legacy import is_syllable

log = logging.getLogger(__name__)

INSTALL_HINT = "install Tesseract and its Vietnamese model: apt-get install tesseract-ocr tesseract-ocr-vie"

DEFAULT_DPI = 300
DEFAULT_TIMEOUT = 180.0  # seconds per page
MAX_PIXELS = 40_000_000  # an A3 page at 300 dpi is 17 million
_PDF_MAGIC = b"%PDF-"
_JUNK_LIMIT = 1024  # bytes tolerated before %PDF, as readers such as Acrobat do


@dataclass(frozen=True)
class OcrPage:
    """The text Tesseract read on one page (numbered from 1), its mean word confidence (0-100)
    and the seconds it took (rasterising included)."""

    page: int
    text: str
    confidence: float
    seconds: float


@dataclass(frozen=True)
class OcrWord:
    """A word Tesseract read: its text, confidence (0-100), pixel box and line."""

    text: str
    confidence: float
    box: tuple[int, int, int, int]  # left, top, width, height
    line: tuple[int, int, int]  # block, paragraph, line


@dataclass(frozen=True)
class OcrImage:
    """The words read on one page image, the image's size in pixels and the seconds it took."""

    words: tuple[OcrWord, ...]
    width: int
    height: int
    seconds: float

    @property
    def confidence(self) -> float:
        """The mean word confidence (0 when no word)."""
        return round(sum(w.confidence for w in self.words) / len(self.words), 1) if self.words else 0.0


@lru_cache(maxsize=4)
def check_tesseract(lang: str = "vie") -> str:
    """Tesseract's version when it and the `lang` model are installed, else MissingTool."""
    import pytesseract

    try:
        version = str(pytesseract.get_tesseract_version())
        languages = pytesseract.get_languages(config="")
    except pytesseract.TesseractNotFoundError as exc:
        raise MissingTool(None, "Tesseract is not installed", remedy=INSTALL_HINT) from exc
    missing = [code for code in lang.split("+") if code not in languages]
    if missing:
        raise MissingTool(None, f"Tesseract has no model for {'+'.join(missing)}", remedy=INSTALL_HINT)
    return version


def tesseract_available(lang: str = "vie") -> bool:
    """Whether Tesseract and the `lang` model are installed."""
    try:
        check_tesseract(lang)
    except MissingTool:
        return False
    return True


def pdf_bytes(path: str | Path) -> bytes:
    """The bytes of a PDF from its `%PDF` header on (some archives prefix junk bytes)."""
    return strip_junk(Path(path).read_bytes(), path)


def strip_junk(data: bytes, path: str | Path | None = None) -> bytes:
    """`data` from its `%PDF` header on; UnreadableFile when there is none in the first kilobyte."""
    start = data.find(_PDF_MAGIC, 0, _JUNK_LIMIT + len(_PDF_MAGIC))
    if start < 0:
        raise UnreadableFile(path, "not a PDF (no %PDF header in its first kilobyte)")
    if start:
        log.info("%s: skipped %d bytes before %%PDF", path, start)
    return data[start:]


def _open_pdf(path: str | Path):
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(pdf_bytes(path))
    except pdfium.PdfiumError as exc:
        raise UnreadableFile(path, f"the PDF cannot be opened ({exc})") from exc


def pages_without_text(path: str | Path, min_letters: int = 20) -> list[int]:
    """The pages (from 1) whose text layer has fewer than `min_letters` letters: scans."""
    document = _open_pdf(path)
    try:
        found = []
        for index in range(len(document)):
            text = document[index].get_textpage().get_text_range()
            if sum(ch.isalpha() for ch in text) < min_letters:
                found.append(index + 1)
        return found
    finally:
        document.close()


def _render(page, dpi: int):
    """The page as a grey-scale image at `dpi`, scaled down to at most MAX_PIXELS."""
    width, height = page.get_size()
    scale = dpi / 72
    if width * height * scale * scale > MAX_PIXELS:
        scale = math.sqrt(MAX_PIXELS / (width * height))
    return page.render(scale=scale, grayscale=True).to_pil()


def _words(image, lang: str, timeout: float, config: str = "") -> list[OcrWord]:
    """Tesseract's words with their confidence, box and line."""
    import pytesseract

    data = pytesseract.image_to_data(
        image, lang=lang, config=config, timeout=timeout, output_type=pytesseract.Output.DICT
    )
    words = []
    for i, text in enumerate(data["text"]):
        confidence = float(data["conf"][i])
        if data["level"][i] != 5 or confidence < 0 or not text.strip():
            continue
        words.append(
            OcrWord(
                text=text.strip(),
                confidence=confidence,
                box=(data["left"][i], data["top"][i], data["width"][i], data["height"][i]),
                line=(data["block_num"][i], data["par_num"][i], data["line_num"][i]),
            )
        )
    return words


# Slots where a number is written by hand: after "Số:", and the day and month of the date.
_SLOT_AFTER = {"so:": "number", "so": "number", "ngay": "day", "thang": "month"}
_SLOT_BEFORE = {"thang": "day", "nam": "month"}
_SLOT_RANGE = {"number": range(1, 100_000), "day": range(1, 32), "month": range(1, 13)}
_DIGITS_RE = re.compile(r"\d{1,5}")


def _number_slot(words: list[OcrWord], i: int) -> str | None:
    """ "number", "day" or "month" when the words around words[i] expect one there."""
    if i > 0 and words[i - 1].line == words[i].line:
        kind = _SLOT_AFTER.get(fold(words[i - 1].text))
        if kind:
            return kind
    if i + 1 < len(words) and words[i + 1].line == words[i].line:
        return _SLOT_BEFORE.get(fold(words[i + 1].text))
    return None


def _unsure_number(word: OcrWord) -> bool:
    """A short word that is no number and either unsure or no Vietnamese word ("ÈŒ", "|D")."""
    text = word.text.rstrip(",.;:")
    if len(text) > 4 or text.isdigit() or "/" in text:
        return False
    return word.confidence < 60 or not is_syllable(text)


def _reread_numbers(image, words: list[OcrWord], timeout: float) -> list[OcrWord]:
    """Words in a number slot that look misread, read again as digits only."""
    import pytesseract

    out = []
    for i, word in enumerate(words):
        kind = _number_slot(words, i)
        if kind and _unsure_number(word):
            left, top, width, height = word.box
            pad = max(8, height // 4)
            crop = image.crop((left - pad, top - pad, left + width + pad, top + height + pad))
            digits = pytesseract.image_to_string(
                crop, lang="eng", config="--psm 8 -c tessedit_char_whitelist=0123456789", timeout=timeout
            ).strip()
            if _DIGITS_RE.fullmatch(digits) and int(digits) in _SLOT_RANGE[kind]:
                log.debug("re-read %r as %r", word.text, digits)
                tail = word.text[-1] if word.text[-1] in ",.;:" else ""
                word = OcrWord(digits + tail, word.confidence, word.box, word.line)
        out.append(word)
    return out


# The printed code after a symbol's number: "/QĐ-UBND", "/BB-STP", "/TB-ĐHTĐ".
_CODE_RE = re.compile(r"/[A-ZĐ][A-ZĐa-z]*(?:-[A-ZĐ][A-ZĐa-z]*)*")
# "Số:", "só.", "Số:(Ú_" (the word "số" with what Tesseract made of the number glued to it).
_SO_RE = re.compile(r"so(?![a-z])")
_SLOT_JUNK_RE = re.compile(r"[\s:.;,_|]")
# A number read already: "2753", or a whole printed symbol after a body text's "số" ("42/2010").
_PRINTED_NUMBER_RE = re.compile(r"\d+(?:/\d+)*")


def _symbol_slot(words: list[OcrWord], i: int) -> tuple[int, str] | None:
    """(index of the word holding the printed "/CODE", text Tesseract read for the number) when
    words[i] starts a symbol line ("Số: ... /QĐ-UBND") within the next three words of its line."""
    if not _SO_RE.match(fold(words[i].text)):
        return None
    pieces = [words[i].text[2:]]
    for j in range(i, min(i + 4, len(words))):
        if words[j].line != words[i].line:
            return None
        text = words[j].text if j > i else pieces.pop()
        match = _CODE_RE.search(text)
        if match:
            pieces.append(text[: match.start()])
            return j, _SLOT_JUNK_RE.sub("", "".join(pieces))
        pieces.append(text)
    return None


def _reread_code(image, left: int, word: OcrWord, lang: str, timeout: float) -> str | None:
    """The printed "/CODE" read again from `left` to the end of `word` (one line of print)."""
    import pytesseract

    top, bottom = word.box[1], word.box[1] + word.box[3]
    pad = word.box[3] // 4
    crop = image.crop((left, top - pad, word.box[0] + word.box[2] + pad, bottom + pad))
    match = _CODE_RE.search(pytesseract.image_to_string(crop, lang=lang, config="--psm 7", timeout=timeout))
    return match.group() if match else None


def _line_box(words: Sequence[OcrWord]) -> tuple[int, int, int, int]:
    """(left, top, right, bottom) of a line's words, from the first word's left to the last one's right."""
    return (
        words[0].box[0],
        min(w.box[1] for w in words),
        words[-1].box[0] + words[-1].box[2],
        max(w.box[1] + w.box[3] for w in words),
    )


def _read_hand_written_symbols(image, words: list[OcrWord], lang: str, timeout: float) -> list[OcrWord]:
    """Symbol lines whose number Tesseract did not read as digits, the number read again by the
    hand-writing recogniser (kept as it was when that is absent or unsure)."""
    out = list(words)
    i = 0
    while i < len(out):
        slot = _symbol_slot(out, i)
        # the recogniser (0.8 s to load) is asked about only when a page has such a line
        if slot is None or _PRINTED_NUMBER_RE.fullmatch(slot[1]) or not handwriting.available():
            i += 1
            continue
        j, _ = slot
        first, code = out[i], out[j]
        box = _line_box(out[i : j + 1])
        reading = handwriting.read_slot(image, box)
        if reading is None or int(reading.digits) not in _SLOT_RANGE["number"]:
            i += 1
            continue
        match = _CODE_RE.search(code.text) if j > i else None
        code_text = match.group() if match else None
        if code_text is None:
            code_text = _reread_code(image, reading.right - code.box[3] // 2, code, lang, timeout)
        if code_text is None:
            i += 1
            continue
        log.debug("hand-written symbol number %r read as %s (p=%.2f)", slot[1], reading.digits, reading.probability)
        height = first.box[3]
        so_box = (first.box[0], first.box[1], min(first.box[2], height * 3 // 2), height)
        number_box = (so_box[0] + so_box[2], box[1], max(1, reading.right - so_box[0] - so_box[2]), box[3] - box[1])
        code_box = (reading.right, code.box[1], max(1, box[2] - reading.right), code.box[3])
        out[i : j + 1] = [
            OcrWord("Số:" if first.text[0].isupper() else "số:", first.confidence, so_box, first.line),
            OcrWord(reading.digits, round(reading.probability * 100, 1), number_box, first.line),
            OcrWord(code_text, code.confidence, code_box, first.line),
        ]
        i += 3
    return out


# A date line as Tesseract reads it (folded, its words joined by spaces), the day and the month
# often in ink, read as junk and sometimes glued to the print: "ngày |D tháng 01 năm 2011",
# "ngày ,4/ƒtháng #năm 2022", "ngàyc)K tháng|Ùnăm 2025".
_DATE_LINE_RE = re.compile(r"ngay(?P<day>.{0,12}?)thang(?P<month>.{0,12}?)(?P<nam>nam)\s*(?P<year>\d{4})(?!\d)")
_DATE_LINE_WORDS = 10  # words looked at from "ngày" on


@dataclass(frozen=True)
class DateLine:
    """A date line in a page's words: the indices of the words holding "ngày" and "năm", the
    spans of the day and the month in the text of the words between them joined by spaces (what
    Tesseract read there, blank or junk when written in ink) and the year."""

    first: int
    last: int
    text: str
    day: tuple[int, int]
    month: tuple[int, int]
    year: int

    def printed(self, slot: str) -> int | None:
        """The day or month as Tesseract read it, when it is a number."""
        start, end = getattr(self, slot)
        text = self.text[start:end].strip(" ,.;:")
        return int(text) if text.isdigit() and len(text) <= 2 else None


def _date_line(words: list[OcrWord], i: int) -> DateLine | None:
    """The date line whose "ngày" is in words[i], when its next words on the line hold "tháng",
    "năm" and a year ("Hải Dương, ngày 10 tháng 01 năm 2011")."""
    start = fold(words[i].text).find("ngay")
    if start < 0:
        return None
    j = i + 1
    while j < min(len(words), i + _DATE_LINE_WORDS) and words[j].line == words[i].line:
        j += 1
    text = " ".join(w.text for w in words[i:j])
    match = _DATE_LINE_RE.match(fold(text), start)
    if match is None:
        return None
    ends = list(itertools.accumulate(len(w.text) + 1 for w in words[i:j]))
    last = i + bisect.bisect_right(ends, match.start("nam"))
    text = text[: ends[last - i] - 1]
    return DateLine(i, last, text, match.span("day"), match.span("month"), int(match.group("year")))


def _fill_slots(
    words: list[OcrWord], text: str, fills: list[tuple[tuple[int, int], handwriting.SlotReading]]
) -> list[OcrWord]:
    """`words` (whose texts joined by spaces are `text`) with each span of `fills` replaced by a
    word of its reading's digits, boxed where the recogniser read them; a word a span cuts into
    keeps its pieces outside it, boxed up to the reading."""
    top = min(w.box[1] for w in words)
    height = max(w.box[1] + w.box[3] for w in words) - top
    line = words[0].line
    placed = [
        (start, OcrWord(r.digits, round(r.probability * 100, 1), (r.left, top, max(1, r.right - r.left), height), line))
        for (start, _), r in fills
    ]
    offset = 0
    for word in words:
        end = offset + len(word.text)
        cuts = [(max(s, offset), min(e, end), r) for (s, e), r in fills if s < end and e > offset]
        cuts.sort(key=lambda cut: cut[0])
        word_right = word.box[0] + word.box[2]
        left, position = word.box[0], offset
        for cut_start, cut_end, reading in [*cuts, (end, end, None)]:
            piece = text[position:cut_start].strip()
            if piece:
                right = word_right if reading is None else min(reading.left, word_right)
                box = (left, word.box[1], max(1, right - left), word.box[3])
                placed.append((position, OcrWord(piece, word.confidence, box, word.line)))
            if reading is not None:
                left, position = min(max(word.box[0], reading.right), word_right - 1), cut_end
        offset = end + 1
    return [word for _, word in sorted(placed, key=lambda item: item[0])]


def _read_hand_written_dates(image, words: list[OcrWord]) -> list[OcrWord]:
    """Date lines whose day or month Tesseract did not read as a number, those read again by the
    hand-writing recogniser; kept as they were unless every slot is then read surely and the
    date is a real one."""
    out = list(words)
    i = 0
    while i < len(out):
        line = _date_line(out, i)
        # the recogniser is asked about only when a page has such a line (a printed date costs nothing)
        slots = [] if line is None else [slot for slot in ("day", "month") if line.printed(slot) is None]
        if line is None or not slots or not handwriting.available():
            i += 1
            continue
        printed = out[line.first : line.last + 1]
        # from "ngày" to "năm", as high as those two: the ink between rises above the print
        box = _line_box((printed[0], printed[-1]))
        readings = dict(zip(("day", "month"), handwriting.read_date(image, box)))
        sure = {slot: reading for slot in slots if (reading := readings[slot]) is not None}
        values = {slot: line.printed(slot) for slot in ("day", "month")}
        values.update({slot: int(reading.digits) for slot, reading in sure.items()})
        day, month = values["day"], values["month"]
        if day is None or month is None or not _real_date(line.year, month, day):
            log.debug("hand-written date in %r unsure: %s", line.text, readings)
            i += 1
            continue
        log.debug("hand-written date in %r read as %s", line.text, sure)
        spans = {"day": line.day, "month": line.month}
        filled = _fill_slots(printed, line.text, [(spans[slot], sure[slot]) for slot in slots])
        out[line.first : line.last + 1] = filled
        i = line.first + len(filled)
    return out


def _real_date(year: int, month: int, day: int) -> bool:
    """Whether the day exists."""
    try:
        datetime.date(year, month, day)
    except ValueError:
        return False
    return True


# "68 /QĐ-UBND": the gap a hand-written number leaves before the printed symbol.
_SPACED_SYMBOL_RE = re.compile(r"(\d) /(?=[A-ZĐ])")


def _layout(words: list[OcrWord]) -> str:
    """Words joined as Tesseract lays them out: lines by "\\n", paragraphs by a blank line."""
    lines: list[tuple[tuple[int, int, int], list[str]]] = []
    for word in words:
        if lines and lines[-1][0] == word.line:
            lines[-1][1].append(word.text)
        else:
            lines.append((word.line, [word.text]))
    out = []
    for i, (key, texts) in enumerate(lines):
        if i and key[:2] != lines[i - 1][0][:2]:
            out.append("")
        out.append(_SPACED_SYMBOL_RE.sub(r"\1/", " ".join(texts)))
    return "\n".join(out)


def read_words(image, *, lang: str = "vie", timeout: float = DEFAULT_TIMEOUT) -> list[OcrWord]:
    """The words of a page image, hand-written numbers re-read where a number is expected."""
    words = _words(image, lang, timeout)
    if "vie" in lang.split("+"):
        words = _reread_numbers(image, words, timeout)
        words = _read_hand_written_symbols(image, words, lang, timeout)
        words = _read_hand_written_dates(image, words)
    return words


def ocr_image(image, *, lang: str = "vie", timeout: float = DEFAULT_TIMEOUT) -> tuple[str, float]:
    """The text of a page image and Tesseract's mean word confidence (0 when no word)."""
    words = read_words(image, lang=lang, timeout=timeout)
    confidence = sum(w.confidence for w in words) / len(words) if words else 0.0
    return _layout(words), round(confidence, 1)


def ocr_page(
    page,
    number: int,
    path: str | Path | None = None,
    *,
    dpi: int = DEFAULT_DPI,
    timeout: float = DEFAULT_TIMEOUT,
    lang: str = "vie",
) -> OcrImage:
    """OCR one pypdfium2 page (`number` from 1, for messages).

    MissingTool when Tesseract or the model is absent; UnreadableFile when the page takes
    longer than `timeout` seconds.
    """
    check_tesseract(lang)
    # Tesseract's OpenMP threads fight each other (and parallel ingest workers) on a small
    # machine: one thread per process ran a page 2.5 times faster here.
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    started = time.perf_counter()
    image = _render(page, dpi)
    try:
        words = read_words(image, lang=lang, timeout=timeout)
    except RuntimeError as exc:
        if "timeout" not in str(exc).lower():
            raise
        raise UnreadableFile(
            path,
            f"OCR of page {number} did not finish within {timeout:.0f} s",
            remedy="check the scan, or raise the OCR time limit",
        ) from exc
    seconds = round(time.perf_counter() - started, 2)
    return OcrImage(tuple(words), image.width, image.height, seconds)


def ocr_pdf(
    path: str | Path,
    pages: list[int] | None = None,
    *,
    dpi: int = DEFAULT_DPI,
    timeout: float = DEFAULT_TIMEOUT,
    lang: str = "vie",
) -> list[OcrPage]:
    """OCR the given pages (numbered from 1; all when None) of a PDF.

    MissingTool when Tesseract or the model is absent; UnreadableFile when the PDF does not
    open or a page takes longer than `timeout` seconds.
    """
    check_tesseract(lang)
    document = _open_pdf(path)
    try:
        numbers = pages if pages is not None else list(range(1, len(document) + 1))
        result = []
        for number in numbers:
            if not 1 <= number <= len(document):
                raise ValueError(f"page {number} is outside 1..{len(document)}")
            read = ocr_page(document[number - 1], number, path, dpi=dpi, timeout=timeout, lang=lang)
            result.append(OcrPage(number, _layout(list(read.words)), read.confidence, read.seconds))
        return result
    finally:
        document.close()
