"""Word documents (.docx): body paragraphs and tables in order, headings by style, Word's list
numbers, text boxes, footnotes and endnotes, runs in legacy fonts converted by their font.

Read with lxml over the zip rather than python-docx, which repeats merged cells and skips
footnotes; the XML parts are unpacked under a size cap (`ReadOptions.max_xml_bytes`).
"""

from __future__ import annotations

import re
import zipfile
import zlib
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

import lxml.etree

from ..document import Document
from ..errors import EncryptedDocument, TooLarge, UnreadableFile
from ..segment import paragraphs_from_blocks, tidy_line
from . import legacy
from .format import Block, Format
from .options import DEFAULT_OPTIONS, ReadOptions, check_paragraphs, check_tags

MAX_NESTING = 64  # tables and text boxes one inside another
# The main part's content type in [Content_Types].xml: a document, a macro-enabled one, a template.
CONTENT_TYPES = (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
)

_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_XML_PARSER = lxml.etree.XMLParser(resolve_entities=False, no_network=True, remove_comments=True, huge_tree=True)


@dataclass(frozen=True)
class Run:
    """A piece of a .docx paragraph's text and the font it is set in (None when not given)."""

    text: str
    font: str | None = None


def join_runs(runs: list[Run], encoding: str | None = None, restore_u: bool | None = None) -> str:
    """A paragraph's text from its runs, those set in a TCVN3 (.VnTime ...) or VNI (VNI-Times ...)
    font converted to Unicode; `encoding` forces a legacy code on every run; `restore_u` puts
    back TCVN3's "ư" where a converter dropped it."""
    return legacy.convert_runs(((run.text, run.font) for run in runs), encoding, restore_u)


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


_ROMAN = (
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
)


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

    def __init__(self, path: Path, zf: zipfile.ZipFile, options: ReadOptions = DEFAULT_OPTIONS) -> None:
        self.path, self.zf, self.options = path, zf, options
        self.cap = self.budget = options.max_xml_bytes
        self.encoding = options.encoding  # a legacy code forced on every run
        self.legacy_chars: Counter[str] = Counter()  # characters set in each legacy code's fonts
        self.w = ""
        self.styles: dict[str, _Style] = {}
        self.default_style: str | None = None  # the paragraph style of a paragraph that names none
        self.default_font: str | None = None
        self.note_numbers: dict[tuple[str, str], int] = {}
        self.nesting = 0  # tables and text boxes around the block being read
        # TCVN3's "ư" is code AD, a soft hyphen to Unicode: a document that holds none lost them
        self.soft_hyphens = False
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
        if name == "word/document.xml":
            check_paragraphs(self.path, _paragraph_tags(data), self.options, " in its XML")
            self.soft_hyphens = "\u00ad".encode() in data
        check_tags(self.path, data.count(b"<"), self.options)
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
        # content controls and custom XML nest without limit: walked with a stack of their children
        stack = [iter(container)]
        while stack:
            el = next(stack[-1], None)
            if el is None:
                stack.pop()
            elif el.tag == self.tag("p"):
                yield from self.paragraph(el)
            elif el.tag == self.tag("tbl"):
                yield from self.nested(self.table, el)
            elif el.tag in (self.tag("sdt"), self.tag("customXml")):
                content = el.find(self.tag("sdtContent"))
                stack.append(iter(content if content is not None else el))

    def nested(
        self, read: Callable[[lxml.etree._Element], Iterator[Block]], el: lxml.etree._Element
    ) -> Iterator[Block]:
        """The blocks of a table or a text box, which hold blocks of their own; UnreadableFile past
        MAX_NESTING of them one inside another (no document does that)."""
        if self.nesting >= MAX_NESTING:
            raise _bad_docx(self.path, f"its tables or text boxes are nested more than {MAX_NESTING} deep")
        self.nesting += 1
        try:
            yield from read(el)
        finally:
            self.nesting -= 1

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
            text = join_runs(runs, self.encoding, not self.soft_hyphens)
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
            yield from self.nested(self.blocks, box)

    def inline(self, el: lxml.etree._Element, font: str | None, runs: list[Run], boxes: list) -> None:
        """Collect the runs under `el` in order; text boxes go to `boxes`, deleted text nowhere.

        Hyperlinks, insertions, fields and content controls nest without limit (1,200 hyperlinks
        one inside another): they are walked with a stack of their children, not by recursion."""
        w = self.w
        stack = [iter(el)]
        while stack:
            child = next(stack[-1], None)
            if child is None:
                stack.pop()
                continue
            tag = child.tag
            if not isinstance(tag, str):
                continue
            if tag == w + "r":
                rpr = child.find(w + "rPr")
                run_font = font
                if rpr is not None:
                    run_font = (
                        self.font_of(rpr.find(w + "rFonts"))
                        or self.style_font(self.attr(rpr.find(w + "rStyle")))
                        or font
                    )
                self.run(child, run_font, runs, boxes)
            elif tag in (w + "pPr", w + "rPr", w + "del", w + "moveFrom"):
                continue
            elif tag == _MC + "AlternateContent":
                choice = child.find(_MC + "Choice")
                if choice is not None:
                    stack.append(iter(choice))
            else:  # hyperlink, ins, smartTag, fldSimple, sdt, sdtContent, customXml ...
                stack.append(iter(child))

    def run(self, r: lxml.etree._Element, font: str | None, runs: list[Run], boxes: list) -> None:
        w = self.w
        for child in r:
            tag = child.tag
            # Tabs and breaks keep the run's font, so a legacy run is converted in one piece.
            if tag == w + "t":
                # an entity reference left unresolved ("&org;") or a processing instruction splits
                # the text: the text after it is its tail
                text = "".join(child.itertext()) if len(child) else child.text or ""
                runs.append(Run(text, font))
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


_MAIN_NAMESPACE_RE = re.compile(
    rb"""xmlns(?::([\w.-]+))?\s*=\s*["']http://schemas\.openxmlformats\.org/wordprocessingml/2006/main["']"""
)


def _paragraph_tags(xml: bytes) -> int:
    """How many paragraphs (<w:p> or <w:p ...> under the prefix the document gives Word's
    namespace) its XML holds, counted before it is parsed."""
    match = _MAIN_NAMESPACE_RE.search(xml, 0, 65536)
    prefix = match.group(1) + b":" if match and match.group(1) else b""
    return sum(xml.count(b"<" + prefix + b"p" + end) for end in (b">", b" ", b"/", b"\n", b"\t", b"\r"))


def _cell_text(blocks: list[Block]) -> str:
    return " ".join(tidy_line(text.replace("\n", " ")) for text, _ in blocks)


def _bad_docx(path: Path, why: str) -> UnreadableFile:
    return UnreadableFile(path, f"not a valid .docx: {why}", "open it in Word or LibreOffice and save it again")


def read_docx(path: Path, data: bytes, options: ReadOptions = DEFAULT_OPTIONS) -> Document:
    """A .docx: body paragraphs and tables in order, headings by style or capitals, footnotes last.

    Runs in legacy fonts are converted by their font; legacy text in Unicode-named fonts (a
    document whose fonts were changed after typing) is found by detection.
    """
    try:
        zf = zipfile.ZipFile(BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise _bad_docx(path, f"the zip is damaged or truncated ({exc})") from exc
    with zf:
        docx = _Docx(path, zf, options)
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
        text = "\n".join(text for text, _ in blocks)
        encoding = legacy.detect_legacy(text)
        if encoding:
            restore_u = legacy.lost_u(text, encoding)  # decided on the whole document
            blocks = [(legacy.repair_lines(text, encoding, restore_u), kind) for text, kind in blocks]
    paragraphs = paragraphs_from_blocks(blocks)
    return Document(path=str(path), format="docx", paragraphs=tuple(paragraphs), encoding=encoding)


FORMAT = Format("docx", (".docx",), read_docx, content_types=CONTENT_TYPES)
