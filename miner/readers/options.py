"""How files are read: `ReadOptions` (the OCR policy, a legacy code to force, the limits of one
document) and the `TooLarge` errors the limits raise.

The limits keep one hostile file from taking the machine's memory: a 260 KB .docx can hold 2.6
million paragraphs, a 6 MB PDF a page tree that names one page a million times. Each is checked
before the costly work where a cheap count exists (a .docx's paragraph tags, a PDF's page count,
a text's length and lines, a page's tags), and on the Document read.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import TooLarge
from . import legacy

MAX_BYTES = 100 * 2**20  # a file larger than this raises TooLarge
MAX_XML_BYTES = 100 * 2**20  # what a .docx's XML parts may expand to (a zip bomb stops here)
# The largest real documents here have about 4,000 paragraphs and 40,000 characters a page.
MAX_PARAGRAPHS = 100_000
MAX_PAGES = 5_000
MAX_CHARS = 20_000_000  # about 5,000 pages of text
# What a text or markup may hold for each paragraph allowed, before it is read: lines of a text
# (wrapped lines, blank lines), "<" of a .docx's XML or a page's HTML (start and end tags, runs).
LINES_PER_PARAGRAPH = 10
TAGS_PER_PARAGRAPH = 50
OCR_POLICIES = ("auto", "always", "never")


@dataclass(frozen=True)
class ReadOptions:
    """How files are read: which PDF pages are OCR'd, a legacy code to force, the limits.

    `ocr`: "auto" OCRs the pages without a text layer, "always" every page, "never" none
    (a scan is then NoTextLayer). `encoding`: "tcvn3", "vni" or "viscii" (or an alias such as
    "abc") converts all text from that code instead of detecting it. `max_xml_bytes`: what the
    XML parts of a .docx may expand to. `max_paragraphs`, `max_pages` (of a PDF) and `max_chars`:
    a document over one of them is failed as TooLarge.
    """

    ocr: str = "auto"
    encoding: str | None = None
    max_xml_bytes: int = MAX_XML_BYTES
    max_paragraphs: int = MAX_PARAGRAPHS
    max_pages: int = MAX_PAGES
    max_chars: int = MAX_CHARS

    def __post_init__(self) -> None:
        if self.ocr not in OCR_POLICIES:
            raise ValueError(f"unknown OCR policy {self.ocr!r}: choose one of {', '.join(OCR_POLICIES)}")
        if self.encoding is not None:
            object.__setattr__(self, "encoding", legacy.encoding_name(self.encoding))
        for name in ("max_xml_bytes", "max_paragraphs", "max_pages", "max_chars"):
            if getattr(self, name) < 1:
                raise ValueError(f"{name} must be at least 1, not {getattr(self, name)}")


DEFAULT_OPTIONS = ReadOptions()


def too_many(path: str | Path, what: str, count: int, limit: int, option: str) -> TooLarge:
    """TooLarge for a document with more `what` than `limit`, naming the option that raises it."""
    return TooLarge(
        path,
        f"it has {count:,} {what}, over the limit of {limit:,}",
        f"split it, or raise the limit with {option} if the document is genuine",
    )


def check_paragraphs(path: str | Path, count: int, options: ReadOptions, where: str = "") -> None:
    if count > options.max_paragraphs:
        raise too_many(path, f"paragraphs{where}", count, options.max_paragraphs, "--max-paragraphs")


def check_pages(path: str | Path, count: int, options: ReadOptions) -> None:
    if count > options.max_pages:
        raise too_many(path, "pages", count, options.max_pages, "--max-pages")


def check_chars(path: str | Path, count: int, options: ReadOptions) -> None:
    if count > options.max_chars:
        raise too_many(path, "characters of text", count, options.max_chars, "--max-chars")


def check_text(path: str | Path, text: str, options: ReadOptions) -> None:
    """A decoded text before it is split: its characters, and its lines (too many lines could
    only make too many paragraphs)."""
    check_chars(path, len(text), options)
    lines = text.count("\n") + 1
    if lines > LINES_PER_PARAGRAPH * options.max_paragraphs:
        raise too_many(
            path,
            f"lines (more than {LINES_PER_PARAGRAPH} for each paragraph allowed)",
            lines,
            LINES_PER_PARAGRAPH * options.max_paragraphs,
            "--max-paragraphs",
        )


def check_tags(path: str | Path, tags: int, options: ReadOptions) -> None:
    """A .docx part's or a page's markup before it is parsed: its tags ("<"), which the parser
    would make into a tree."""
    limit = TAGS_PER_PARAGRAPH * options.max_paragraphs
    if tags > limit:
        raise too_many(
            path,
            f"tags of markup (more than {TAGS_PER_PARAGRAPH} for each paragraph allowed)",
            tags,
            limit,
            "--max-paragraphs",
        )
