"""Plain text to paragraphs: wrapped lines re-joined, headings and table rows kept apart."""

from __future__ import annotations

import re

from .document import Paragraph
from .normalize import clean_text

# A line that starts a new paragraph, never a continuation:
# "- Như Điều 3;", "+ Lưu: VT.", "1. Công an tỉnh;", "a) Cá nhân...", "Điều 2. Quyết định...",
# "Chương I", "II. NỘI DUNG", "Căn cứ Luật ...", "Nơi nhận:".
_STARTS_PARAGRAPH_RE = re.compile(
    r"""^\s*(?:
        [-+•*–]\s
      | \d{1,3}(?:\.\d{1,3})*[.)]\s
      | [a-zđ][.)]\s
      | [IVXLC]{1,6}[.)]\s
      | (?:Điều|Chương|Mục|Phần)\s+[\dIVXLC]+
      | Căn\s+cứ\s
      | Nơi\s+nhận
      | Kính\s+gửi
    )""",
    re.VERBOSE,
)
_ENDS_SENTENCE_RE = re.compile(r"[.:;!?…/]\s*$|\.\s*[\"”)]\s*$")
_TABLE_ROW_RE = re.compile(r"\s\|\s|^\|")
_LETTER_RE = re.compile(r"[^\W\d_]")


def is_heading(line: str) -> bool:
    """Mostly upper-case letters and short: "QUYẾT ĐỊNH", "ỦY BAN NHÂN DÂN"."""
    letters = _LETTER_RE.findall(line)
    if len(letters) < 3 or len(line) > 160:
        return False
    upper = sum(1 for ch in letters if ch.isupper())
    return upper / len(letters) >= 0.8


def _line_kind(line: str) -> str:
    if _TABLE_ROW_RE.search(line):
        return "table_row"
    if is_heading(line):
        return "heading"
    return "body"


def _continues(prev: str, line: str, wrap_width: int) -> bool:
    """Whether `line` is the wrapped continuation of `prev`."""
    if _line_kind(prev) != "body" or _line_kind(line) != "body":
        return False
    if _STARTS_PARAGRAPH_RE.match(line) or _ENDS_SENTENCE_RE.search(prev):
        return False
    first = line.lstrip()[:1]
    if first.islower() or first in "(,;":
        return True
    return len(prev) >= 0.75 * wrap_width


def split_paragraphs(text: str) -> list[Paragraph]:
    """Blank lines end a paragraph; inside a block, wrapped lines are joined with a space."""
    text = clean_text(text)
    lines = [re.sub(r"[ ]{2,}", " ", ln).strip() for ln in text.split("\n")]
    widths = sorted(len(ln) for ln in lines if ln)
    wrap_width = max(40, widths[int(len(widths) * 0.9)] if widths else 80)
    paragraphs: list[tuple[str, str]] = []
    current: list[str] = []

    def flush() -> None:
        if current:
            joined = " ".join(current)
            paragraphs.append((joined, _line_kind(joined)))
            current.clear()

    for line in lines:
        if not line:
            flush()
            continue
        if current and not _continues(current[-1], line, wrap_width):
            flush()
        current.append(line)
    flush()
    return [Paragraph(seq=i, text=t, kind=k) for i, (t, k) in enumerate(paragraphs)]
