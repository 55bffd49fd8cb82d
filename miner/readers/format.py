"""What a format module declares to the registry in `miner.readers`, and the blocks it hands on."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..document import Document
from .options import ReadOptions

# A piece of a document's text and its kind ("heading", "table_row", "footnote"), or None to infer
# the kind from the text: what readers that know the layout hand to segment.paragraphs_from_blocks.
Block = tuple[str, str | None]

# A reader: the file's path (for messages and the Document), its bytes and the options.
ReadFunction = Callable[[Path, bytes, ReadOptions], Document]


@dataclass(frozen=True)
class Format:
    """One format: the suffixes that name it, what its bytes look like, and its reader.

    `magic`: the bytes a file of this format starts with (or holds within its first
    `magic_window` bytes, when that is not 0), whatever its suffix. `content_types`: for a zip
    package, its main part's content type in `[Content_Types].xml` (Office Open XML) or its
    `mimetype` member (OpenDocument).
    """

    name: str
    suffixes: tuple[str, ...]
    read: ReadFunction
    magic: bytes = b""
    magic_window: int = 0
    content_types: tuple[str, ...] = ()

    def has_magic(self, data: bytes) -> bool:
        if not self.magic:
            return False
        if self.magic_window:
            return self.magic in data[: self.magic_window]
        return data.startswith(self.magic)
