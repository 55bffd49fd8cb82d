"""HTML pages (.html, .htm): the visible text, block elements as paragraphs, data tables as rows.

The encoding comes from a BOM, then `<meta charset>`, then as for plain text; scripts, styles,
navigation, forms and hidden elements are left out.
"""

from __future__ import annotations

import codecs
import logging
import re
from pathlib import Path

import lxml.etree
import lxml.html

from ..document import Document
from ..errors import EmptyDocument, UnreadableFile
from ..segment import paragraphs_from_blocks, tidy_line
from .format import Block, Format
from .options import DEFAULT_OPTIONS, ReadOptions
from .text import BOMS, checked_text, repaired, decode_text

log = logging.getLogger(__name__)

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
    if not any(data.startswith(bom) for bom, _ in BOMS):
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
                    return repaired(*checked_text(data.decode(encoding), encoding, path), forced)
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



FORMAT = Format("html", (".html", ".htm"), read_html)
