"""HTML pages (.html, .htm): the visible text, block elements as paragraphs, data tables as rows.

The encoding comes from a BOM, then `<meta charset>`, then as for plain text; scripts, styles,
navigation, forms and hidden elements are left out.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

import lxml.etree
import lxml.html
import webencodings

from ..document import Document
from ..errors import EmptyDocument, UnreadableFile
from ..segment import paragraphs_from_blocks, tidy_line
from .format import Block, Format
from .options import DEFAULT_OPTIONS, ReadOptions, check_tags, check_text
from .text import BOMS, checked_text, decode_text, repaired

log = logging.getLogger(__name__)

_META_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
# Encodings a <meta> label may name that are not decoded by it: UTF-16 (a page that says so
# without a BOM is not; its bytes tell), and the Encoding Standard's "replacement" (a label of an
# encoding browsers refuse, read as one U+FFFD) and "x-user-defined".
_NOT_DECODED = frozenset({"utf-16le", "utf-16be", "replacement", "x-user-defined"})
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
    Vietnamese code (forced by `encoding`) converted as in `decode_text`.

    A <meta charset> label is taken as browsers take it (the WHATWG Encoding Standard, through
    webencodings: "latin1" is Windows-1252); a label of no text encoding ("rot13", "base64",
    "unicode_escape", "palmos") is ignored and the encoding detected, as browsers do.
    """
    forced = encoding
    if not any(data.startswith(bom) for bom, _ in BOMS):
        match = _META_CHARSET_RE.search(data[:4096])
        if match:
            label = match.group(1).decode("ascii")
            found = webencodings.lookup(label)
            if found is None or found.name in _NOT_DECODED:
                log.info("%s: <meta charset=%s> names no text encoding; guessing", path, label)
            else:
                name = found.codec_info.name
                try:
                    return repaired(*checked_text(data.decode(name), name, path), forced)
                except UnicodeDecodeError:
                    log.info("%s: not %s as its <meta> says; guessing", path, name)
    return decode_text(data, path, forced)


# What the walk of a page's tree does with an element: read it, end its block, append its tail.
_WALK, _END, _TAIL = 0, 1, 2
# Tables inside table cells deeper than this read as plain blocks (their text kept).
MAX_NESTED_TABLES = 32


class _HtmlBlocks:
    """Collects blocks while walking an HTML tree: inline text gathers until a block ends.

    The walk keeps its own stack, so a page nested as deep as the parser allows (2,048 levels)
    is read whole.
    """

    def __init__(self, tables: int = 0) -> None:
        self.blocks: list[Block] = []
        self.buffer: list[str] = []
        self.tables = tables  # how many tables this collector's elements are inside

    def flush(self, kind: str | None = None) -> None:
        text = "".join(self.buffer)
        self.buffer.clear()
        if text.strip():
            self.blocks.append((text, kind))

    def walk(self, el: lxml.html.HtmlElement, pre: bool = False) -> None:
        self._run([(_WALK, el, pre)])

    def element(self, el: lxml.html.HtmlElement, tag: str, pre: bool) -> None:
        self._run(self._open(el, tag, pre))

    def _run(self, stack: list[tuple[int, lxml.html.HtmlElement, bool]]) -> None:
        while stack:
            action, el, pre = stack.pop()
            if action == _TAIL:
                if el.tail:
                    self.buffer.append(el.tail if pre else _HTML_SPACE_RE.sub(" ", el.tail))
            elif action == _END:
                self.flush("heading" if el.tag.lower() in _HTML_HEADINGS else None)
            else:
                stack.append((_TAIL, el, pre))
                tag = el.tag.lower() if isinstance(el.tag, str) else ""
                if not tag or tag in _HTML_SKIP or _html_hidden(el):
                    continue
                if tag == "br":
                    self.buffer.append("\n")
                elif tag == "table" and self.tables < MAX_NESTED_TABLES:
                    self.flush()
                    self.table(el)
                else:
                    stack.extend(self._open(el, "div" if tag == "table" else tag, pre or tag == "pre"))

    def _open(self, el: lxml.html.HtmlElement, tag: str, pre: bool) -> list[tuple[int, lxml.html.HtmlElement, bool]]:
        """Start reading an element (a block flushes what came before, then its own text); the
        steps that read its children and end its block, last first."""
        block = tag in _HTML_BLOCKS
        if block:
            self.flush()
        if el.text:
            self.buffer.append(el.text if pre else _HTML_SPACE_RE.sub(" ", el.text))
        steps = [(_END, el, pre)] if block else []
        steps.extend((_WALK, child, pre) for child in reversed(el))
        return steps

    def table(self, table: lxml.html.HtmlElement) -> None:
        """Data rows as "cell | cell" table rows; a layout row's cells read as ordinary blocks."""
        for caption in table.xpath("./caption"):
            self.walk(caption)
        for row in table.xpath("./tr|./thead/tr|./tbody/tr|./tfoot/tr"):
            cells = row.xpath("./td|./th")
            # layout first: a cell is walked once (twice for each table around it was exponential)
            layout = any(_HTML_LAYOUT_IN_CELL(cell) for cell in cells)
            filled = [] if layout else [t for t in (_html_cell_text(cell, self.tables + 1) for cell in cells) if t]
            if len(filled) >= 2:
                self.blocks.append((" | ".join(filled), "table_row"))
            else:
                for cell in cells:
                    self.tables += 1
                    self.element(cell, "div", False)
                    self.tables -= 1
        self.flush()


def _html_hidden(el: lxml.html.HtmlElement) -> bool:
    return el.get("hidden") is not None or bool(_HIDDEN_STYLE_RE.search(el.get("style", "")))


def _html_cell_text(cell: lxml.html.HtmlElement, tables: int) -> str:
    collector = _HtmlBlocks(tables)
    collector.element(cell, "div", False)
    return " ".join(tidy_line(text.replace("\n", " ")) for text, _ in collector.blocks).strip()


def read_html(path: Path, data: bytes, options: ReadOptions = DEFAULT_OPTIONS) -> Document:
    """An .html/.htm page: visible text only, block elements as paragraphs, tables as rows."""
    text, encoding = decode_html(data, path, options.encoding)
    check_text(path, text, options)
    check_tags(path, text.count("<"), options)
    text = _XML_DECLARATION_RE.sub("", text)
    if not text.strip():
        raise EmptyDocument(path, "there is no text in it")
    parser = lxml.html.HTMLParser(huge_tree=True)  # 2,048 levels of elements, not 256
    try:
        root = lxml.html.document_fromstring(text, parser=parser)
    except lxml.etree.ParserError as exc:  # "Document is empty": only comments or white space
        raise EmptyDocument(path, "there is no text in it") from exc
    except lxml.etree.XMLSyntaxError as exc:
        raise UnreadableFile(path, f"not readable HTML ({exc})") from exc
    if any(error.type_name == "ERR_RESOURCE_LIMIT" for error in parser.error_log):
        # libxml stops at its depth limit and drops the rest of the page: fail it rather than lose text
        raise UnreadableFile(
            path,
            "its elements are nested deeper than the HTML parser's limit of 2,048 levels, so the text after "
            "the deep part cannot be read",
            "open it in a browser and print it to a PDF, or save it as .docx",
        )
    collector = _HtmlBlocks()
    collector.walk(root)
    collector.flush()
    paragraphs = paragraphs_from_blocks(collector.blocks)
    return Document(path=str(path), format="html", paragraphs=tuple(paragraphs), encoding=encoding)


FORMAT = Format("html", (".html", ".htm"), read_html)
