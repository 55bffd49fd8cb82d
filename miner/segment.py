"""Text to paragraphs: wrapped lines re-joined, headings, list items and table rows kept apart.

Every reader ends here. Plain text goes through `split_paragraphs`; readers that know more
(a .docx paragraph, a PDF line that reaches the right margin) hand blocks of lines to
`join_lines` and number the result with `make_paragraphs`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from . import data
from .document import Paragraph
from .normalize import ascii_lower_count, clean_text


def _line_patterns(block: str | None = None) -> re.Pattern[str]:
    """The lines that start a paragraph ("- Như Điều 3;", "Điều 2.", "Căn cứ ...", "Số: ..."), one
    pattern per row of data/paragraph_starts.tsv; with `block`, only the rows of that block."""
    rows = data.rows("paragraph_starts.tsv")
    patterns = [row["pattern"] for row in rows if block is None or row["block"] == block]
    return re.compile(r"\s*(?:" + "|".join(f"(?:{p})" for p in patterns) + ")")


_STARTS_PARAGRAPH_RE = _line_patterns()
_LETTERHEAD_RE = _line_patterns("letterhead")
# A line ending like this ends its paragraph ("...Cụm, Khối.", "gồm:", "Điều 3;", "./.").
_ENDS_SENTENCE_RE = re.compile(r"""[.:;!?…/]\s*$|[.!?]\s*["”')]\s*$""")
_TABLE_ROW_RE = re.compile(r"\s\|\s|^\|")
# A Markdown table's rule line: "|---|:---:|" or "--- | ---".
_TABLE_RULE_RE = re.compile(r"^\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?$")
_MARKDOWN_HEADING_RE = re.compile(r"^#{1,6}\s+")
_LETTER_RE = re.compile(r"[^\W\d_]")
_SPACES_RE = re.compile(r"  +")  # runs of spaces; a literal prefix, found faster than "[ ]{2,}"
_BLANK_LINES_RE = re.compile(r"\n[ ]*\n")
_TAB_CELL_RE = re.compile(r"\t+")


def is_heading(line: str) -> bool:
    """Mostly upper-case letters and short: "QUYẾT ĐỊNH", "ỦY BAN NHÂN DÂN"."""
    # a-z are letters, none upper-case: more than a fifth of the line's characters is too many
    if len(line) > 160 or 5 * ascii_lower_count(line) > len(line):
        return False
    letters = _LETTER_RE.findall(line)
    if len(letters) < 3:
        return False
    upper = sum(map(str.isupper, letters))
    return upper / len(letters) >= 0.8


def is_table_row(line: str) -> bool:
    """Cells joined by " | ": "1 | Nguyễn Văn An | Cục Thuế tỉnh"."""
    return "|" in line and bool(_TABLE_ROW_RE.search(line))


def starts_paragraph(line: str) -> bool:
    """A list item, an article, a "Căn cứ" clause, a date line...: never a wrapped continuation."""
    return bool(_STARTS_PARAGRAPH_RE.match(line))


def is_letterhead(line: str) -> bool:
    """A line of a header or signature block: "Số: 86/2025/QĐ-UBND", "Nơi nhận:", "KT. CHỦ TỊCH"."""
    return bool(_LETTERHEAD_RE.match(line))


@lru_cache(maxsize=8192)
def line_kind(line: str) -> str:
    """ "table_row", "heading" or "body", from the line's own text."""
    if is_table_row(line):
        return "table_row"
    if is_heading(line):
        return "heading"
    return "body"


def _continues(prev: str, line: str, prev_full: bool) -> bool:
    """Whether `line` is the wrapped continuation of `prev`."""
    if line_kind(prev) != "body" or line_kind(line) != "body":
        return False
    first = line[:1]
    if starts_paragraph(line):
        # "kinh tế" / "- xã hội" is a wrapped dash, not a list item.
        second = line[1:].lstrip()[:1]
        return first in "-–" and second.islower() and prev_full and not _ENDS_SENTENCE_RE.search(prev)
    if prev.endswith("./."):
        return False
    if first.islower():
        return True
    if _ENDS_SENTENCE_RE.search(prev):
        return False
    if prev.endswith(",") or first in "(,;":
        return True
    return prev_full


def join_lines(
    lines: Sequence[str], full: Sequence[bool] | None = None, wrap_width: int | None = None
) -> list[tuple[str, str]]:
    """Re-join wrapped lines into (text, kind) paragraphs.

    `full[i]` says whether line i reaches the right margin (a PDF reader knows); without it a
    line is full when it is at least 3/4 of `wrap_width` characters long (None: never).
    """
    if full is None:
        limit = 0.75 * wrap_width if wrap_width else float("inf")
        full = [len(line) >= limit for line in lines]
    out: list[tuple[str, str]] = []
    current: list[str] = []
    current_full = False

    def flush() -> None:
        if current:
            joined = " ".join(current)
            out.append((joined, line_kind(joined)))
            current.clear()

    for line, is_full in zip(lines, full):
        if not line:
            flush()
            continue
        if current and not _continues(current[-1], line, current_full):
            flush()
        current.append(line)
        current_full = is_full
    flush()
    return out


def make_paragraphs(items: Iterable[tuple[str, str] | tuple[str, str, float | None]]) -> list[Paragraph]:
    """Number (text, kind) pairs, or (text, kind, OCR confidence) triples, from 0, dropping empty texts."""
    return [
        Paragraph(seq=i, text=item[0], kind=item[1], ocr_confidence=item[2] if len(item) > 2 else None)
        for i, item in enumerate(t for t in items if t[0])
    ]


def paragraphs_from_blocks(blocks: Iterable[tuple[str, str | None]]) -> list[Paragraph]:
    """Paragraphs from a reader's blocks: (text, kind) with kind None to infer it.

    A block of unknown kind may hold several lines (a .docx line break, an HTML <br>): they
    are re-joined only where the text itself says so. A block of known kind is one paragraph.
    """
    items: list[tuple[str, str]] = []
    for text, kind in blocks:
        text = clean_text(text)
        if kind is None and "\n" not in text:  # one line: join_lines' result without its set-up
            line = tidy_line(text)
            if line:
                items.append((line, line_kind(line)))
        elif kind is None:
            items.extend(join_lines([tidy_line(line) for line in text.split("\n")]))
        else:
            items.append((tidy_line(text.replace("\n", " ")), kind))
    return make_paragraphs(items)


def tidy_line(line: str) -> str:
    """One line: runs of spaces collapsed, ends stripped."""
    return _SPACES_RE.sub(" ", line).strip()


def _plain_line(line: str, markdown: bool) -> str:
    """Tab-separated cells as a table row; Markdown table pipes and heading marks dropped."""
    if line.count("\t") >= 2 and len([c for c in _TAB_CELL_RE.split(line.strip()) if c.strip()]) >= 3:
        line = " | ".join(c.strip() for c in _TAB_CELL_RE.split(line.strip()) if c.strip())
    if markdown:
        if _TABLE_RULE_RE.match(line.strip()):
            return ""
        stripped = line.strip()
        if stripped.startswith("|") and stripped.endswith("|") and len(stripped) > 1:
            line = " | ".join(c.strip() for c in stripped[1:-1].split("|"))
    return line


def split_paragraphs(text: str, *, markdown: bool = False) -> list[Paragraph]:
    """Blank lines end a paragraph; inside a block, wrapped lines are joined with a space.

    A line is taken as wrapped when it is about as long as the text's longest lines (the
    90th percentile), so a hard-wrapped .txt file re-joins and one-line paragraphs stay apart.
    With `markdown`, "# Title" is a heading and "| a | b |" a table row.
    """
    if "\t" in text or markdown:
        text = "\n".join(_plain_line(line, markdown) for line in text.split("\n"))
    text = clean_text(text)
    if "  " in text:  # tidy_line of each line at once: runs of spaces never span lines
        text = _SPACES_RE.sub(" ", text)
    lines = [line.strip() for line in text.split("\n")]
    widths = sorted(len(line) for line in lines if line)
    wrap_width = max(40, widths[int(len(widths) * 0.9)] if widths else 80)
    items: list[tuple[str, str]] = []
    for block in _BLANK_LINES_RE.split("\n".join(lines)):
        block_lines = block.split("\n")
        if len(block_lines) == 1 and not markdown:  # join_lines' result for one line, without its set-up
            if block:
                items.append((block, line_kind(block)))
            continue
        if not markdown:
            items.extend(join_lines(block_lines, wrap_width=wrap_width))
            continue
        run: list[str] = []
        for line in block_lines:
            if _MARKDOWN_HEADING_RE.match(line):
                items.extend(join_lines(run, wrap_width=wrap_width))
                items.append((_MARKDOWN_HEADING_RE.sub("", line), "heading"))
                run = []
            else:
                run.append(line)
        items.extend(join_lines(run, wrap_width=wrap_width))
    return make_paragraphs(items)
