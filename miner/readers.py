"""Files to Documents: one small reader per format, chosen by suffix, or by the bytes when the
suffix hides another format (a .docx saved as .txt is read as the .docx it is).

Old archives (issue 6): a PDF page without a text layer goes through Tesseract (`ocr.py`), a
Word 97 .doc through antiword (`doc97.py`), and text in a legacy Vietnamese code (TCVN3, VNI,
VISCII) is converted to Unicode (`legacy.py`): .txt bytes, .docx runs by their fonts, PDF text
layers; `ReadOptions` chooses the OCR policy and can force a code.

PDF text comes from pypdfium2 (Google's PDFium, BSD/Apache licensed, wheels for every platform,
C speed, a box for each character to see the layout) rather than pdfminer.six/pdfplumber (MIT, but pure
Python and tens of times slower) or PyMuPDF (AGPL). A .docx is read with lxml over the zip:
python-docx repeats merged cells and skips footnotes, and the zip must be read under a size cap.
"""

from __future__ import annotations

import codecs
import logging
import re
import statistics
import zipfile
import zlib
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

import lxml.etree
import lxml.html
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from . import doc97, legacy, ocr
from .document import Document
from .errors import (
    EmptyDocument,
    EncryptedDocument,
    MissingTool,
    NoTextLayer,
    TooLarge,
    UnreadableFile,
    UnsupportedFormat,
)
from .normalize import clean_text
from .segment import (
    is_letterhead,
    join_lines,
    make_paragraphs,
    paragraphs_from_blocks,
    split_paragraphs,
    tidy_line,
)

log = logging.getLogger(__name__)

MAX_BYTES = 100 * 2**20  # a file larger than this raises TooLarge
MAX_XML_BYTES = 100 * 2**20  # what a .docx's XML parts may expand to (a zip bomb stops here)

# suffix -> format; `read_document` refuses any other suffix.
FORMATS = {
    ".txt": "txt", ".md": "md", ".docx": "docx", ".doc": "doc", ".pdf": "pdf", ".html": "html", ".htm": "html",
}
SUFFIXES = frozenset(FORMATS)
OCR_POLICIES = ("auto", "always", "never")

Block = tuple[str, str | None]  # (text, kind or None to infer it), see segment.paragraphs_from_blocks


@dataclass(frozen=True)
class ReadOptions:
    """How files are read: which PDF pages are OCR'd, and a legacy code to force.

    `ocr`: "auto" OCRs the pages without a text layer, "always" every page, "never" none
    (a scan is then NoTextLayer). `encoding`: "tcvn3", "vni" or "viscii" (or an alias such as
    "abc") converts all text from that code instead of detecting it.
    """

    ocr: str = "auto"
    encoding: str | None = None

    def __post_init__(self) -> None:
        if self.ocr not in OCR_POLICIES:
            raise ValueError(f"unknown OCR policy {self.ocr!r}: choose one of {', '.join(OCR_POLICIES)}")
        if self.encoding is not None:
            object.__setattr__(self, "encoding", legacy.encoding_name(self.encoding))


DEFAULT_OPTIONS = ReadOptions()


def read_document(
    path: str | Path,
    *,
    data: bytes | None = None,
    max_bytes: int = MAX_BYTES,
    max_xml_bytes: int = MAX_XML_BYTES,
    options: ReadOptions = DEFAULT_OPTIONS,
) -> Document:
    """Read one file (its bytes may be passed in `data`) into paragraphs of NFC text."""
    path = Path(path)
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        what = f"{path.suffix} files" if path.suffix else "files without a suffix"
        raise UnsupportedFormat(path, f"miner does not read {what}")
    if data is None:
        data = _read_bytes(path, max_bytes)
    elif len(data) > max_bytes:
        raise _too_large(path, len(data), max_bytes)
    if not data:
        raise EmptyDocument(path, "the file is empty")
    fmt = _sniff(path, data) or fmt
    if fmt == "docx":
        doc = read_docx(path, data, max_xml_bytes=max_xml_bytes, options=options)
    else:
        doc = READERS[fmt](path, data, options)
    if not doc.paragraphs:
        raise EmptyDocument(path, "there is no text in it")
    return doc


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise _too_large(path, size, max_bytes)
        return path.read_bytes()
    except OSError as exc:
        raise UnreadableFile(
            path, f"cannot read it ({exc.strerror or exc})", "check that it exists and that miner may read it"
        ) from exc


def _too_large(path: Path, size: int, limit: int) -> TooLarge:
    return TooLarge(path, f"the file has {size / 2**20:.1f} MB, over the limit of {limit / 2**20:.0f} MB")


_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _sniff(path: Path, data: bytes) -> str | None:
    """The format the bytes say, when it is not the suffix's: a zip is a .docx, %PDF a .pdf,
    an OLE file a Word 97 .doc."""
    if data[:4] == b"PK\x03\x04":
        return "docx"
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if data[:8] == _OLE_MAGIC:
        if "EncryptionInfo".encode("utf-16-le") in data[:65536]:  # the stream Office encrypts into
            raise EncryptedDocument(path, "the Office file is password-protected")
        return "doc"
    return None


# --- plain text ---------------------------------------------------------------------------

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# C0/C1 controls (not tab, line feed, carriage return, form feed) and U+FFFD: binary data.
_NOT_TEXT_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x84\x86-\x9f\ufffd]")


def decode_text(data: bytes, path: str | Path | None = None, encoding: str | None = None) -> tuple[str, str]:
    """Bytes to (text, encoding) by BOM, strict UTF-8, a legacy Vietnamese code (TCVN3, VNI,
    VISCII), else Windows-1258; UnreadableFile if not text.

    Unicode text that shows a legacy code ("Céng hoµ x· héi", once saved as UTF-8) is converted
    and reported as that code; `encoding` forces a legacy code instead of detecting one.
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            text = data[len(bom) :].decode(name.removesuffix("-sig"), errors="replace")
            return _repaired(*_checked_text(text, name, path), encoding)
    name = _utf16_without_bom(data)
    if name:
        return _repaired(*_checked_text(data.decode(name, errors="replace"), name, path), encoding)
    try:
        return _repaired(*_checked_text(data.decode("utf-8"), "utf-8", path), encoding)
    except UnicodeDecodeError:
        pass
    if not encoding:
        text = data.decode("utf-8", errors="replace")
        damaged = text.count("\ufffd")
        if sum(1 for ch in text if ch > "\x7f") - damaged >= 20 * damaged:
            log.warning("%s: %d invalid UTF-8 sequences replaced", path, damaged)
            return _repaired(*_checked_text(text, "utf-8", path), encoding)
    # Raw legacy bytes before the Windows-1258 fallback, which would otherwise take them.
    decoded = legacy.decode_bytes(data, encoding)
    if decoded is not None:
        return _checked_text(*decoded, path)
    try:
        return _checked_text(data.decode("cp1258"), "cp1258", path)
    except UnicodeDecodeError as exc:
        raise _not_text(path, f"byte {exc.start} is neither UTF-8 nor Windows-1258") from exc


def _repaired(text: str, found: str, encoding: str | None) -> tuple[str, str]:
    """Unicode text with the legacy code it shows converted (forced by `encoding`), and the code."""
    text, code = legacy.repair_text(text, encoding)
    return text, code or found


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without a BOM, told by the zero bytes of its ASCII characters."""
    sample = data[:4096]
    half = len(sample) // 2
    if half < 8 or b"\x00" not in sample:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if odd > 0.3 * half and even < 0.02 * half:
        return "utf-16-le"
    if even > 0.3 * half and odd < 0.02 * half:
        return "utf-16-be"
    return None


def _checked_text(text: str, encoding: str, path: str | Path | None) -> tuple[str, str]:
    sample = text[:200_000]
    if len(_NOT_TEXT_RE.findall(sample)) > max(8, len(sample) // 100):
        raise _not_text(path, "it holds binary data")
    return text, encoding


def _not_text(path: str | Path | None, why: str) -> UnreadableFile:
    return UnreadableFile(
        path,
        f"not a text file ({why})",
        "check the file; if it is Vietnamese text in a legacy code, pass --encoding tcvn3, vni or viscii",
    )


def read_text(path: Path, data: bytes, options: ReadOptions = DEFAULT_OPTIONS) -> Document:
    """A .txt or .md file: blank lines and the text itself say where paragraphs end."""
    text, encoding = decode_text(data, path, options.encoding)
    fmt = "md" if path.suffix.lower() == ".md" else "txt"
    paragraphs = split_paragraphs(text, markdown=fmt == "md")
    return Document(path=str(path), format=fmt, paragraphs=tuple(paragraphs), encoding=encoding)


# --- HTML ---------------------------------------------------------------------------------

_META_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_DECLARATION_RE = re.compile(r"^\s*<\?xml[^>]*\?>")
# Not the document's text: code, page chrome (navigation, site footer), form controls, media.
_HTML_SKIP = frozenset(
    """script style head nav footer noscript template iframe svg math button select option textarea
    object embed canvas""".split()
)
_HTML_BLOCKS = frozenset(
    """p div section article main header aside address blockquote pre ul ol li dl dt dd figure
    figcaption h1 h2 h3 h4 h5 h6 hr caption center body html fieldset legend details summary form""".split()
)
_HTML_HEADINGS = frozenset("h1 h2 h3 h4 h5 h6".split())
# A cell holding one of these is part of a page layout, not a row of data.
_HTML_LAYOUT_IN_CELL = lxml.etree.XPath(
    ".//*["
    + " or ".join(f"self::{t}" for t in "p div table ul ol li h1 h2 h3 h4 h5 h6 blockquote section article".split())
    + "]"
)
_HTML_SPACE_RE = re.compile(r"[ \t\r\n\f]+")
_HIDDEN_STYLE_RE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


def decode_html(data: bytes, path: str | Path | None = None, encoding: str | None = None) -> tuple[str, str]:
    """HTML bytes to (text, encoding): BOM, then <meta charset>, then as plain text; a legacy
    Vietnamese code (forced by `encoding`) converted as in `decode_text`."""
    forced = encoding
    if not any(data.startswith(bom) for bom, _ in _BOMS):
        match = _META_CHARSET_RE.search(data[:4096])
        if match:
            try:
                encoding = codecs.lookup(match.group(1).decode("ascii")).name
            except LookupError:
                encoding = None
            if encoding in ("iso8859-1", "ascii"):
                encoding = "cp1252"  # what browsers do with these labels
            if encoding and not encoding.startswith("utf-16"):
                try:
                    return _repaired(*_checked_text(data.decode(encoding), encoding, path), forced)
                except UnicodeDecodeError:
                    log.info("%s: not %s as its <meta> says; guessing", path, encoding)
    return decode_text(data, path, forced)


class _HtmlBlocks:
    """Collects blocks while walking an HTML tree: inline text gathers until a block ends."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.buffer: list[str] = []

    def flush(self, kind: str | None = None) -> None:
        text = "".join(self.buffer)
        self.buffer.clear()
        if text.strip():
            self.blocks.append((text, kind))

    def walk(self, el: lxml.html.HtmlElement, pre: bool = False) -> None:
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if tag and tag not in _HTML_SKIP and not _html_hidden(el):
            if tag == "br":
                self.buffer.append("\n")
            elif tag == "table":
                self.flush()
                self.table(el)
            else:
                self.element(el, tag, pre or tag == "pre")
        if el.tail:
            self.buffer.append(el.tail if pre else _HTML_SPACE_RE.sub(" ", el.tail))

    def element(self, el: lxml.html.HtmlElement, tag: str, pre: bool) -> None:
        block = tag in _HTML_BLOCKS
        if block:
            self.flush()
        if el.text:
            self.buffer.append(el.text if pre else _HTML_SPACE_RE.sub(" ", el.text))
        for child in el:
            self.walk(child, pre)
        if block:
            self.flush("heading" if tag in _HTML_HEADINGS else None)

    def table(self, table: lxml.html.HtmlElement) -> None:
        """Data rows as "cell | cell" table rows; a layout row's cells read as ordinary blocks."""
        for caption in table.xpath("./caption"):
            self.walk(caption)
        for row in table.xpath("./tr|./thead/tr|./tbody/tr|./tfoot/tr"):
            cells = row.xpath("./td|./th")
            texts = [_html_cell_text(cell) for cell in cells]
            filled = [t for t in texts if t]
            layout = any(_HTML_LAYOUT_IN_CELL(cell) for cell in cells)
            if len(filled) >= 2 and not layout:
                self.blocks.append((" | ".join(filled), "table_row"))
            else:
                for cell in cells:
                    self.element(cell, "div", False)
        self.flush()


def _html_hidden(el: lxml.html.HtmlElement) -> bool:
    return el.get("hidden") is not None or bool(_HIDDEN_STYLE_RE.search(el.get("style", "")))


def _html_cell_text(cell: lxml.html.HtmlElement) -> str:
    collector = _HtmlBlocks()
    collector.element(cell, "div", False)
    return " ".join(tidy_line(text.replace("\n", " ")) for text, _ in collector.blocks).strip()


def read_html(path: Path, data: bytes, options: ReadOptions = DEFAULT_OPTIONS) -> Document:
    """An .html/.htm page: visible text only, block elements as paragraphs, tables as rows."""
    text, encoding = decode_html(data, path, options.encoding)
    text = _XML_DECLARATION_RE.sub("", text)
    if not text.strip():
        raise EmptyDocument(path, "there is no text in it")
    try:
        root = lxml.html.document_fromstring(text)
    except lxml.etree.ParserError as exc:  # "Document is empty": only comments or white space
        raise EmptyDocument(path, "there is no text in it") from exc
    except lxml.etree.XMLSyntaxError as exc:
        raise UnreadableFile(path, f"not readable HTML ({exc})") from exc
    collector = _HtmlBlocks()
    collector.walk(root)
    collector.flush()
    paragraphs = paragraphs_from_blocks(collector.blocks)
    return Document(path=str(path), format="html", paragraphs=tuple(paragraphs), encoding=encoding)


# --- .docx --------------------------------------------------------------------------------

_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_XML_PARSER = lxml.etree.XMLParser(resolve_entities=False, no_network=True, remove_comments=True, huge_tree=True)


@dataclass(frozen=True)
class Run:
    """A piece of a .docx paragraph's text and the font it is set in (None when not given)."""

    text: str
    font: str | None = None


def join_runs(runs: list[Run], encoding: str | None = None) -> str:
    """A paragraph's text from its runs, those set in a TCVN3 (.VnTime ...) or VNI (VNI-Times ...)
    font converted to Unicode; `encoding` forces a legacy code on every run."""
    return legacy.convert_runs(((run.text, run.font) for run in runs), encoding)


@dataclass(frozen=True)
class _Style:
    name: str
    based_on: str | None
    outline_level: int | None
    font: str | None
    borders: bool | None  # table styles: whether the style draws borders
    numbering: tuple[str, int] | None  # (numId, level) of a numbered style ("Điều %1.")


@dataclass(frozen=True)
class _Level:
    """One level of a numbered list in numbering.xml: "decimal" and "Điều %1.", say."""

    format: str
    text: str
    start: int


_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
          (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


def _number_label(n: int, fmt: str) -> str:
    """A list number as Word shows it: 3 is "3", "c", "C", "iii" or "III"."""
    if fmt in ("lowerLetter", "upperLetter"):
        letters = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letters if fmt == "lowerLetter" else letters.upper()
    if fmt in ("lowerRoman", "upperRoman"):
        roman = ""
        for value, digits in _ROMAN:
            while n >= value:
                roman, n = roman + digits, n - value
        return roman if fmt == "lowerRoman" else roman.upper()
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)


class _Docx:
    """One .docx being read: its namespace, styles and footnote numbers."""

    def __init__(self, path: Path, zf: zipfile.ZipFile, max_xml_bytes: int, encoding: str | None = None) -> None:
        self.path, self.zf, self.cap, self.budget = path, zf, max_xml_bytes, max_xml_bytes
        self.encoding = encoding  # a legacy code forced on every run
        self.legacy_chars: Counter[str] = Counter()  # characters set in each legacy code's fonts
        self.w = ""
        self.styles: dict[str, _Style] = {}
        self.default_style: str | None = None  # the paragraph style of a paragraph that names none
        self.default_font: str | None = None
        self.note_numbers: dict[tuple[str, str], int] = {}
        self.lists: dict[str, tuple[str, dict[int, _Level]]] = {}  # numId -> (counter key, levels)
        self.counters: dict[str, dict[int, int]] = {}

    def part(self, name: str) -> lxml.etree._Element | None:
        """Parse one XML part of the zip, counting its size against the cap; None if absent."""
        try:
            info = self.zf.getinfo(name)
        except KeyError:
            return None
        if info.flag_bits & 0x1:
            raise EncryptedDocument(self.path, f"the .docx part {name} is encrypted")
        try:
            with self.zf.open(info) as fh:
                data = fh.read(self.budget + 1)
        except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError) as exc:
            raise _bad_docx(self.path, f"its part {name} cannot be unpacked ({exc})") from exc
        if len(data) > self.budget:
            raise TooLarge(
                self.path,
                f"its XML expands to more than {self.cap / 2**20:.0f} MB (a zip bomb?)",
                "check where the file comes from; a genuine document this large must be split",
            )
        self.budget -= len(data)
        try:
            return lxml.etree.fromstring(data, _XML_PARSER)
        except lxml.etree.XMLSyntaxError as exc:
            raise _bad_docx(self.path, f"its part {name} is not well-formed XML ({exc})") from exc

    def tag(self, name: str) -> str:
        return self.w + name

    def attr(self, el: lxml.etree._Element | None, name: str = "val") -> str | None:
        return None if el is None else el.get(self.w + name)

    # styles ---------------------------------------------------------------------------

    def load_styles(self) -> None:
        root = self.part("word/styles.xml")
        if root is None:
            return
        fonts = root.find(f"{self.w}docDefaults/{self.w}rPrDefault/{self.w}rPr/{self.w}rFonts")
        self.default_font = self.font_of(fonts)
        for style in root.iter(self.tag("style")):
            style_id = self.attr(style, "styleId")
            if not style_id:
                continue
            if self.attr(style, "type") == "paragraph" and self.attr(style, "default") in ("1", "true", "on"):
                self.default_style = style_id
            level = self.attr(style.find(f"{self.w}pPr/{self.w}outlineLvl"))
            borders = style.find(f"{self.w}tblPr/{self.w}tblBorders")
            self.styles[style_id] = _Style(
                name=(self.attr(style.find(self.tag("name"))) or style_id).lower(),
                based_on=self.attr(style.find(self.tag("basedOn"))),
                outline_level=int(level) if level and level.isdigit() else None,
                font=self.font_of(style.find(f"{self.w}rPr/{self.w}rFonts")),
                borders=None if borders is None else self.draws_borders(borders),
                numbering=self.numbering_of(style.find(f"{self.w}pPr/{self.w}numPr")),
            )

    def numbering_of(self, numpr: lxml.etree._Element | None) -> tuple[str, int] | None:
        if numpr is None:
            return None
        num_id, level = self.attr(numpr.find(self.tag("numId"))), self.attr(numpr.find(self.tag("ilvl")))
        return (num_id, int(level) if level and level.isdigit() else 0) if num_id else None

    def load_numbering(self) -> None:
        """The numbered lists; lists that restart (a level override) count on their own."""
        root = self.part("word/numbering.xml")
        if root is None:
            return
        w = self.w
        abstract: dict[str, dict[int, _Level]] = {}
        for definition in root.iter(w + "abstractNum"):
            levels = {}
            for level in definition.iter(w + "lvl"):
                start = self.attr(level.find(w + "start"))
                levels[int(self.attr(level, "ilvl") or 0)] = _Level(
                    format=self.attr(level.find(w + "numFmt")) or "decimal",
                    text=self.attr(level.find(w + "lvlText")) or "",
                    start=int(start) if start and start.isdigit() else 1,
                )
            abstract[self.attr(definition, "abstractNumId") or ""] = levels
        for num in root.iter(w + "num"):
            abstract_id = self.attr(num.find(w + "abstractNumId")) or ""
            num_id = self.attr(num, "numId") or ""
            if abstract_id in abstract:
                key = num_id if num.find(w + "lvlOverride") is not None else abstract_id
                self.lists[num_id] = (key, abstract[abstract_id])

    def list_label(self, ppr: lxml.etree._Element | None, style_id: str | None) -> str:
        """The number or bullet Word draws before a list paragraph ("Điều 2. ", "a) ", "- ")."""
        numbering = self.numbering_of(ppr.find(self.tag("numPr")) if ppr is not None else None)
        numbering = numbering or next((s.numbering for s in self.style_chain(style_id) if s.numbering), None)
        if not numbering or numbering[0] not in self.lists:
            return ""
        key, levels = self.lists[numbering[0]]
        level = levels.get(numbering[1])
        if level is None or level.format == "none":
            return ""
        if level.format == "bullet":
            return (level.text if level.text in ("-", "–", "+", "•", "*") else "•") + " "
        counters = self.counters.setdefault(key, {})
        counters[numbering[1]] = counters.get(numbering[1], level.start - 1) + 1
        for deeper in [k for k in counters if k > numbering[1]]:
            del counters[deeper]

        def number(match: re.Match[str]) -> str:
            index = int(match.group(1)) - 1
            parent = levels.get(index)
            value = counters.get(index, parent.start if parent else 1)
            return _number_label(value, parent.format if parent else "decimal")

        label = re.sub(r"%([1-9])", number, level.text)
        return label + " " if label else ""

    def font_of(self, fonts: lxml.etree._Element | None) -> str | None:
        # Word draws non-ASCII characters (all a legacy code's letters) in the w:hAnsi font.
        return None if fonts is None else (self.attr(fonts, "hAnsi") or self.attr(fonts, "ascii"))

    def style_chain(self, style_id: str | None) -> Iterator[_Style]:
        seen: set[str] = set()
        while style_id and style_id in self.styles and style_id not in seen:
            seen.add(style_id)
            style = self.styles[style_id]
            yield style
            style_id = style.based_on

    def is_heading_style(self, style_id: str | None, ppr: lxml.etree._Element | None) -> bool:
        level = self.attr(ppr.find(self.tag("outlineLvl"))) if ppr is not None else None
        if level and level.isdigit():
            return int(level) < 9
        for style in self.style_chain(style_id):
            if style.name.startswith("heading") or style.name in ("title", "subtitle"):
                return True
            if style.outline_level is not None:
                return style.outline_level < 9
        return False

    def style_font(self, style_id: str | None) -> str | None:
        return next((s.font for s in self.style_chain(style_id) if s.font), None) or self.default_font

    def draws_borders(self, borders: lxml.etree._Element) -> bool:
        return any(self.attr(edge) not in ("none", "nil", None) for edge in borders)

    # body -----------------------------------------------------------------------------

    def blocks(self, container: lxml.etree._Element) -> Iterator[Block]:
        """The blocks of a body, cell, footnote or text box, in document order."""
        for el in container:
            if el.tag == self.tag("p"):
                yield from self.paragraph(el)
            elif el.tag == self.tag("tbl"):
                yield from self.table(el)
            elif el.tag in (self.tag("sdt"), self.tag("customXml")):
                content = el.find(self.tag("sdtContent"))
                yield from self.blocks(content if content is not None else el)

    def paragraph(self, p: lxml.etree._Element) -> Iterator[Block]:
        ppr = p.find(self.tag("pPr"))
        style_id = self.attr(ppr.find(self.tag("pStyle"))) if ppr is not None else None
        style_id = style_id or self.default_style
        runs: list[Run] = []
        boxes: list[lxml.etree._Element] = []
        self.inline(p, self.style_font(style_id), runs, boxes)
        if self.encoding or any(legacy.legacy_font(font) for font in {run.font for run in runs}):
            for run in runs:
                code = None if run.text.isascii() else legacy.run_encoding(run.text, run.font, self.encoding)
                if code:
                    self.legacy_chars[code] += len(run.text)
            text = join_runs(runs, self.encoding)
        else:  # no run in a legacy font: nothing to convert or count
            text = "".join(run.text for run in runs)
        if text.strip():
            text = self.list_label(ppr, style_id) + text
        if text.strip():
            if self.is_heading_style(style_id, ppr):
                for line in text.split("\n"):
                    yield line, "heading"
            else:
                yield text, None
        for box in boxes:
            yield from self.blocks(box)

    def inline(self, el: lxml.etree._Element, font: str | None, runs: list[Run], boxes: list) -> None:
        """Collect the runs under `el` in order; text boxes go to `boxes`, deleted text nowhere."""
        w = self.w
        for child in el:
            tag = child.tag
            if not isinstance(tag, str):
                continue
            if tag == w + "r":
                rpr = child.find(w + "rPr")
                run_font = font
                if rpr is not None:
                    run_font = self.font_of(rpr.find(w + "rFonts")) or self.style_font(
                        self.attr(rpr.find(w + "rStyle"))
                    ) or font
                self.run(child, run_font, runs, boxes)
            elif tag in (w + "pPr", w + "rPr", w + "del", w + "moveFrom"):
                continue
            elif tag == _MC + "AlternateContent":
                choice = child.find(_MC + "Choice")
                if choice is not None:
                    self.inline(choice, font, runs, boxes)
            else:  # hyperlink, ins, smartTag, fldSimple, sdt, sdtContent, customXml ...
                self.inline(child, font, runs, boxes)

    def run(self, r: lxml.etree._Element, font: str | None, runs: list[Run], boxes: list) -> None:
        w = self.w
        for child in r:
            tag = child.tag
            # Tabs and breaks keep the run's font, so a legacy run is converted in one piece.
            if tag == w + "t":
                runs.append(Run(child.text or "", font))
            elif tag in (w + "tab", w + "ptab"):
                runs.append(Run(" ", font))
            elif tag in (w + "br", w + "cr"):
                runs.append(Run("\n", font))
            elif tag == w + "noBreakHyphen":
                runs.append(Run("-", font))
            elif tag in (w + "footnoteReference", w + "endnoteReference"):
                kind = "footnote" if tag == w + "footnoteReference" else "endnote"
                key = (kind, self.attr(child, "id") or "")
                number = self.note_numbers.setdefault(key, 1 + sum(1 for k in self.note_numbers if k[0] == kind))
                runs.append(Run(f"[{number}]"))
            elif tag in (w + "drawing", w + "pict", _MC + "AlternateContent"):
                boxes.extend(
                    child.xpath(
                        ".//w:txbxContent[not(ancestor::mc:Fallback)]",
                        namespaces={"w": w[1:-1], "mc": _MC[1:-1]},
                    )
                )

    def table(self, tbl: lxml.etree._Element) -> Iterator[Block]:
        """Rows as "cell | cell" (merged cells once); a borderless header or signature table
        (at most 2 filled cells a row, at most 4 rows) reads cell by cell, as the page shows it."""
        w = self.w
        rows: list[list[list[Block]]] = []
        for tr in tbl.iter(w + "tr"):
            if tr.getparent() is not tbl and tr.getparent().getparent() is not tbl:  # a nested table's row
                continue
            cells = []
            for tc in tr.iter(w + "tc"):
                if tc.getparent() is not tr and tc.getparent().getparent() is not tr:
                    continue
                merge = tc.find(f"{w}tcPr/{w}vMerge")
                if merge is not None and self.attr(merge) != "restart":
                    continue  # the cell above holds the merged text
                cells.append(list(self.blocks(tc)))
            rows.append([c for c in cells if c])
        if self.borderless(tbl) and len(rows) <= 4 and max((len(r) for r in rows), default=0) <= 2:
            for row in rows:
                for cell in row:
                    yield from cell
            return
        for row in rows:
            if len(row) >= 2:
                yield " | ".join(_cell_text(cell) for cell in row), "table_row"
            elif row:
                yield from row[0]

    def borderless(self, tbl: lxml.etree._Element) -> bool:
        tblpr = tbl.find(self.tag("tblPr"))
        if tblpr is None:
            return True
        borders = tblpr.find(self.tag("tblBorders"))
        if borders is not None and len(borders):
            return not self.draws_borders(borders)
        style_id = self.attr(tblpr.find(self.tag("tblStyle")))
        drawn = next((s.borders for s in self.style_chain(style_id) if s.borders is not None), None)
        return not drawn

    def notes(self, name: str, kind: str) -> Iterator[Block]:
        """Footnotes or endnotes as "[n] text" paragraphs, in the order they are referenced."""
        root = self.part(name)
        if root is None:
            return
        notes = {}
        for note in root.iter(self.tag(kind)):
            if self.attr(note, "type") in (None, "normal"):
                text = " ".join(_cell_text([b]) for b in self.blocks(note))
                if text.strip():
                    notes[self.attr(note, "id") or ""] = text
        numbered = sorted(notes, key=lambda i: self.note_numbers.get((kind, i), 10**6))
        for note_id in numbered:
            number = self.note_numbers.get((kind, note_id))
            prefix = f"[{number}] " if number else ""
            yield prefix + notes[note_id].strip(), "footnote"


def _cell_text(blocks: list[Block]) -> str:
    return " ".join(tidy_line(text.replace("\n", " ")) for text, _ in blocks)


def _bad_docx(path: Path, why: str) -> UnreadableFile:
    return UnreadableFile(path, f"not a valid .docx: {why}", "open it in Word or LibreOffice and save it again")


def read_docx(
    path: Path, data: bytes, *, max_xml_bytes: int = MAX_XML_BYTES, options: ReadOptions = DEFAULT_OPTIONS
) -> Document:
    """A .docx: body paragraphs and tables in order, headings by style or capitals, footnotes last.

    Runs in legacy fonts are converted by their font; legacy text in Unicode-named fonts (a
    document whose fonts were changed after typing) is found by detection.
    """
    try:
        zf = zipfile.ZipFile(BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise _bad_docx(path, f"the zip is damaged or truncated ({exc})") from exc
    with zf:
        docx = _Docx(path, zf, max_xml_bytes, options.encoding)
        root = docx.part("word/document.xml")
        if root is None:
            names = ", ".join(zf.namelist()[:3]) or "nothing"
            raise _bad_docx(path, f"the zip has no word/document.xml (it holds {names})")
        docx.w = root.tag[: root.tag.index("}") + 1] if root.tag.startswith("{") else ""
        docx.load_styles()
        docx.load_numbering()
        body = root.find(docx.tag("body"))
        blocks = list(docx.blocks(body if body is not None else root))
        blocks += docx.notes("word/footnotes.xml", "footnote")
        blocks += docx.notes("word/endnotes.xml", "endnote")
    encoding = docx.legacy_chars.most_common(1)[0][0] if docx.legacy_chars else None
    if encoding is None:
        encoding = legacy.detect_legacy("\n".join(text for text, _ in blocks))
        if encoding:
            blocks = [(legacy.repair_lines(text, encoding), kind) for text, kind in blocks]
    paragraphs = paragraphs_from_blocks(blocks)
    return Document(path=str(path), format="docx", paragraphs=tuple(paragraphs), encoding=encoding)


# --- PDF ----------------------------------------------------------------------------------


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
            (left * scale, bottom * scale, (left + width) * scale, (bottom + height) * scale, word.text, word.confidence)
        )
    return words, read.height * scale


def _page_lines(
    words: list[_PageWord], number: int, convert: Callable[[str], str] | None = None
) -> list[_Line]:
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
    code = encoding or legacy.detect_legacy(" ".join(word[4] for words in layers for word in words))
    if code is None:
        return None, None
    if encoding:
        convert = lambda text: legacy.repair_text(text, encoding)[0]  # noqa: E731
    else:
        convert = lambda text: legacy.repair_lines(text, code)  # noqa: E731
    if code == "tcvn3":
        return (lambda text: convert(legacy.soft_hyphens_back(text))), code
    return convert, code


def _scan_words(page: pdfium.PdfPage, number: int, path: Path, scans: int, pages: int) -> tuple[list[_PageWord], float]:
    """`_ocr_words`, a missing Tesseract named with the file and how many of its pages are scans."""
    try:
        return _ocr_words(page, number + 1, path)
    except MissingTool as exc:
        what = exc.message[:1].lower() + exc.message[1:]
        raise MissingTool(
            path, f"{scans} of its {pages} pages are scans to OCR, but {what}", remedy=exc.remedy
        ) from exc


def read_pdf(path: Path, data: bytes, options: ReadOptions = DEFAULT_OPTIONS) -> Document:
    """A PDF: its text layers (legacy codes converted) and, as `options.ocr` says, Tesseract's
    reading of scanned pages; lines re-joined into paragraphs, page furniture dropped."""
    pdf = _open_pdf(path, data)
    try:
        layers = [_page_words(pdf[number].get_textpage()) for number in range(len(pdf))]
        scans = _pages_to_ocr(pdf, layers, options.ocr)
        unread_scan = options.ocr == "never" and not any(layers) and any(map(_has_image, pdf))
        convert, encoding = _legacy_converter([w for n, w in enumerate(layers) if n not in scans], options.encoding)
        pages, heights = [], []
        for number, words in enumerate(layers):
            page = pdf[number]
            if number in scans:
                words, height = _scan_words(page, number, path, len(scans), len(pdf))
                pages.append(_page_lines(words, number))
            else:
                height = page.get_size()[1]
                pages.append(_page_lines(words, number, convert))
            heights.append(height)
    except pdfium.PdfiumError as exc:
        raise UnreadableFile(path, f"a page of the PDF cannot be read ({exc})") from exc
    finally:
        pdf.close()
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


def read_word97(path: Path, data: bytes, options: ReadOptions = DEFAULT_OPTIONS) -> Document:
    """A Word 97 .doc through antiword (catdoc behind it), legacy codes converted."""
    found = doc97.read_doc(path, options.encoding, data=data)
    paragraphs = split_paragraphs(found.text)
    return Document(path=str(path), format="doc", paragraphs=tuple(paragraphs), encoding=found.encoding)


READERS: dict[str, Callable[[Path, bytes, ReadOptions], Document]] = {
    "txt": read_text,
    "md": read_text,
    "html": read_html,
    "docx": read_docx,
    "doc": read_word97,
    "pdf": read_pdf,
}
