"""PDF files: text layers (legacy codes converted) and, as `ReadOptions.ocr` says, Tesseract's
reading of scanned pages (`ocr.py`, with hand-written numbers in `handwriting.py`); lines
re-joined into paragraphs, header and signature bands read column by column, table rows kept,
page numbers and running headers dropped.

A scan's pages are separate pure tasks, so one long scan can keep many workers busy (issue 15):

    numbers = scan_pages(data, options)                      # [0, 1, 4]: the pages to OCR (cheap)
    pages = {n: read_scan_page(data, n, options) for n in numbers}   # one task each, anywhere
    doc = assemble(path, data, pages, options)               # page order: read_pdf's Document

`scan_pages(data, options, path) -> list[int]` names the pages `options.ocr` sends to OCR;
`read_scan_page(data, page, options, path) -> ScanPage` OCRs one (its words in the text layer's
coordinates and its height: plain values, pickled back from a worker); `assemble(path, data,
scans, options) -> Document` reads the other pages' text layers and lays out every page in
order, raising ValueError unless `scans` holds exactly the pages `scan_pages` names. Each takes
the file's bytes, opens them itself and keeps nothing. `read_pdf` is the three on one opened
file, so the Document is the same however the pages were read. `read_or_split(path, data,
options, split_from)` is `read_pdf` unless `split_from` or more pages are scans, which it then
names (`Scans`): an ingest's first task on a PDF, which reads the text layers once either way.

PDF text comes from pypdfium2 (Google's PDFium, BSD/Apache licensed, wheels for every platform,
C speed, a box for each character to see the layout) rather than pdfminer.six/pdfplumber (MIT, but
pure Python and tens of times slower) or PyMuPDF (AGPL).
"""

from __future__ import annotations

import logging
import re
import statistics
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from ..document import Document
from ..errors import EncryptedDocument, MissingTool, NoTextLayer, UnreadableFile
from ..normalize import clean_text
from ..segment import is_letterhead, join_lines, make_paragraphs, tidy_line
from . import legacy, ocr
from .format import Block, Format
from .options import DEFAULT_OPTIONS, ReadOptions, check_pages

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class _Chunk:
    text: str
    left: float
    right: float


@dataclass(frozen=True)
class _Line:
    """One printed line of a PDF page: its chunks (cells when far apart) and its box."""

    chunks: tuple[_Chunk, ...]
    left: float
    right: float
    top: float
    bottom: float
    page: int
    confidence: float | None = None  # OCR'd lines: the mean confidence of their words

    @property
    def text(self) -> str:
        return " ".join(c.text for c in self.chunks)

    @property
    def height(self) -> float:
        return self.top - self.bottom


_PAGE_NUMBER_RE = re.compile(r"^(?:[-–—]\s*)?(?:Trang\s+)?\d{1,4}(?:\s*/\s*\d{1,4})?(?:\s*[-–—])?$", re.I)
_LIST_MARK_RE = re.compile(r"^(?:\d{1,3}(?:\.\d{1,3})*[.)]|[a-zđ]\)|[-+•–]|Điều\s+\d+[.:]?|[IVXLC]{1,6}\.)$")


_WORD_RE = re.compile(r"[^\s\x00-\x1f]+")
# A word on a page: left, bottom, right, top (PDF points, y upwards), text, OCR confidence or None.
_PageWord = tuple[float, float, float, float, str, float | None]
_RULE_CHARS = frozenset("|¦_")  # what Tesseract reads a table's rules as
# A text layer with fewer letters than this on a page makes the page a scan, to OCR.
MIN_PAGE_LETTERS = 20


def _page_words(textpage: pdfium.PdfTextPage) -> list[_PageWord]:
    """(left, bottom, right, top, text) of each word, from its first and last characters' boxes."""
    # PDFium writes a space wherever characters stand apart, so a word never straddles two cells.
    count = textpage.count_chars()
    text = textpage.get_text_range(0, count)
    if len(text) != count:  # characters outside the BMP: one by one
        text = "".join(textpage.get_text_range(i, 1) or " " for i in range(count))
    words = []
    box = pdfium_c.FS_RECTF()
    for match in _WORD_RE.finditer(text):
        pdfium_c.FPDFText_GetLooseCharBox(textpage, match.start(), box)
        left, bottom, top = box.left, box.bottom, box.top
        pdfium_c.FPDFText_GetLooseCharBox(textpage, match.end() - 1, box)
        words.append((left, min(bottom, box.bottom), box.right, max(top, box.top), match.group(), None))
    return words


def _ocr_words(page: pdfium.PdfPage, number: int, path: Path) -> tuple[list[_PageWord], float]:
    """The words Tesseract reads on a page, in the text layer's coordinates, and the page height.

    Table rules read as "|" and lone marks Tesseract is unsure of (specks, stamp and signature
    strokes read as "_—") are left out.
    """
    read = ocr.ocr_page(page, number, path)
    scale = page.get_size()[0] / read.width
    words = []
    for word in read.words:
        if set(word.text) <= _RULE_CHARS or (word.confidence < 60 and not any(ch.isalnum() for ch in word.text)):
            continue
        left, top, width, height = word.box
        bottom = read.height - top - height
        words.append(
            (
                left * scale,
                bottom * scale,
                (left + width) * scale,
                (bottom + height) * scale,
                word.text,
                word.confidence,
            )
        )
    return words, read.height * scale


def _page_lines(words: list[_PageWord], number: int, convert: Callable[[str], str] | None = None) -> list[_Line]:
    """The page's words grouped into lines, top to bottom; words far apart make separate chunks.
    `convert` turns a legacy code's text into Unicode (before `clean_text`, which would drop
    some of its letters)."""
    words = sorted(words, key=lambda w: (-w[3], w[0]))
    groups: list[list[_PageWord]] = []
    for word in words:
        if groups:
            first = groups[-1][0]  # a superscript or a word in a smaller font joins the line
            if first[1] <= (word[1] + word[3]) / 2 <= first[3] or word[1] <= (first[1] + first[3]) / 2 <= word[3]:
                groups[-1].append(word)
                continue
        groups.append([word])
    lines = []
    for group in groups:
        group.sort(key=lambda w: w[0])
        height = statistics.median(w[3] - w[1] for w in group)
        # Cells stand further apart than the line's own word spacing (wide in a justified line).
        gaps = sorted(b[0] - a[2] for a, b in zip(group, group[1:]))
        spacing = gaps[len(gaps) // 4] if len(gaps) >= 3 else 0.3 * height
        cell_gap = max(0.75 * height, 2.5 * spacing)
        chunks: list[_Chunk] = []
        for left, _, right, _, text, _ in group:
            if chunks and left - chunks[-1].right < cell_gap:
                last = chunks[-1]
                chunks[-1] = _Chunk(last.text + " " + text, last.left, right)
            else:
                chunks.append(_Chunk(text, left, right))
        if convert is not None:
            chunks = [_Chunk(convert(c.text), c.left, c.right) for c in chunks]
        chunks = [_Chunk(tidy_line(clean_text(c.text)), c.left, c.right) for c in chunks]
        # "Điều 1." set apart from its text by a tab is one line, not two cells.
        while len(chunks) >= 2 and _LIST_MARK_RE.match(chunks[0].text):
            chunks[:2] = [_Chunk(chunks[0].text + " " + chunks[1].text, chunks[0].left, chunks[1].right)]
        lines.append(
            _Line(
                chunks=tuple(chunks),
                left=group[0][0],
                right=max(w[2] for w in group),
                top=max(w[3] for w in group),
                bottom=min(w[1] for w in group),
                page=number,
                confidence=_mean([w[5] for w in group if w[5] is not None]),
            )
        )
    return lines


def _mean(values: list[float]) -> float | None:
    return round(sum(values) / len(values), 1) if values else None


def _drop_furniture(pages: list[list[_Line]], heights: list[float]) -> list[list[_Line]]:
    """Page numbers and running headers/footers (the same text at the top or bottom of most pages)."""

    def in_margin(line: _Line) -> bool:
        height = heights[line.page]
        return line.bottom > 0.92 * height or line.top < 0.08 * height

    def key(line: _Line) -> str:
        return re.sub(r"\d+", "#", line.text)

    counts = Counter(key(line) for lines in pages for line in {key(ln): ln for ln in lines if in_margin(ln)}.values())
    repeated = {k for k, n in counts.items() if n >= 2 and n >= 0.5 * len(pages)}
    return [
        [ln for ln in lines if not (in_margin(ln) and (_PAGE_NUMBER_RE.match(ln.text) or key(ln) in repeated))]
        for lines in pages
    ]


def _pdf_blocks(lines: list[_Line]) -> Iterator[tuple[tuple[list[str], list[bool]] | Block, float | None]]:
    """Lines to blocks of (texts, fulls) to re-join, or (text, kind) paragraphs, each with the
    OCR confidence of its lines (None for a text layer's). A vertical gap, an indented first
    line, a table row or a two-column band (a header, "ỦY BAN NHÂN DÂN" beside "CỘNG HÒA XÃ HỘI
    CHỦ NGHĨA VIỆT NAM", or a signature block) ends a block."""
    if not lines:
        return
    height = statistics.median(line.height for line in lines)
    gaps = sorted(a.bottom - b.top for a, b in zip(lines, lines[1:]) if a.page == b.page and a.bottom > b.top)
    usual_gap = gaps[len(gaps) // 4] if gaps else 0.0
    rights = sorted(line.right for line in lines)
    lefts = sorted(line.left for line in lines)
    right_edge, left_edge = rights[int(len(rights) * 0.95)], lefts[int(len(lefts) * 0.05)]
    full_at = right_edge - 0.12 * max(right_edge - left_edge, 1.0)
    block: list[_Line] = []

    def joinable() -> tuple[tuple[list[str], list[bool]], float | None]:
        texts, fulls = [ln.text for ln in block], [ln.right >= full_at for ln in block]
        return (texts, fulls), _confidence(block)

    i = 0
    while i < len(lines):
        line, prev = lines[i], lines[i - 1] if i else None
        band = _band(lines, i)
        if band or len(line.chunks) >= 2:
            if block:
                yield joinable()
                block = []
            if band:
                columns, used = band
                confidence = _confidence(lines[i : i + used])
                for column in columns:
                    yield (column, [False] * len(column)), confidence
                i += used
            else:
                yield (" | ".join(c.text for c in line.chunks), "table_row"), line.confidence
                i += 1
            continue
        if block and prev is not None:
            gap = prev.bottom - line.top if prev.page == line.page else 0.0
            indented = line.left > prev.left + 0.7 * height and not line.text[:1].islower()
            if gap > usual_gap + 0.45 * height or indented:
                yield joinable()
                block = []
        block.append(line)
        i += 1
    if block:
        yield joinable()


def _confidence(lines: list[_Line]) -> float | None:
    """The mean OCR confidence of the OCR'd lines among `lines`, None when there is none."""
    return _mean([ln.confidence for ln in lines if ln.confidence is not None])


def _band(lines: list[_Line], start: int) -> tuple[tuple[list[str], list[str]], int] | None:
    """The left and right columns of a header or signature band starting at `start`, and how
    many lines it takes, if there is one.

    It starts with a line of two chunks and goes on over lines of two chunks, or of one that keeps
    to one side of the gap between the columns; one of its lines must be a letterhead line
    ("Số: ...", "Nơi nhận:", "KT. CHỦ TỊCH" ...).
    """
    first = lines[start]
    if len(first.chunks) != 2:
        return None
    columns: tuple[list[str], list[str]] = ([], [])
    left_edge, right_edge = first.chunks[0].right, first.chunks[1].left  # the gap between the columns
    used = 0
    for line in lines[start:]:
        if line.page != first.page or len(line.chunks) > 2:
            break
        if len(line.chunks) == 2:
            left, right = line.chunks
            columns[0].append(left.text)
            columns[1].append(right.text)
            left_edge, right_edge = max(left_edge, left.right), min(right_edge, right.left)
        elif line.right < (left_edge + right_edge) / 2:
            columns[0].append(line.text)
        elif line.left > (left_edge + right_edge) / 2:
            columns[1].append(line.text)
        else:
            break
        used += 1
    if not any(is_letterhead(text) for column in columns for text in column):
        return None
    return columns, used


def _open_pdf(path: Path, data: bytes) -> pdfium.PdfDocument:
    """The PDF in `data`, junk bytes before its `%PDF` header skipped."""
    if b"%PDF-" in data[1:1029]:
        data = ocr.strip_junk(data, path)
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise EncryptedDocument(path, "the PDF is password-protected") from exc
        raise UnreadableFile(
            path, f"not a readable PDF ({exc})", "open it in a PDF viewer; if it opens, print it to a new PDF"
        ) from exc


def _pages_to_ocr(pdf: pdfium.PdfDocument, layers: list[list[_PageWord]], policy: str) -> list[int]:
    """The pages (from 0) to OCR: "auto" takes images without a text layer, "always" every page."""
    if policy == "never":
        return []
    if policy == "always":
        return list(range(len(layers)))
    return [
        number
        for number, words in enumerate(layers)
        if sum(ch.isalpha() for word in words for ch in word[4]) < MIN_PAGE_LETTERS and _has_image(pdf[number])
    ]


def _has_image(page: pdfium.PdfPage) -> bool:
    return any(True for _ in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2))


def _legacy_converter(
    layers: list[list[_PageWord]], encoding: str | None
) -> tuple[Callable[[str], str] | None, str | None]:
    """How to convert the text layers' legacy code (forced by `encoding`, else detected), and the code.

    PDF makers show TCVN3's "ư" (the soft hyphen) as "-": it is put back first.
    """
    text = " ".join(word[4] for words in layers for word in words)
    code = encoding or legacy.detect_legacy(text)
    if code is None:
        return None, None
    # whether a dropped TCVN3 "ư" is put back is decided on the whole document, not line by line
    restore_u = legacy.lost_u(legacy.soft_hyphens_back(text) if code == "tcvn3" else text, code)
    if encoding:
        convert = lambda text: legacy.repair_text(text, encoding, restore_u)[0]
    else:
        convert = lambda text: legacy.repair_lines(text, code, restore_u)
    if code == "tcvn3":
        return (lambda text: convert(legacy.soft_hyphens_back(text))), code
    return convert, code


@dataclass(frozen=True)
class ScanPage:
    """One scanned page as OCR read it: its number (from 0), its words (left, bottom, right, top in
    the text layer's points, text, confidence) and its height in points. Plain values: a task's
    result, pickled from a worker to whoever assembles the document."""

    page: int
    words: tuple[_PageWord, ...]
    height: float


def scan_pages(data: bytes, options: ReadOptions = DEFAULT_OPTIONS, path: str | Path = "document.pdf") -> list[int]:
    """The pages (from 0) of the PDF in `data` that `options.ocr` sends to OCR: under "auto" the
    images without a text layer. Each is a task of its own (`read_scan_page`); the rest is read
    from the text layers by `assemble`. Cheap: no page is rendered."""
    path = Path(path)
    with _opened(path, data, options) as pdf:
        return _pages_to_ocr(pdf, _text_layers(pdf), options.ocr)


def read_scan_page(
    data: bytes, page: int, options: ReadOptions = DEFAULT_OPTIONS, path: str | Path = "document.pdf"
) -> ScanPage:
    """OCR page `page` (from 0) of the PDF in `data`: a pure function of the bytes, to run anywhere
    Tesseract is installed. MissingTool without Tesseract; UnreadableFile when the page cannot be
    rendered or OCR runs out of time."""
    path = Path(path)
    with _opened(path, data, options) as pdf:
        if not 0 <= page < len(pdf):
            raise ValueError(f"page {page} is outside 0..{len(pdf) - 1}")
        try:
            return _read_scan_page(pdf, page, path)
        except pdfium.PdfiumError as exc:
            raise UnreadableFile(path, f"page {page + 1} of the PDF cannot be read ({exc})") from exc


def assemble(
    path: str | Path, data: bytes, scans: Mapping[int, ScanPage], options: ReadOptions = DEFAULT_OPTIONS
) -> Document:
    """The Document of the PDF in `data`, its scanned pages given as OCR read them (one for each
    page `scan_pages` names, in any order) and the others read from their text layers: the same
    Document `read_pdf` gives for the whole file."""
    path = Path(path)
    with _opened(path, data, options) as pdf:
        layers = _text_layers(pdf)
        expected = _pages_to_ocr(pdf, layers, options.ocr)
        if sorted(scans) != expected:
            raise ValueError(f"assemble needs the scanned pages {expected}, not {sorted(scans)}")
        return _assemble(path, pdf, layers, scans, options)


def read_pdf(path: Path, data: bytes, options: ReadOptions = DEFAULT_OPTIONS) -> Document:
    """A PDF: its text layers (legacy codes converted) and, as `options.ocr` says, Tesseract's
    reading of scanned pages; lines re-joined into paragraphs, page furniture dropped.

    The steps of `scan_pages`, `read_scan_page` for each scan and `assemble`, on one opened PDF."""
    document = read_or_split(path, data, options)
    assert isinstance(document, Document)
    return document


@dataclass(frozen=True)
class Scans:
    """The pages (from 0) of a PDF to OCR, of its `total` pages: what `read_or_split` gives for a
    PDF it does not read whole."""

    pages: tuple[int, ...]
    total: int


def read_or_split(
    path: str | Path, data: bytes, options: ReadOptions = DEFAULT_OPTIONS, split_from: int = 0
) -> Document | Scans:
    """`read_pdf`'s Document, or, when `split_from` (not 0) or more pages are scans to OCR, their
    Scans, for `read_scan_page` to OCR as tasks of their own and `assemble` to finish: what an
    ingest calls on a worker, so that the text layers are read once for a PDF it does not split.
    MissingTool (naming how many pages are scans) when there are scans and no Tesseract, either way."""
    path = Path(path)
    with _opened(path, data, options) as pdf:
        layers = _text_layers(pdf)
        numbers = _pages_to_ocr(pdf, layers, options.ocr)
        if numbers:
            _require_tesseract(path, len(numbers), len(pdf))
        if split_from and len(numbers) >= split_from:
            return Scans(tuple(numbers), len(pdf))
        scans = {number: _read_scan_page(pdf, number, path) for number in numbers}
        return _assemble(path, pdf, layers, scans, options)


@contextmanager
def _opened(path: Path, data: bytes, options: ReadOptions) -> Iterator[pdfium.PdfDocument]:
    """The PDF in `data`, within the page limit, closed after use."""
    pdf = _open_pdf(path, data)
    try:
        check_pages(path, len(pdf), options)
        yield pdf
    except pdfium.PdfiumError as exc:
        raise UnreadableFile(path, f"a page of the PDF cannot be read ({exc})") from exc
    finally:
        pdf.close()


def _text_layers(pdf: pdfium.PdfDocument) -> list[list[_PageWord]]:
    return [_page_words(pdf[number].get_textpage()) for number in range(len(pdf))]


def _require_tesseract(path: Path, scans: int, pages: int) -> None:
    """MissingTool naming the file and how many of its pages are scans, when Tesseract is absent."""
    try:
        ocr.check_tesseract()
    except MissingTool as exc:
        what = exc.message[:1].lower() + exc.message[1:]
        raise MissingTool(
            path, f"{scans} of its {pages} pages are scans to OCR, but {what}", remedy=exc.remedy
        ) from exc


def _read_scan_page(pdf: pdfium.PdfDocument, number: int, path: Path) -> ScanPage:
    try:
        words, height = _ocr_words(pdf[number], number + 1, path)
    except MissingTool as exc:
        what = exc.message[:1].lower() + exc.message[1:]
        raise MissingTool(
            path, f"page {number + 1} of its {len(pdf)} pages is a scan to OCR, but {what}", remedy=exc.remedy
        ) from exc
    return ScanPage(number, tuple(words), height)


def _assemble(
    path: Path,
    pdf: pdfium.PdfDocument,
    layers: list[list[_PageWord]],
    scans: Mapping[int, ScanPage],
    options: ReadOptions,
) -> Document:
    """The Document from the text layers of the pages that are no scan and the scans' words."""
    unread_scan = options.ocr == "never" and not any(layers) and any(map(_has_image, pdf))
    convert, encoding = _legacy_converter([w for n, w in enumerate(layers) if n not in scans], options.encoding)
    pages, heights = [], []
    for number, words in enumerate(layers):
        if number in scans:
            pages.append(_page_lines(list(scans[number].words), number))
            heights.append(scans[number].height)
        else:
            pages.append(_page_lines(words, number, convert))
            heights.append(pdf[number].get_size()[1])
    if not any(pages):
        remedy = "it is a scan: read it with --ocr auto" if unread_scan else None
        raise NoTextLayer(path, f"none of its {len(pages)} pages has a text layer", remedy=remedy)
    empty = [n + 1 for n, lines in enumerate(pages) if not lines]
    if empty:
        log.info("%s: pages %s have no text (they need OCR: --ocr auto or always)", path, empty)
    lines = [line for page_lines in _drop_furniture(pages, heights) for line in page_lines]
    items: list[tuple[str, str, float | None]] = []
    for block, confidence in _pdf_blocks(lines):
        if isinstance(block[1], str):
            items.append((block[0], block[1], confidence))
        else:
            items.extend((text, kind, confidence) for text, kind in join_lines(*block))
    paragraphs = make_paragraphs(items)
    ocr_lines = [line for line in lines if line.confidence is not None]
    return Document(
        path=str(path),
        format="pdf",
        paragraphs=tuple(paragraphs),
        ocr=bool(scans),
        ocr_confidence=_confidence(ocr_lines) if scans else None,
        encoding=encoding,
    )


FORMAT = Format("pdf", (".pdf",), read_pdf, magic=b"%PDF-", magic_window=1024)
