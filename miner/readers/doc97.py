"""Word 97-2003 `.doc` files to text, through antiword (catdoc when antiword refuses a file).

The three converters Debian 12 offers, tried on the Lạng Sơn QĐ 275/QĐ-CĐSP `.doc` and on the
legacy-font files in tests/data/legacy:
- antiword 0.37 (`antiword`, 0.4 MB): Vietnamese intact through its UTF-8 map, one line per
  paragraph with `-w 0`, tables kept as "|cell|cell|" rows, milliseconds per file; refuses
  very short documents ("text stream too small"). Upstream stopped in 2005; Debian keeps it
  patched.
- catdoc 0.95 (`catdoc`, 0.5 MB): Vietnamese intact, reads the short files antiword refuses,
  but table cells come out as loose lines; on bytes that are not a Word file it prints them
  as text instead of failing, so it only runs after the OLE2 signature is checked.
- LibreOffice headless (`libreoffice-writer-nogui` 7.4): keeps tables and font names (through
  a .docx), but is about 100 packages and two seconds of start-up per file.
antiword gives the best text and tables for a small install, with catdoc behind it. Neither
reports fonts, so TCVN3/VNI text is found by `legacy.repair_text`, line by line.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..document import Document
from ..errors import EncryptedDocument, MissingTool, UnreadableFile
from ..segment import split_paragraphs
from .format import Format
from .legacy import repair_text
from .options import DEFAULT_OPTIONS, ReadOptions, check_text

INSTALL_HINT = "install a .doc converter: apt-get install antiword catdoc"
TIMEOUT = 60.0  # seconds per file

_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# What a file named .doc often really is, by its first bytes, and what to do about it.
_OTHER_FORMATS = (
    (b"PK\x03\x04", "a .docx (Word 2007+) or OpenDocument file", "rename it to .docx"),
    (b"{\\rtf", "an RTF file", "save it as .docx"),
    (b"%PDF", "a PDF file", "rename it to .pdf"),
)


@dataclass(frozen=True)
class DocText:
    """A .doc file's text: paragraphs separated by blank lines, table rows as "cell | cell"."""

    text: str
    encoding: str | None  # the legacy code converted ("tcvn3", "vni"), None for Unicode
    converter: str  # "antiword" or "catdoc"

    @property
    def paragraphs(self) -> list[str]:
        return [p for p in self.text.split("\n\n") if p]


def _check_signature(path: Path, head: bytes) -> None:
    if head.startswith(_OLE2_MAGIC):
        return
    if not head:
        raise UnreadableFile(path, "the file is empty")
    for magic, what, remedy in _OTHER_FORMATS:
        if head.startswith(magic):
            raise UnreadableFile(path, f"not a Word 97 document but {what}", remedy=remedy)
    if b"<html" in head.lower():
        raise UnreadableFile(path, "not a Word 97 document but a web page", remedy="rename it to .html")
    raise UnreadableFile(path, "not a Word 97 document (no OLE2 signature)")


def _run(command: list[str], path: Path) -> str:
    """The UTF-8 output of a converter; CalledProcessError or TimeoutExpired when it fails."""
    done = subprocess.run([*command, str(path)], capture_output=True, timeout=TIMEOUT, check=True)
    return done.stdout.decode("utf-8", errors="replace")


def _table_row(line: str) -> str | None:
    """ "|Số: 275/QĐ-CĐSP   |Lạng Sơn, ngày 12 ...|" -> "Số: 275/QĐ-CĐSP | Lạng Sơn, ngày 12 ..." """
    stripped = line.strip()
    if len(stripped) < 2 or stripped[0] != "|" or stripped[-1] != "|":
        return None
    cells = [cell.strip() for cell in stripped[1:-1].split("|")]
    return " | ".join(cell for cell in cells if cell)


def _paragraphs(output: str) -> list[str]:
    """Converter output without wrapping (-w): one paragraph or table row a line."""
    found = []
    for line in output.split("\n"):
        row = _table_row(line)
        text = row if row is not None else line.strip()
        if text:
            found.append(text)
    return found


_CONVERTERS = (
    ("antiword", ["antiword", "-m", "UTF-8.txt", "-w", "0"]),
    ("catdoc", ["catdoc", "-d", "utf-8", "-w"]),
)


def read_doc(path: str | Path, encoding: str | None = None, *, data: bytes | None = None) -> DocText:
    """The text of a Word 97 .doc file, legacy codes converted (`encoding` forces one).

    The bytes may be passed in `data` (then `path` only names the file in messages).
    MissingTool when neither antiword nor catdoc is installed; UnreadableFile when the bytes
    are not a Word 97 document or no converter can read them.
    """
    path = Path(path)
    if data is None:
        with path.open("rb") as handle:
            head = handle.read(512)
    else:
        head = data[:512]
    _check_signature(path, head)
    available = [c for c in _CONVERTERS if shutil.which(c[0])]
    if not available:
        raise MissingTool(path, "no converter for Word 97 .doc files is installed", remedy=INSTALL_HINT)
    if data is None:
        return _convert(path, path, available, encoding)
    with tempfile.TemporaryDirectory(prefix="miner-doc-") as folder:
        copy = Path(folder, "document.doc")
        copy.write_bytes(data)
        return _convert(copy, path, available, encoding)


def _convert(source: Path, path: Path, converters: list, encoding: str | None) -> DocText:
    """The first converter's text of `source`; messages name `path`."""
    failures = []
    for name, command in converters:
        try:
            output = _run(command, source)
        except subprocess.TimeoutExpired:
            failures.append(f"{name} took longer than {TIMEOUT:.0f} s")
            continue
        except subprocess.CalledProcessError as exc:
            message = exc.stderr.decode("utf-8", errors="replace").strip().splitlines()
            failures.append(f"{name}: {message[-1] if message else f'exit status {exc.returncode}'}")
            continue
        paragraphs = _paragraphs(output)
        if not paragraphs:
            failures.append(f"{name} found no text")
            continue
        text, found = repair_text("\n\n".join(paragraphs), encoding)
        return DocText(text, found, name)
    raise UnreadableFile(path, "; ".join(failures).replace(str(source), "the file"))


def read_doc_text(path: str | Path, encoding: str | None = None) -> list[str]:
    """The paragraphs of a Word 97 .doc file (table rows as "cell | cell")."""
    return read_doc(path, encoding).paragraphs


def read_word97(path: Path, data: bytes, options: ReadOptions = DEFAULT_OPTIONS) -> Document:
    """A Word 97 .doc through antiword (catdoc behind it), legacy codes converted."""
    if "EncryptionInfo".encode("utf-16-le") in data[:65536]:  # the stream Office encrypts into
        raise EncryptedDocument(path, "the Office file is password-protected")
    found = read_doc(path, options.encoding, data=data)
    check_text(path, found.text, options)
    paragraphs = split_paragraphs(found.text)
    return Document(path=str(path), format="doc", paragraphs=tuple(paragraphs), encoding=found.encoding)


FORMAT = Format("doc", (".doc",), read_word97, magic=_OLE2_MAGIC)
