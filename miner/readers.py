"""Files to Documents: one small reader per format, chosen by suffix."""

from __future__ import annotations

from pathlib import Path

from .document import Document
from .errors import UnreadableFile, UnsupportedFormat
from .segment import split_paragraphs


def read_txt(path: Path) -> Document:
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UnreadableFile(path, f"not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
    return Document(path=str(path), format="txt", paragraphs=tuple(split_paragraphs(text)))


READERS = {".txt": read_txt, ".md": read_txt}


def read_document(path: str | Path) -> Document:
    path = Path(path)
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise UnsupportedFormat(path, f"miner does not read {path.suffix or 'files without a suffix'}")
    return reader(path)
