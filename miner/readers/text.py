"""Plain text (.txt): bytes decoded (BOM, UTF-8, UTF-16, a legacy Vietnamese code, Windows-1258),
then split into paragraphs where blank lines and the text itself say.

`decode_text` is shared with the HTML and Markdown readers.
"""

from __future__ import annotations

import codecs
import logging
import re
from pathlib import Path

from ..document import Document
from ..errors import UnreadableFile
from ..segment import split_paragraphs
from . import legacy
from .format import Format
from .options import DEFAULT_OPTIONS, ReadOptions, check_text

log = logging.getLogger(__name__)

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# C0/C1 controls (not tab, line feed, carriage return, form feed) and U+FFFD: binary data.
# A run of NUL bytes this long is padding, not binary data (which rarely holds only NULs and text).
_NUL_PADDING = "\x00" * 8
_NUL_RUN_RE = re.compile("\x00{8,}")
_NOT_TEXT_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x84\x86-\x9f\ufffd]")


def decode_text(data: bytes, path: str | Path | None = None, encoding: str | None = None) -> tuple[str, str]:
    """Bytes to (text, encoding) by BOM, strict UTF-8, a legacy Vietnamese code (TCVN3, VNI,
    VISCII), else Windows-1258; UnreadableFile if not text.

    Unicode text that shows a legacy code ("Céng hoµ x· héi", once saved as UTF-8) is converted
    and reported as that code; `encoding` forces a legacy code instead of detecting one.
    """
    for bom, name in BOMS:
        if data.startswith(bom):
            text = data[len(bom) :].decode(name.removesuffix("-sig"), errors="replace")
            return repaired(*checked_text(text, name, path), encoding)
    utf16 = _utf16_without_bom(data)
    if utf16:
        return repaired(*checked_text(data.decode(utf16, errors="replace"), utf16, path), encoding)
    try:
        return repaired(*checked_text(data.decode("utf-8"), "utf-8", path), encoding)
    except UnicodeDecodeError:
        pass
    if not encoding:
        text = data.decode("utf-8", errors="replace")
        damaged = text.count("\ufffd")
        if sum(1 for ch in text if ch > "\x7f") - damaged >= 20 * damaged:
            log.warning("%s: %d invalid UTF-8 sequences replaced", path, damaged)
            return repaired(*checked_text(text, "utf-8", path), encoding)
    # Raw legacy bytes before the Windows-1258 fallback, which would otherwise take them.
    decoded = legacy.decode_bytes(data, encoding)
    if decoded is not None:
        return checked_text(*decoded, path)
    try:
        return checked_text(data.decode("cp1258"), "cp1258", path)
    except UnicodeDecodeError as exc:
        raise _not_text(path, f"byte {exc.start} is neither UTF-8 nor Windows-1258") from exc


def repaired(text: str, found: str, encoding: str | None) -> tuple[str, str]:
    """Unicode text with the legacy code it shows converted (forced by `encoding`), and the code."""
    text, code = legacy.repair_text(text, encoding)
    return text, code or found


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without a BOM, told by the zero bytes of its ASCII characters."""
    sample = data[:4096]
    half = len(sample) // 2
    if half < 8 or b"\x00" not in sample:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if odd > 0.3 * half and even < 0.02 * half:
        return "utf-16-le"
    if even > 0.3 * half and odd < 0.02 * half:
        return "utf-16-be"
    return None


def checked_text(text: str, encoding: str, path: str | Path | None) -> tuple[str, str]:
    """(text, encoding) when `text` is text: runs of NUL bytes (padding to a block size, which
    some systems add) are line breaks; UnreadableFile when many control characters or U+FFFD
    are left (binary data)."""
    if _NUL_PADDING in text:
        log.info("%s: %d NUL bytes of padding left out", path, text.count("\x00"))
        text = _NUL_RUN_RE.sub("\n", text)
    sample = text[:200_000]
    if len(_NOT_TEXT_RE.findall(sample)) > max(8, len(sample) // 100):
        raise _not_text(path, "it holds binary data")
    return text, encoding


def _not_text(path: str | Path | None, why: str) -> UnreadableFile:
    return UnreadableFile(
        path,
        f"not a text file ({why})",
        "check the file; if it is Vietnamese text in a legacy code, pass --encoding tcvn3, vni or viscii",
    )


def read_text(path: Path, data: bytes, options: ReadOptions = DEFAULT_OPTIONS) -> Document:
    """A .txt file: blank lines and the text itself say where paragraphs end."""
    text, encoding = decode_text(data, path, options.encoding)
    check_text(path, text, options)
    paragraphs = split_paragraphs(text)
    return Document(path=str(path), format="txt", paragraphs=tuple(paragraphs), encoding=encoding)


FORMAT = Format("txt", (".txt",), read_text)
