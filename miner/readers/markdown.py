"""Markdown (.md): the text without its markup, headings and table rows kept apart.

The blocks and inline markup are read by markdown-it-py (CommonMark): emphasis, links (their
text), images (left out), code spans, escapes, entities, HTML tags (left out), "#" headings,
list items (their number or bullet kept, as Word's list labels are), block quotes. Two choices
fit documents converted to Markdown from Word or web pages, which is what archives hold:
- Indented lines are text, not code (CommonMark's indented code blocks are turned off).
- A converter writes every bold or italic run as it finds it ("**BỘ C****ÔNG THƯƠNG**",
  "*Hà Nội, ng**ày 21 tháng*", "*Căn cứ Luật Điện lực; *"), which CommonMark leaves partly
  as literal asterisks: asterisks left in the text are markup too, unless escaped ("\\*") or
  a note mark in brackets ("(*)", "(**)").

Tables are read by their lines, so no cell is lost when a row has more cells than its header
(CommonMark's table extension drops those): a row of two or more filled cells is a table row
"cell | cell", as a .docx table's row is; a row of one filled cell is that cell's text; the
delimiter row ("|---|:---:|") and rows of empty cells ("|") are markup. A line is a row when it
starts or ends with "|", or, around a delimiter row, holds one. A setext heading (a line
underlined with "---" or "===") is text whose kind the text decides: converters underline the
national motto that way.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator, Sequence
from functools import lru_cache
from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.token import Token

from ..document import Document
from ..normalize import clean_text
from ..segment import join_lines, make_paragraphs, tidy_line
from .format import Block, Format
from .options import DEFAULT_OPTIONS, ReadOptions, check_text
from .text import decode_text

# A table's delimiter row: "|---|:---:|", "--- | ---" (with at least one pipe).
_DELIMITER_ROW_RE = re.compile(r"^\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)+\|?\s*$|^\|\s*:?-+:?\s*\|?\s*$")
_CELL_SEPARATOR_RE = re.compile(r"(?<!\\)\|")
_ASTERISKS_RE = re.compile(r"\*+")
# A list item's bullet as a paragraph's label: "-" and "+" as written (Vietnamese documents use
# both, "+" below "-"), "*" (how converters write an HTML list's items) as Word draws a bullet.
_BULLETS = {"-": "-", "+": "+", "*": "•"}
_LETTER_OR_DIGIT_RE = re.compile(r"[^\W_]")
_BREAK_TAG_RE = re.compile(r"<br\s*/?>", re.I)
_HTML_DROPPED_RE = re.compile(r"<(script|style)\b.*?</\1\s*>|<!--.*?-->", re.I | re.S)
_HTML_BLOCK_END_RE = re.compile(r"</(?:p|div|li|tr|h[1-6]|table|blockquote)\s*>|<br\s*/?>", re.I)
_HTML_TAG_RE = re.compile(r"<[^>]*>")


# Where inline markup may start; text without these characters is its own plain text.
_INLINE_MARKUP_RE = re.compile(r"[*_\[\]`\\<&~!]")
# What takes markdown-it's inline parser (`_simple`): underscores and escapes; a link or an image
# ("](", "!["), an entity ("&amp;"), a strikethrough ("~~"), a tag or an autolink ("<...>"), what
# markdown-it normalises ("\r", NUL), an asterisk a note mark may keep ("(*)"), a code span. Alone,
# "!", "&", "~" and "<" are text as written, and so are backticks when no two runs of them have the
# same length.
_PARSED_CHARS_RE = re.compile(r"[_\\\r\x00]")
_ENTITY_RE = re.compile(r"&#?[0-9A-Za-z]+;")
_TAG_RE = re.compile(r"<[^>]*>")
_NOTE_MARK_RE = re.compile(r"[(\[]\*+[)\]]")
_BACKTICKS_RE = re.compile(r"`+")
# A line break as markdown-it reads it: the spaces before it and the spaces and tabs after it dropped.
_LINE_BREAK_RE = re.compile(r" *\n[ \t]*")


@lru_cache(maxsize=2)
def _parser(blocks: bool = False) -> MarkdownIt:
    """markdown-it for inline text, or (`blocks`) for a text's blocks without their inline text,
    which `inline_text` reads (once, and not at all when it has no markup)."""
    # text_join off: escaped characters stay apart from the text, so their asterisks are kept.
    md = MarkdownIt("commonmark").enable(["strikethrough"]).disable(["code", "text_join"])
    return md.disable("inline") if blocks else md


def read_markdown(path: Path, data: bytes, options: ReadOptions = DEFAULT_OPTIONS) -> Document:
    """A .md file: its text without markup, in paragraphs as a .txt file's; headings and table rows kept apart."""
    text, encoding = decode_text(data, path, options.encoding)
    check_text(path, text, options)
    blocks = list(markdown_blocks(clean_text(text)))
    return Document(path=str(path), format="md", paragraphs=tuple(_paragraphs(blocks)), encoding=encoding)


def markdown_blocks(text: str) -> Iterator[Block]:
    """The blocks of a Markdown text: (text, "heading"), (cells, "table_row"), or (lines, None)."""
    tokens = _parser(blocks=True).parse(text)
    lines = text.split("\n")
    label = ""  # a list item's number or bullet, put before its first block
    for i, token in enumerate(tokens):
        kind = token.type
        if kind == "list_item_open":
            label = f"{token.info}{token.markup} " if token.info else _BULLETS.get(token.markup, "•") + " "
            first = lines[token.map[0]] if token.map else ""
            if not _LETTER_OR_DIGIT_RE.search(first.strip()[len(label) - 1 :]):
                label = ""  # "* |": a converter's italics before a table's pipe, no list item
            continue
        if kind == "list_item_close":
            label = ""
            continue
        if kind == "inline":
            opener = tokens[i - 1]
            if opener.type == "heading_open" and opener.markup.startswith("#"):  # "# Title", "## a | b |"
                cells = _cells(token.content) if _is_row(token.content.strip()) else [token.content]
                found: list[Block] = [(" | ".join(filter(None, map(_cell_text, cells))), "heading")]
            else:  # a paragraph, or a setext heading's lines (whose kind their text decides)
                found = list(_paragraph_blocks(token.content))
        elif kind == "fence":
            found = [(token.content, None)]
        elif kind == "html_block":
            found = [(_html_text(token.content), None)]
        else:
            continue
        found = [(t, k) for t, k in found if t.strip()]
        if found and label:
            found[0] = (label + found[0][0], found[0][1])
            label = ""
        yield from found


def inline_text(source: str) -> str:
    """The text of inline Markdown: emphasis, links, images, HTML tags and left-over asterisks
    dropped, escapes and entities resolved, line breaks kept."""
    if not _INLINE_MARKUP_RE.search(source):
        return source
    return _simple_text(source) if _simple(source) else _parsed_text(source)


def _parsed_text(source: str) -> str:
    """`inline_text` by markdown-it's inline parser."""
    out = []
    for token in _inline_tokens(source):
        kind = token.type
        if kind == "text":
            out.append(_ASTERISKS_RE.sub(_note_mark_or_nothing, token.content))
        elif kind in ("text_special", "code_inline"):
            out.append(token.content)
        elif kind in ("softbreak", "hardbreak"):
            out.append("\n")
        elif kind == "html_inline" and _BREAK_TAG_RE.fullmatch(token.content):
            out.append("\n")
    return "".join(out)


def _simple(source: str) -> bool:
    """Whether `source` holds no markup but asterisks, brackets and marks that are text as written."""
    if _PARSED_CHARS_RE.search(source) or "](" in source or "![" in source or "~~" in source:
        return False
    if ("&" in source and _ENTITY_RE.search(source)) or ("<" in source and _TAG_RE.search(source)):
        return False
    if "*" in source and _NOTE_MARK_RE.search(source):
        return False
    if "`" in source:  # no code span: no two runs of backticks of one length
        lengths = [len(run) for run in _BACKTICKS_RE.findall(source)]
        return len(lengths) == len(set(lengths))
    return True


def _simple_text(source: str) -> str:
    """`inline_text` of text whose only markup is asterisks and brackets (no link, no note mark),
    and marks that are text as written (see `_simple`), without the parser, as it reads them:
    brackets are text (no link without "]("; no reference resolves in inline text), every asterisk
    goes, as emphasis or left over; a line break drops the spaces before it (not those before an
    asterisk that ends the line) and after it. Most inline text of real Markdown is such ("**BỘ
    CÔNG THƯƠNG**", "[1] ... *Căn cứ ...; *"); a property test holds it to the parser's reading."""
    return _LINE_BREAK_RE.sub("\n", source).replace("*", "")


def _inline_tokens(source: str) -> list[Token]:
    parsed = _parser().parseInline(source)
    return (parsed[0].children or []) if parsed else []


def _note_mark_or_nothing(match: re.Match[str]) -> str:
    """Asterisks left in the text by emphasis that did not match are dropped, unless they are a
    note mark in brackets: "(*)", "[**]"."""
    text, start, end = match.string, match.start(), match.end()
    if start and end < len(text) and text[start - 1] in "([" and text[end] in ")]":
        return match.group()
    return ""


def _paragraph_blocks(source: str) -> Iterator[Block]:
    """A paragraph's lines: runs of text lines as one block each, table rows as rows."""
    lines = source.split("\n")
    rows = _row_lines(lines)
    run: list[str] = []
    for number, line in enumerate(lines):
        if number not in rows:
            run.append(line)
            continue
        if run:
            yield inline_text("\n".join(run)), None
            run = []
        if _DELIMITER_ROW_RE.match(line.strip()):
            continue
        filled = [text for text in map(_cell_text, _cells(line)) if text]
        if len(filled) >= 2:
            yield " | ".join(filled), "table_row"
        elif filled:
            yield filled[0], None
    if run:
        yield inline_text("\n".join(run)), None


def _row_lines(lines: Sequence[str]) -> set[int]:
    """The numbers of the lines that are table rows: those that start or end with "|", and around
    a delimiter row, the line above it and the lines below it that hold a "|"."""
    rows = set()
    table = False
    for number, line in enumerate(lines):
        stripped = line.strip()
        if _DELIMITER_ROW_RE.match(stripped):
            rows.add(number)
            if number and _CELL_SEPARATOR_RE.search(lines[number - 1]):
                rows.add(number - 1)
            table = True
        elif _is_row(stripped):
            rows.add(number)
        elif table and _CELL_SEPARATOR_RE.search(stripped):
            rows.add(number)
        else:
            table = False
    return rows


def _is_row(line: str) -> bool:
    """A line that starts or ends with "|" (not an escaped "\\|")."""
    return line.startswith("|") or (line.endswith("|") and not line.endswith("\\|"))


def _cell_text(cell: str) -> str:
    return tidy_line(inline_text(cell).replace("\n", " "))


def _cells(line: str) -> list[str]:
    stripped = line.strip()
    if stripped.startswith("|"):
        stripped = stripped[1:]
    if stripped.endswith("|") and not stripped.endswith("\\|"):
        stripped = stripped[:-1]
    return _CELL_SEPARATOR_RE.split(stripped)


def _html_text(source: str) -> str:
    """The text of a block of raw HTML: tags dropped (line breaks where blocks end), entities resolved."""
    source = _HTML_DROPPED_RE.sub("", source)
    source = _HTML_BLOCK_END_RE.sub("\n", source)
    return html.unescape(_HTML_TAG_RE.sub("", source))


def _paragraphs(blocks: list[Block]) -> list:
    """Numbered paragraphs: a block of unknown kind re-joined line by line as a .txt file's
    paragraph is (a line as long as the text's longest is taken as wrapped)."""
    cleaned = [(clean_text(text), kind) for text, kind in blocks]
    widths = sorted(len(line) for text, kind in cleaned if kind is None for line in text.split("\n") if line.strip())
    wrap_width = max(40, widths[int(len(widths) * 0.9)] if widths else 80)
    items: list[tuple[str, str]] = []
    for text, kind in cleaned:
        if kind is None:
            items.extend(join_lines([tidy_line(line) for line in text.split("\n")], wrap_width=wrap_width))
        else:
            items.append((tidy_line(text.replace("\n", " ")), kind))
    return make_paragraphs(items)


FORMAT = Format("md", (".md",), read_markdown)
