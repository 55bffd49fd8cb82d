"""Markdown (.md): decoded as plain text; "# Title" lines are headings and "| a | b |" lines table rows."""

from __future__ import annotations

from pathlib import Path

from ..document import Document
from ..segment import split_paragraphs
from .format import Format
from .options import DEFAULT_OPTIONS, ReadOptions
from .text import decode_text


def read_markdown(path: Path, data: bytes, options: ReadOptions = DEFAULT_OPTIONS) -> Document:
    """A .md file: paragraphs as in a .txt file, Markdown headings and table rows kept apart."""
    text, encoding = decode_text(data, path, options.encoding)
    paragraphs = split_paragraphs(text, markdown=True)
    return Document(path=str(path), format="md", paragraphs=tuple(paragraphs), encoding=encoding)


FORMAT = Format("md", (".md",), read_markdown)
