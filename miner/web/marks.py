"""Highlighting for the served pages: spans marked in HTML-escaped text, and search snippets.

Every function here escapes the document's text before it adds a tag: text from a document
never reaches a page as HTML. Search terms are matched on `fold()`ed text, which has the same
length as the original, so a term typed without diacritics marks the words as written.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from markupsafe import Markup, escape

from ..normalize import fold

# Marks around the matched words of a snippet, in the text a SQL function returns (visible in
# JSON and CSV); `snippet_html` turns them into <mark> after escaping the text.
OPEN, CLOSE = "⟦", "⟧"
# A document's own ⟦ ⟧ are shown as the look-alike 〚 〛 in a snippet, so that the marks stay the search's.
_OWN_MARKS = str.maketrans({OPEN: "〚", CLOSE: "〛"})
MAX_SEARCH_CHARS = 300

_TERM_RE = re.compile(r"\w+", re.UNICODE)
_CHUNK_RE = re.compile(r"\S+")


@dataclass(frozen=True)
class Mark:
    """A span of a paragraph to mark: its label, CSS class, the row it links to and a tooltip."""

    start: int
    end: int
    label: str
    css: str
    href: str
    title: str = ""


def mark_spans(text: str, marks: list[Mark]) -> Markup:
    """The text HTML-escaped, each span in a <mark> whose label links to its row (displaCy's look).

    A span inside another nests in its mark; one crossing another's edge is left out.
    """
    kept = sorted((m for m in marks if 0 <= m.start < m.end <= len(text)), key=lambda m: (m.start, -m.end))
    return Markup(_render(text, 0, len(text), kept))


def _render(text: str, start: int, end: int, marks: list[Mark]) -> str:
    out = []
    pos = start
    i = 0
    while i < len(marks):
        m = marks[i]
        if m.start < pos:  # crosses the one before: left out
            i += 1
            continue
        inner = []
        j = i + 1
        while j < len(marks) and marks[j].start < m.end:
            if marks[j].end <= m.end:
                inner.append(marks[j])
            j += 1
        out.append(str(escape(text[pos : m.start])))
        out.append(
            f'<mark class="fact fact-{escape(m.css)}" title="{escape(m.title)}">'
            f"{_render(text, m.start, m.end, inner)}"
            f'<a class="fact-label" href="{escape(m.href)}">{escape(m.label)}</a></mark>'
        )
        pos = m.end
        i = j
    out.append(str(escape(text[pos:end])))
    return "".join(out)


def highlight(text: str, start: int | None, end: int | None, window: int = 220) -> Markup:
    """A passage of the text around [start, end) with that span in <mark>, all of it escaped."""
    if start is None or end is None or not 0 <= start <= end <= len(text):
        return Markup(escape(_cut(text, 0, 2 * window)))
    lo = max(0, start - window)
    hi = min(len(text), end + window)
    before = ("…" if lo else "") + text[lo:start]
    after = text[end:hi] + ("…" if hi < len(text) else "")
    return Markup(f"{escape(before)}<mark>{escape(text[start:end])}</mark>{escape(after)}")


def _cut(text: str, start: int, size: int) -> str:
    return text[start : start + size] + ("…" if len(text) > start + size else "")


# ---------------------------------------------------------------- search


def search_terms(query: str) -> list[str]:
    """The folded words of a search query ("Quyết định 354" -> ["quyet", "dinh", "354"])."""
    return _TERM_RE.findall(fold(query or "")[:MAX_SEARCH_CHARS])


def fts_match(query: str) -> str | None:
    """An FTS5 MATCH expression for what a user typed, with or without diacritics.

    Each space-separated chunk is folded and quoted (a symbol such as 354/QĐ-UBND is a phrase):
    the index holds the folded text, where every spelling of a word is one.
    """
    chunks = _CHUNK_RE.findall(visible((query or "")[:MAX_SEARCH_CHARS]))
    chunks = [c for c in chunks if _TERM_RE.search(c)]
    if not chunks:
        return None
    return " ".join(_quote(fold(c)) for c in chunks)


def visible(text: str) -> str:
    """The text with its control characters as spaces (a NUL ends a string in FTS5's query parser)."""
    return "".join(" " if unicodedata.category(ch) == "Cc" else ch for ch in text)


def _quote(chunk: str) -> str:
    return '"' + chunk.replace('"', '""') + '"'


def snippet(text: str, query: str, size: int = 240) -> str | None:
    """A window of the text where the query's words are densest, each word in ⟦ ⟧ marks."""
    if text is None:
        return None
    text = text.translate(_OWN_MARKS)
    terms = set(search_terms(query))
    folded = fold(text)
    hits = [(m.start(), m.end()) for m in _TERM_RE.finditer(folded) if m.group(0) in terms]
    if not hits:
        return _cut(text, 0, size)
    best = max(range(len(hits)), key=lambda i: sum(1 for s, _ in hits[i:] if s < hits[i][0] + size))
    lo = 0 if len(text) <= size else max(0, min(hits[best][0] - size // 4, len(text) - size))
    hi = min(len(text), lo + size)
    out = ["…" if lo else ""]
    pos = lo
    for s, e in hits:
        if s < lo or e > hi:
            continue
        out += [text[pos:s], OPEN, text[s:e], CLOSE]
        pos = e
    out.append(text[pos:hi] + ("…" if hi < len(text) else ""))
    return "".join(out)


def snippet_html(marked: str) -> Markup:
    """A snippet with ⟦ ⟧ marks as HTML: the text escaped, then the marks made <mark> tags."""
    text = str(escape(marked))
    if text.count(OPEN) != text.count(CLOSE):
        return Markup(text)
    return Markup(text.replace(OPEN, "<mark>").replace(CLOSE, "</mark>"))
