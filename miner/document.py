"""The text of one file, split into paragraphs: what every extractor reads."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Paragraph:
    """One paragraph, heading or table row, in reading order.

    `kind` is "body", "heading", "table_row" or "footnote"; table rows have their cells
    joined by " | ". Offsets of extracted spans are counted in `text`.
    """

    seq: int
    text: str
    kind: str = "body"
    ocr_confidence: float | None = None


@dataclass(frozen=True)
class Document:
    """A file read and normalised to NFC; `paragraphs` are numbered from 0."""

    path: str
    format: str
    paragraphs: tuple[Paragraph, ...]
    ocr: bool = False
    ocr_confidence: float | None = None
    encoding: str | None = None

    @property
    def text(self) -> str:
        return "\n\n".join(p.text for p in self.paragraphs)

    @property
    def chars(self) -> int:
        return sum(len(p.text) for p in self.paragraphs)
